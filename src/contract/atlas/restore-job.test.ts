import { describe, expect, it } from 'vitest'
import {
  paginatedRestoreJobsSchema,
  restoreJobCreateSchema,
  restoreJobSchema,
} from './restore-job'

const automatedJob = {
  id: '66c0d1e2f3a4b5c6d7e8f901',
  deliveryType: 'automated',
  snapshotId: '66a0b1c2d3e4f5a6b7c8d9e0',
  targetClusterName: 'orders-staging',
  targetGroupId: '5f4d3c2b1a0f9e8d7c6b5a49',
  timestamp: '2025-06-01T18:00:05Z',
  cancelled: false,
  failed: false,
  expired: false,
  links: [],
}

const downloadJob = {
  id: '66c0d1e2f3a4b5c6d7e8f902',
  deliveryType: 'download',
  snapshotId: '66a0b1c2d3e4f5a6b7c8d9f0',
  cancelled: false,
  failed: false,
  expired: false,
  expiresAt: '2025-06-02T20:00:00Z',
  finishedAt: '2025-06-01T20:00:00Z',
  deliveryUrl: ['https://restore.example.net/66c0d1e2.tar.gz'],
  privateDownloadDeliveryUrls: [
    {
      deliveryUrl: 'https://restore-private.example.net/66c0d1e2.tar.gz',
      endpointId: 'vpce-0123456789abcdef0',
    },
  ],
  components: [
    {
      replicaSetName: 'atlas-xyz-shard-0',
      downloadUrl: 'https://restore.example.net/shard-0.tar.gz',
      privateDownloadDeliveryUrls: [],
    },
  ],
}

describe('restoreJobSchema', () => {
  it('parses an automated job', () => {
    expect(restoreJobSchema.parse(automatedJob)).toEqual(automatedJob)
  })

  it('parses a finished sharded download with per-shard URLs', () => {
    const parsed = restoreJobSchema.parse(downloadJob)
    expect(parsed.components?.[0]?.replicaSetName).toBe('atlas-xyz-shard-0')
  })

  it('keeps unknown fields', () => {
    expect(restoreJobSchema.parse({ ...automatedJob, x: 1 })).toHaveProperty(
      'x',
      1,
    )
  })

  it('requires deliveryType and refuses other casings', () => {
    const partial: Record<string, unknown> = { ...automatedJob }
    delete partial.deliveryType
    expect(restoreJobSchema.safeParse(partial).success).toBe(false)
    expect(
      restoreJobSchema.safeParse({ ...automatedJob, deliveryType: 'RESTORE' })
        .success,
    ).toBe(false)
  })

  it('does not enforce the bogus minimum on desiredTimestamp.increment', () => {
    const pit = {
      ...automatedJob,
      deliveryType: 'pointInTime',
      oplogTs: 1748800000,
      oplogInc: 3,
      desiredTimestamp: { date: '2025-06-01T17:46:40Z', increment: 3 },
    }
    expect(restoreJobSchema.safeParse(pit).success).toBe(true)
  })

  it('checks the private endpoint id pattern', () => {
    const withEndpoint = (endpointId: string) =>
      restoreJobSchema.safeParse({
        ...downloadJob,
        privateDownloadDeliveryUrls: [{ deliveryUrl: 'u', endpointId }],
      }).success
    expect(withEndpoint('vpce-0123456789abcdef0')).toBe(true)
    expect(withEndpoint('vpce-0123456789abcdef')).toBe(false)
    expect(withEndpoint('vpce-0123456789ABCDEF0')).toBe(false)
  })
})

describe('paginatedRestoreJobsSchema', () => {
  it('parses a page of jobs', () => {
    expect(
      paginatedRestoreJobsSchema.parse({
        results: [automatedJob, downloadJob],
        totalCount: 2,
      }).results,
    ).toHaveLength(2)
  })
})

describe('restoreJobCreateSchema', () => {
  const automated = {
    deliveryType: 'automated',
    snapshotId: '66a0b1c2d3e4f5a6b7c8d9e0',
    targetClusterName: 'orders-staging',
    targetGroupId: '5f4d3c2b1a0f9e8d7c6b5a49',
  }
  const accepts = (patch: Record<string, unknown>) =>
    restoreJobCreateSchema.safeParse({ ...automated, ...patch }).success

  it('parses an automated restore body', () => {
    expect(restoreJobCreateSchema.parse(automated)).toEqual(automated)
  })

  it('needs only deliveryType: per-type requirements are rules (R2-R4)', () => {
    expect(
      restoreJobCreateSchema.safeParse({ deliveryType: 'download' }).success,
    ).toBe(true)
    expect(restoreJobCreateSchema.safeParse({}).success).toBe(false)
    expect(accepts({ deliveryType: 'Automated' })).toBe(false)
  })

  it('bounds pointInTimeUTCSeconds to [1199145600, 2147483647]', () => {
    expect(accepts({ pointInTimeUTCSeconds: 1199145600 })).toBe(true)
    expect(accepts({ pointInTimeUTCSeconds: 1199145599 })).toBe(false)
    expect(accepts({ pointInTimeUTCSeconds: 2147483647 })).toBe(true)
    expect(accepts({ pointInTimeUTCSeconds: 2147483648 })).toBe(false)
    expect(accepts({ pointInTimeUTCSeconds: 1748800000.5 })).toBe(false)
  })

  it('bounds oplogTs to [1199145600, 2147483647]', () => {
    expect(accepts({ oplogTs: 1199145600 })).toBe(true)
    expect(accepts({ oplogTs: 1199145599 })).toBe(false)
    expect(accepts({ oplogTs: 2147483647 })).toBe(true)
    expect(accepts({ oplogTs: 2147483648 })).toBe(false)
  })

  it('bounds oplogInc to [1, 2147483647]', () => {
    expect(accepts({ oplogInc: 1 })).toBe(true)
    expect(accepts({ oplogInc: 0 })).toBe(false)
    expect(accepts({ oplogInc: 2147483647 })).toBe(true)
    expect(accepts({ oplogInc: 2147483648 })).toBe(false)
  })

  it('checks ids and the target cluster name', () => {
    expect(accepts({ snapshotId: '66a0b1c2d3e4f5a6b7c8d9e' })).toBe(false)
    expect(accepts({ snapshotId: '66A0B1C2D3E4F5A6B7C8D9E0' })).toBe(false)
    expect(accepts({ targetGroupId: 'not-an-id' })).toBe(false)
    expect(accepts({ targetClusterName: '-abc' })).toBe(false)
    expect(accepts({ targetClusterName: 'abc-' })).toBe(true)
  })
})
