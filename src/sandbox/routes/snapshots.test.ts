import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { takeSnapshot, type SnapshotDoc } from '../state/snapshots-repo'
import {
  startTestSandbox,
  type TestSandbox,
} from '../../testing/sandbox-harness'
import {
  ANALYTICS,
  DEV_TOOLS,
  MISSING_ID,
  PAYMENTS,
  expectError,
} from '../atlas-test-kit'
import { caller } from './snapshot-test-kit'

// Snapshots of dedicated clusters (ops 7–14) over real HTTP; every answer is checked against
// the official spec when it is present.

const DAY = 86_400_000

let sb: TestSandbox

beforeAll(async () => {
  sb = await startTestSandbox({ SANDBOX_RATE_CAPACITY: '100000' })
})
afterAll(async () => {
  await sb.close()
})

const snaps = (group: string, cluster: string, rest = '') =>
  `/groups/${group}/clusters/${cluster}/backup/snapshots${rest}`

const call = caller(() => sb)

async function list(group: string, cluster: string, query = '') {
  const res = await call('GET', snaps(group, cluster, query))
  expect(res.status).toBe(200)
  return res.body as { results: SnapshotDoc[]; totalCount?: number }
}

describe('list snapshots (7)', () => {
  it('lists newest first, paginated', async () => {
    const all = await list(PAYMENTS, 'payments-staging')
    const times = all.results.map((s) => Date.parse(s.createdAt ?? ''))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(all.totalCount).toBe(all.results.length)
    const page = await list(
      PAYMENTS,
      'payments-staging',
      '?itemsPerPage=2&pageNum=2',
    )
    expect(page.results.map((s) => s.id)).toEqual(
      all.results.slice(2, 4).map((s) => s.id),
    )
    expect(page.results[0]?.links?.[0]?.rel).toBe('self')
  })

  it('finds the closest snapshot before a point in time or an oplog timestamp', async () => {
    const all = (await list(PAYMENTS, 'payments-staging')).results
    const target = all[3]
    const seconds = Date.parse(target?.createdAt ?? '') / 1000 + 60
    const byPoint = await list(
      PAYMENTS,
      'payments-staging',
      `?pointInTimeUtcSeconds=${seconds}`,
    )
    expect(byPoint.results.map((s) => s.id)).toEqual([target?.id])
    const byOplog = await list(
      PAYMENTS,
      'payments-staging',
      `?oplogTs=${seconds}&oplogInc=1`,
    )
    expect(byOplog.results.map((s) => s.id)).toEqual([target?.id])
    const tooEarly = await list(
      PAYMENTS,
      'payments-staging',
      '?pointInTimeUtcSeconds=1199145600',
    )
    expect(tooEarly.results).toEqual([])
  })

  it('refuses a point in time together with an oplog timestamp, and half a pair', async () => {
    const path = snaps(PAYMENTS, 'payments-staging')
    expectError(
      await call(
        'GET',
        `${path}?pointInTimeUtcSeconds=1700000000&oplogTs=1700000000`,
      ),
      400,
      'INVALID_QUERY_PARAMETER',
      'pointInTimeUtcSeconds',
    )
    expectError(
      await call('GET', `${path}?oplogTs=1700000000`),
      400,
      'INVALID_QUERY_PARAMETER',
      'oplogInc',
    )
    expectError(
      await call('GET', `${path}?oplogInc=3`),
      400,
      'INVALID_QUERY_PARAMETER',
      'oplogTs',
    )
    expectError(
      await call('GET', `${path}?pointInTimeUtcSeconds=soon`),
      400,
      'INVALID_QUERY_PARAMETER',
      'pointInTimeUtcSeconds',
    )
  })

  it('answers 404 for an unknown cluster or project, 400 for bad ids and flex clusters', async () => {
    expectError(
      await call('GET', snaps(PAYMENTS, 'no-such-cluster')),
      404,
      'CLUSTER_NOT_FOUND',
    )
    expectError(
      await call('GET', snaps(MISSING_ID, 'payments-rs')),
      404,
      'RESOURCE_NOT_FOUND',
    )
    expectError(
      await call('GET', snaps('not-an-id', 'payments-rs')),
      400,
      'INVALID_GROUP_ID',
      'groupId',
    )
    expectError(
      await call('GET', snaps(ANALYTICS, 'reports-flex')),
      400,
      'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API',
    )
  })
})

describe('take an on-demand snapshot (8), S1', () => {
  const path = snaps(PAYMENTS, 'payments-staging')

  it('returns 200 with the queued snapshot; a second one waits for the first', async () => {
    const res = await call('POST', path, {
      description: 'before upgrade',
      retentionInDays: 1,
    })
    expect(res.status).toBe(200)
    const doc = res.body as SnapshotDoc
    expect(doc).toMatchObject({
      snapshotType: 'onDemand',
      status: 'queued',
      type: 'replicaSet',
      description: 'before upgrade',
    })
    expect(doc.frequencyType).toBeUndefined()
    expect(
      Date.parse(doc.expiresAt ?? '') - Date.parse(doc.createdAt ?? ''),
    ).toBe(DAY)
    expectError(
      await call('POST', path, { description: 'again', retentionInDays: 2 }),
      400,
      'ON_DEMAND_SNAPSHOT_IN_PROGRESS',
    )
    await sb.control('POST', '/clock/advance', { minutes: 2 })
    const running = await call(
      'GET',
      snaps(PAYMENTS, 'payments-staging', `/${doc.id ?? ''}`),
    )
    expect((running.body as SnapshotDoc).status).toBe('inProgress')
    expectError(
      await call('POST', path, { description: 'again', retentionInDays: 2 }),
      400,
      'ON_DEMAND_SNAPSHOT_IN_PROGRESS',
    )
    await sb.control('POST', '/clock/advance', { minutes: 15 })
    const next = await call('POST', path, {
      description: 'again',
      retentionInDays: 2,
    })
    expect(next.status).toBe(200)
  })

  it('refuses retentionInDays 0 and a missing description', async () => {
    const other = snaps(PAYMENTS, 'ledger-archive')
    expectError(
      await call('POST', other, { description: 'x', retentionInDays: 0 }),
      400,
      'VALIDATION_ERROR',
      'retentionInDays',
    )
    expectError(
      await call('POST', other, { retentionInDays: 3 }),
      400,
      'VALIDATION_ERROR',
      'description',
    )
  })

  it('is not blocked by a queued scheduled snapshot', async () => {
    const { ctx } = sb.sandbox
    const now = ctx.clock.now()
    const scheduled = takeSnapshot(ctx, {
      groupId: DEV_TOOLS,
      clusterName: 'failing-restore-target',
      at: now,
      snapshotType: 'scheduled',
      frequencyType: 'hourly',
      expiresAt: now + 2 * DAY,
    })
    expect(scheduled.doc.status).toBe('queued')
    const res = await call('POST', snaps(DEV_TOOLS, 'failing-restore-target'), {
      description: 'during a scheduled one',
      retentionInDays: 1,
    })
    expect(res.status).toBe(200)
  })

  it('takes a sharded snapshot with its members, and refuses a cluster without backup', async () => {
    const res = await call('POST', snaps(ANALYTICS, 'warehouse-sharded'), {
      description: 'sharded',
      retentionInDays: 5,
    })
    expect(res.status).toBe(200)
    const doc = res.body as SnapshotDoc
    expect(doc.type).toBe('shardedCluster')
    expect(doc.members).toHaveLength(3)
    expect(doc.snapshotIds).toEqual(doc.members?.map((m) => m.id))
    expectError(
      await call('POST', snaps(ANALYTICS, 'legacy-reporting'), {
        description: 'no backup',
        retentionInDays: 1,
      }),
      400,
      'BACKUP_NOT_ENABLED',
    )
  })
})

describe('get, change expiry, delete (9–11)', () => {
  it('gets one snapshot, 404 for an unknown id, 400 for a bad one', async () => {
    const [first] = (await list(PAYMENTS, 'payments-rs')).results
    const res = await call(
      'GET',
      snaps(PAYMENTS, 'payments-rs', `/${first?.id ?? ''}`),
    )
    expect(res.status).toBe(200)
    expect((res.body as SnapshotDoc).id).toBe(first?.id)
    expectError(
      await call('GET', snaps(PAYMENTS, 'payments-rs', `/${MISSING_ID}`)),
      404,
      'RESOURCE_NOT_FOUND',
    )
    expectError(
      await call('GET', snaps(PAYMENTS, 'payments-rs', '/123')),
      400,
      'VALIDATION_ERROR',
      'snapshotId',
    )
  })

  it('changes the expiry with UPPERCASE units, counted from creation', async () => {
    const [, second] = (await list(PAYMENTS, 'payments-rs')).results
    const path = snaps(PAYMENTS, 'payments-rs', `/${second?.id ?? ''}`)
    const res = await call('PATCH', path, {
      retentionUnit: 'WEEKS',
      retentionValue: 3,
    })
    expect(res.status).toBe(200)
    const doc = res.body as SnapshotDoc
    expect(
      Date.parse(doc.expiresAt ?? '') - Date.parse(doc.createdAt ?? ''),
    ).toBe(21 * DAY)
    expectError(
      await call('PATCH', path, { retentionUnit: 'weeks', retentionValue: 3 }),
      400,
      'VALIDATION_ERROR',
      'retentionUnit',
    )
    const oldest = (await list(PAYMENTS, 'payments-rs')).results.at(-1)
    expectError(
      await call(
        'PATCH',
        snaps(PAYMENTS, 'payments-rs', `/${oldest?.id ?? ''}`),
        {
          retentionUnit: 'DAYS',
          retentionValue: 1,
        },
      ),
      400,
      'VALIDATION_ERROR',
      'retentionValue',
    )
    expectError(
      await call('PATCH', snaps(PAYMENTS, 'payments-rs', `/${MISSING_ID}`), {
        retentionUnit: 'DAYS',
        retentionValue: 1,
      }),
      404,
      'RESOURCE_NOT_FOUND',
    )
  })

  it('deletes with 204; a Backup Compliance Policy forbids it (S3)', async () => {
    const all = (await list(DEV_TOOLS, 'failing-restore-target')).results
    const first = all[0]
    // A weekly snapshot, kept 4 weeks: 1 day would shorten it.
    const second = all.find((s) => s.frequencyType === 'weekly')
    await sb.control('POST', `/groups/${DEV_TOOLS}/compliance`, {
      enabled: true,
    })
    const refused = await call(
      'DELETE',
      snaps(DEV_TOOLS, 'failing-restore-target', `/${first?.id ?? ''}`),
    )
    expectError(refused, 403, 'BACKUP_COMPLIANCE_POLICY_VIOLATION')
    const shorter = await call(
      'PATCH',
      snaps(DEV_TOOLS, 'failing-restore-target', `/${second?.id ?? ''}`),
      { retentionUnit: 'DAYS', retentionValue: 1 },
    )
    expectError(
      shorter,
      403,
      'BACKUP_COMPLIANCE_POLICY_VIOLATION',
      'retentionValue',
    )
    await sb.control('POST', `/groups/${DEV_TOOLS}/compliance`, {
      enabled: false,
    })
    const path = snaps(
      DEV_TOOLS,
      'failing-restore-target',
      `/${first?.id ?? ''}`,
    )
    const res = await call('DELETE', path)
    expect(res.status).toBe(204)
    expectError(await call('GET', path), 404, 'RESOURCE_NOT_FOUND')
    expectError(await call('DELETE', path), 404, 'RESOURCE_NOT_FOUND')
  })
})

describe('sharded cluster snapshots (12–14)', () => {
  const sharded = (rest: string) => snaps(PAYMENTS, 'payments-sharded', rest)

  it('lists them all with results and totalCount', async () => {
    const res = await call('GET', sharded('/shardedClusters'))
    expect(res.status).toBe(200)
    const body = res.body as { results: SnapshotDoc[]; totalCount: number }
    expect(body.totalCount).toBe(body.results.length)
    expect(body.results.length).toBeGreaterThan(10)
    expect(body.results.every((s) => s.type === 'shardedCluster')).toBe(true)
    const onReplicaSet = await call(
      'GET',
      snaps(PAYMENTS, 'payments-rs', '/shardedClusters'),
    )
    expect(onReplicaSet.body).toMatchObject({ results: [], totalCount: 0 })
  })

  it('gets and deletes one; a replica set snapshot is not found there', async () => {
    const body = (await call('GET', sharded('/shardedClusters'))).body as {
      results: SnapshotDoc[]
    }
    const id = body.results[0]?.id ?? ''
    const res = await call('GET', sharded(`/shardedCluster/${id}`))
    expect(res.status).toBe(200)
    expect((res.body as SnapshotDoc).members).toHaveLength(4)
    // The generic get (9) serves sharded snapshots too.
    expect((await call('GET', sharded(`/${id}`))).status).toBe(200)
    const [rs] = (await list(PAYMENTS, 'payments-rs')).results
    expectError(
      await call(
        'GET',
        snaps(PAYMENTS, 'payments-rs', `/shardedCluster/${rs?.id ?? ''}`),
      ),
      404,
      'RESOURCE_NOT_FOUND',
    )
    expectError(
      await call('GET', sharded('/shardedCluster/xyz')),
      400,
      'VALIDATION_ERROR',
      'snapshotId',
    )
    await sb.control('POST', `/groups/${PAYMENTS}/compliance`, {
      enabled: true,
    })
    expectError(
      await call('DELETE', sharded(`/shardedCluster/${id}`)),
      403,
      'BACKUP_COMPLIANCE_POLICY_VIOLATION',
    )
    await sb.control('POST', `/groups/${PAYMENTS}/compliance`, {
      enabled: false,
    })
    expect(
      (await call('DELETE', sharded(`/shardedCluster/${id}`))).status,
    ).toBe(204)
    expectError(
      await call('GET', sharded(`/shardedCluster/${id}`)),
      404,
      'RESOURCE_NOT_FOUND',
    )
  })
})
