import { describe, expect, it } from 'vitest'
import {
  flexDownloadCreateSchema,
  flexRestoreJobCreateSchema,
  flexRestoreJobSchema,
  flexSnapshotSchema,
  paginatedFlexRestoreJobsSchema,
  paginatedFlexSnapshotsSchema,
} from './flex-backup'

const without = (obj: object, key: string) =>
  Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key))

const snapshot = {
  id: '66e0f1a2b3c4d5e6f7a8b901',
  status: 'COMPLETED',
  scheduledTime: '2025-06-01T03:00:00Z',
  startTime: '2025-06-01T03:00:02Z',
  finishTime: '2025-06-01T03:01:10Z',
  expiration: '2025-06-09T03:01:10Z',
  mongoDBVersion: '8.0.4',
  links: [],
}

const restoreJob = {
  id: '66e0f1a2b3c4d5e6f7a8b9a0',
  deliveryType: 'RESTORE',
  status: 'RUNNING',
  instanceName: 'staging-flex',
  projectId: '5f4d3c2b1a0f9e8d7c6b5a49',
  snapshotId: '66e0f1a2b3c4d5e6f7a8b901',
  targetDeploymentItemName: 'staging-copy',
  targetProjectId: '5f4d3c2b1a0f9e8d7c6b5a49',
  restoreScheduledDate: '2025-06-02T09:00:00Z',
  snapshotFinishedDate: '2025-06-01T03:01:10Z',
}

const downloadJob = {
  id: '66e0f1a2b3c4d5e6f7a8b9a1',
  deliveryType: 'DOWNLOAD',
  status: 'COMPLETED',
  instanceName: 'staging-flex',
  projectId: '5f4d3c2b1a0f9e8d7c6b5a49',
  snapshotId: '66e0f1a2b3c4d5e6f7a8b901',
  snapshotUrl: 'https://flex-download.example.net/66e0f1a2.tar.gz',
  expirationDate: '2025-06-02T13:00:00Z',
}

describe('flexSnapshotSchema', () => {
  it('parses a snapshot and a page', () => {
    expect(flexSnapshotSchema.parse(snapshot)).toEqual(snapshot)
    expect(
      paginatedFlexSnapshotsSchema.safeParse({ results: [snapshot] }).success,
    ).toBe(true)
  })

  it('uses UPPERCASE statuses, unlike dedicated snapshots', () => {
    expect(
      flexSnapshotSchema.safeParse({ ...snapshot, status: 'QUEUED' }).success,
    ).toBe(true)
    expect(
      flexSnapshotSchema.safeParse({ ...snapshot, status: 'completed' })
        .success,
    ).toBe(false)
  })

  it('keeps unknown fields', () => {
    expect(flexSnapshotSchema.parse({ ...snapshot, size: 9 })).toHaveProperty(
      'size',
      9,
    )
  })
})

describe('flexRestoreJobSchema', () => {
  it('parses a restore and a download job', () => {
    expect(flexRestoreJobSchema.parse(restoreJob)).toEqual(restoreJob)
    expect(flexRestoreJobSchema.parse(downloadJob)).toEqual(downloadJob)
    expect(
      paginatedFlexRestoreJobsSchema.parse({
        results: [restoreJob, downloadJob],
        totalCount: 2,
      }).results,
    ).toHaveLength(2)
  })

  it('refuses the dedicated delivery types', () => {
    expect(
      flexRestoreJobSchema.safeParse({
        ...restoreJob,
        deliveryType: 'automated',
      }).success,
    ).toBe(false)
  })
})

describe('flexRestoreJobCreateSchema', () => {
  const body = {
    snapshotId: '66e0f1a2b3c4d5e6f7a8b901',
    targetDeploymentItemName: 'staging-copy',
    targetProjectId: '5f4d3c2b1a0f9e8d7c6b5a49',
  }
  const accepts = (patch: Record<string, unknown>) =>
    flexRestoreJobCreateSchema.safeParse({ ...body, ...patch }).success

  it('parses a restore body', () => {
    expect(flexRestoreJobCreateSchema.parse(body)).toEqual(body)
  })

  it('requires snapshotId and targetDeploymentItemName only', () => {
    for (const key of ['snapshotId', 'targetDeploymentItemName']) {
      const partial = without(body, key)
      expect(flexRestoreJobCreateSchema.safeParse(partial).success).toBe(false)
    }
    const withoutProject: Record<string, unknown> = { ...body }
    delete withoutProject.targetProjectId
    expect(flexRestoreJobCreateSchema.safeParse(withoutProject).success).toBe(
      true,
    )
  })

  it('takes unicode target names of 1..64 characters', () => {
    expect(accepts({ targetDeploymentItemName: 'Données-prod' })).toBe(true)
    expect(accepts({ targetDeploymentItemName: 'a'.repeat(64) })).toBe(true)
    expect(accepts({ targetDeploymentItemName: 'a'.repeat(65) })).toBe(false)
    expect(accepts({ targetDeploymentItemName: '' })).toBe(false)
    expect(accepts({ targetDeploymentItemName: 'two words' })).toBe(false)
  })

  it('checks the ids', () => {
    expect(accepts({ targetProjectId: '5f4d3c2b1a0f9e8d7c6b5a4' })).toBe(false)
    expect(accepts({ snapshotId: '66E0F1A2B3C4D5E6F7A8B901' })).toBe(false)
  })
})

describe('flexDownloadCreateSchema', () => {
  it('requires a valid snapshotId', () => {
    expect(
      flexDownloadCreateSchema.safeParse({
        snapshotId: '66e0f1a2b3c4d5e6f7a8b901',
      }).success,
    ).toBe(true)
    expect(flexDownloadCreateSchema.safeParse({}).success).toBe(false)
    expect(
      flexDownloadCreateSchema.safeParse({ snapshotId: 'latest' }).success,
    ).toBe(false)
  })
})
