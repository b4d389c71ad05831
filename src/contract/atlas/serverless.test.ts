import { describe, expect, it } from 'vitest'
import {
  paginatedServerlessInstancesSchema,
  paginatedServerlessRestoreJobsSchema,
  paginatedServerlessSnapshotsSchema,
  serverlessInstanceSchema,
  serverlessRestoreJobCreateSchema,
  serverlessRestoreJobSchema,
  serverlessSnapshotSchema,
} from './serverless'

const without = (obj: object, key: string) =>
  Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key))

const instance = {
  id: '64f0e1d2c3b4a59687766554',
  groupId: '5f4d3c2b1a0f9e8d7c6b5a49',
  name: 'events-serverless',
  mongoDBVersion: '7.0.14',
  stateName: 'IDLE',
  createDate: '2023-09-01T12:00:00Z',
  providerSettings: {
    providerName: 'SERVERLESS',
    backingProviderName: 'AWS',
    regionName: 'US_EAST_1',
  },
  serverlessBackupOptions: { serverlessContinuousBackupEnabled: true },
  connectionStrings: {
    standardSrv: 'mongodb+srv://events-serverless.abcde.mongodb.net',
  },
  terminationProtectionEnabled: false,
}

const snapshot = {
  id: '66d0e1f2a3b4c5d6e7f80910',
  createdAt: '2025-06-01T06:00:00Z',
  expiresAt: '2025-06-03T06:00:00Z',
  frequencyType: 'hourly',
  snapshotType: 'scheduled',
  status: 'completed',
  storageSizeBytes: 52_428_800,
  mongodVersion: '7.0.14',
  serverlessInstanceName: 'events-serverless',
}

const job = {
  id: '66d0e1f2a3b4c5d6e7f80920',
  deliveryType: 'pointInTime',
  targetClusterName: 'events-serverless',
  targetGroupId: '5f4d3c2b1a0f9e8d7c6b5a49',
  pointInTimeUTCSeconds: 1748757600,
  cancelled: false,
  failed: false,
  expired: false,
}

describe('serverlessInstanceSchema', () => {
  it('parses an instance and keeps connection string fields', () => {
    const parsed = serverlessInstanceSchema.parse(instance)
    expect(parsed).toEqual(instance)
    expect(parsed.connectionStrings).toHaveProperty('standardSrv')
  })

  it('keeps unknown fields', () => {
    expect(
      serverlessInstanceSchema.parse({ ...instance, extra: 'x' }),
    ).toHaveProperty('extra', 'x')
  })

  it('refuses a bad name or backing provider', () => {
    expect(
      serverlessInstanceSchema.safeParse({ ...instance, name: '-x' }).success,
    ).toBe(false)
    expect(
      serverlessInstanceSchema.safeParse({
        ...instance,
        providerSettings: {
          ...instance.providerSettings,
          backingProviderName: 'x',
        },
      }).success,
    ).toBe(false)
  })

  it('parses a page', () => {
    expect(
      paginatedServerlessInstancesSchema.safeParse({ results: [instance] })
        .success,
    ).toBe(true)
  })
})

describe('serverlessSnapshotSchema', () => {
  it('parses a snapshot', () => {
    expect(serverlessSnapshotSchema.parse(snapshot)).toEqual(snapshot)
    expect(
      paginatedServerlessSnapshotsSchema.safeParse({
        results: [snapshot],
        totalCount: 1,
      }).success,
    ).toBe(true)
  })

  it('has no yearly frequency and no fallback type', () => {
    expect(
      serverlessSnapshotSchema.safeParse({
        ...snapshot,
        frequencyType: 'yearly',
      }).success,
    ).toBe(false)
    expect(
      serverlessSnapshotSchema.safeParse({
        ...snapshot,
        snapshotType: 'fallback',
      }).success,
    ).toBe(false)
  })
})

describe('serverlessRestoreJobSchema', () => {
  it('parses a job and a page of jobs', () => {
    expect(serverlessRestoreJobSchema.parse(job)).toEqual(job)
    expect(
      paginatedServerlessRestoreJobsSchema.safeParse({ results: [job] })
        .success,
    ).toBe(true)
  })

  it('requires the target, as the spec does', () => {
    const partial: Record<string, unknown> = { ...job }
    delete partial.targetGroupId
    expect(serverlessRestoreJobSchema.safeParse(partial).success).toBe(false)
  })
})

describe('serverlessRestoreJobCreateSchema', () => {
  const body = {
    deliveryType: 'pointInTime',
    targetClusterName: 'events-serverless',
    targetGroupId: '5f4d3c2b1a0f9e8d7c6b5a49',
    pointInTimeUTCSeconds: 1748757600,
  }
  const accepts = (patch: Record<string, unknown>) =>
    serverlessRestoreJobCreateSchema.safeParse({ ...body, ...patch }).success

  it('parses a point-in-time body', () => {
    expect(serverlessRestoreJobCreateSchema.parse(body)).toEqual(body)
  })

  it('requires deliveryType, targetClusterName and targetGroupId', () => {
    for (const key of ['deliveryType', 'targetClusterName', 'targetGroupId']) {
      const partial = without(body, key)
      expect(serverlessRestoreJobCreateSchema.safeParse(partial).success).toBe(
        false,
      )
    }
  })

  it('applies the int32 restore bounds', () => {
    expect(accepts({ pointInTimeUTCSeconds: 1199145600 })).toBe(true)
    expect(accepts({ pointInTimeUTCSeconds: 1199145599 })).toBe(false)
    expect(accepts({ pointInTimeUTCSeconds: 2147483648 })).toBe(false)
    expect(accepts({ oplogInc: 1 })).toBe(true)
    expect(accepts({ oplogInc: 0 })).toBe(false)
  })

  it('checks the snapshot id', () => {
    expect(accepts({ snapshotId: '66d0e1f2a3b4c5d6e7f80910' })).toBe(true)
    expect(accepts({ snapshotId: '66d0e1f2a3b4c5d6e7f8091' })).toBe(false)
  })
})
