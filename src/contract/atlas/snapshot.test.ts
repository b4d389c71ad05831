import { describe, expect, it } from 'vitest'
import {
  onDemandSnapshotRequestSchema,
  paginatedReplicaSetSnapshotsSchema,
  paginatedShardedSnapshotsSchema,
  replicaSetSnapshotSchema,
  shardedSnapshotSchema,
  snapshotRetentionSchema,
  snapshotSchema,
} from './snapshot'

const replicaSetSnapshot = {
  id: '66a0b1c2d3e4f5a6b7c8d9e0',
  type: 'replicaSet',
  createdAt: '2025-06-01T18:00:05Z',
  expiresAt: '2025-06-03T18:00:05Z',
  frequencyType: 'hourly',
  snapshotType: 'scheduled',
  status: 'completed',
  storageSizeBytes: 1_073_741_824,
  mongodVersion: '8.0.4',
  policyItems: ['66a0b1c2d3e4f5a6b7c8d9e1'],
  cloudProvider: 'AWS',
  copyRegions: ['EU_CENTRAL_1'],
  replicaSetName: 'atlas-abc123-shard-0',
  links: [],
}

const shardedSnapshot = {
  id: '66a0b1c2d3e4f5a6b7c8d9f0',
  type: 'shardedCluster',
  createdAt: '2025-06-01T18:00:05Z',
  expiresAt: '2025-06-08T18:00:05Z',
  frequencyType: 'daily',
  snapshotType: 'scheduled',
  status: 'completed',
  storageSizeBytes: 5_368_709_120,
  mongodVersion: '7.0.12',
  configServerType: 'DEDICATED',
  members: [
    {
      cloudProvider: 'AWS',
      id: '66a0b1c2d3e4f5a6b7c8d9f1',
      replicaSetName: 'atlas-xyz-shard-0',
    },
    {
      cloudProvider: 'AWS',
      id: '66a0b1c2d3e4f5a6b7c8d9f2',
      replicaSetName: 'atlas-xyz-config-0',
    },
  ],
  snapshotIds: ['66a0b1c2d3e4f5a6b7c8d9f1', '66a0b1c2d3e4f5a6b7c8d9f2'],
}

describe('replicaSetSnapshotSchema', () => {
  it('parses a scheduled replica set snapshot', () => {
    expect(replicaSetSnapshotSchema.parse(replicaSetSnapshot)).toEqual(
      replicaSetSnapshot,
    )
  })

  it('keeps unknown fields', () => {
    const parsed = replicaSetSnapshotSchema.parse({
      ...replicaSetSnapshot,
      encryptionDetails: { kms: 'x' },
    })
    expect(parsed).toHaveProperty('encryptionDetails', { kms: 'x' })
  })

  it('parses an on-demand snapshot that is still queued', () => {
    const onDemand = {
      ...replicaSetSnapshot,
      snapshotType: 'onDemand',
      status: 'queued',
      description: 'before schema migration',
    }
    expect(replicaSetSnapshotSchema.safeParse(onDemand).success).toBe(true)
  })

  it('uses the camelCase enums, not the flex UPPERCASE ones', () => {
    const accepts = (patch: Record<string, unknown>) =>
      replicaSetSnapshotSchema.safeParse({ ...replicaSetSnapshot, ...patch })
        .success
    expect(accepts({ status: 'inProgress' })).toBe(true)
    expect(accepts({ status: 'QUEUED' })).toBe(false)
    expect(accepts({ snapshotType: 'fallback' })).toBe(true)
    expect(accepts({ snapshotType: 'ondemand' })).toBe(false)
    expect(accepts({ frequencyType: 'ondemand' })).toBe(false)
    expect(accepts({ type: 'sharded' })).toBe(false)
    expect(accepts({ cloudProvider: 'TENANT' })).toBe(false)
  })

  it('refuses bad policy item ids', () => {
    expect(
      replicaSetSnapshotSchema.safeParse({
        ...replicaSetSnapshot,
        policyItems: ['66a0b1c2d3e4f5a6b7c8d9e'],
      }).success,
    ).toBe(false)
  })
})

describe('shardedSnapshotSchema', () => {
  it('parses a sharded snapshot with its members', () => {
    const parsed = shardedSnapshotSchema.parse(shardedSnapshot)
    expect(parsed.members?.map((m) => m.replicaSetName)).toEqual([
      'atlas-xyz-shard-0',
      'atlas-xyz-config-0',
    ])
  })

  it('requires every member field', () => {
    const member: Record<string, unknown> = { ...shardedSnapshot.members[0] }
    delete member.replicaSetName
    expect(
      shardedSnapshotSchema.safeParse({ ...shardedSnapshot, members: [member] })
        .success,
    ).toBe(false)
  })

  it('keeps unknown fields on the snapshot and its members', () => {
    const parsed = shardedSnapshotSchema.parse({
      ...shardedSnapshot,
      extra: true,
      members: [{ ...shardedSnapshot.members[0], region: 'EU_WEST_1' }],
    })
    expect(parsed).toHaveProperty('extra', true)
    expect(parsed.members?.[0]).toHaveProperty('region', 'EU_WEST_1')
  })
})

describe('snapshotSchema', () => {
  it('parses the take-snapshot response and keeps variant fields', () => {
    const parsed = snapshotSchema.parse({
      id: '66a0b1c2d3e4f5a6b7c8d9e9',
      type: 'replicaSet',
      snapshotType: 'onDemand',
      status: 'queued',
      description: 'manual',
      replicaSetName: 'atlas-abc123-shard-0',
    })
    expect(parsed).toHaveProperty('replicaSetName', 'atlas-abc123-shard-0')
  })
})

describe('paginated snapshot lists', () => {
  it('parse pages of each kind', () => {
    expect(
      paginatedReplicaSetSnapshotsSchema.parse({
        results: [replicaSetSnapshot],
        totalCount: 1,
      }).results,
    ).toHaveLength(1)
    expect(
      paginatedShardedSnapshotsSchema.parse({
        results: [shardedSnapshot],
        totalCount: 1,
      }).results[0]?.snapshotIds,
    ).toHaveLength(2)
  })
})

describe('onDemandSnapshotRequestSchema', () => {
  const parse = (retentionInDays: unknown) =>
    onDemandSnapshotRequestSchema.safeParse({
      description: 'before release',
      retentionInDays,
    }).success

  it('accepts an empty body: every field is optional in the spec', () => {
    expect(onDemandSnapshotRequestSchema.safeParse({}).success).toBe(true)
  })

  it('requires retentionInDays of at least 1 (S1)', () => {
    expect(parse(1)).toBe(true)
    expect(parse(0)).toBe(false)
    expect(parse(-3)).toBe(false)
  })

  it('takes retentionInDays as an int32 integer', () => {
    expect(parse(2147483647)).toBe(true)
    expect(parse(2147483648)).toBe(false)
    expect(parse(1.5)).toBe(false)
    expect(parse('7')).toBe(false)
  })
})

describe('snapshotRetentionSchema', () => {
  it('parses an UPPERCASE unit and a value', () => {
    expect(
      snapshotRetentionSchema.parse({
        retentionUnit: 'DAYS',
        retentionValue: 5,
      }),
    ).toEqual({ retentionUnit: 'DAYS', retentionValue: 5 })
  })

  it('refuses the lowercase policy units', () => {
    expect(
      snapshotRetentionSchema.safeParse({
        retentionUnit: 'days',
        retentionValue: 5,
      }).success,
    ).toBe(false)
  })

  it('requires both fields and a value of at least 1', () => {
    expect(
      snapshotRetentionSchema.safeParse({ retentionUnit: 'WEEKS' }).success,
    ).toBe(false)
    expect(
      snapshotRetentionSchema.safeParse({ retentionValue: 1 }).success,
    ).toBe(false)
    expect(
      snapshotRetentionSchema.safeParse({
        retentionUnit: 'YEARS',
        retentionValue: 1,
      }).success,
    ).toBe(true)
    expect(
      snapshotRetentionSchema.safeParse({
        retentionUnit: 'YEARS',
        retentionValue: 0,
      }).success,
    ).toBe(false)
  })
})
