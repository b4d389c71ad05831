import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RestoreJob } from '../../contract/atlas/restore-job'
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
import { jobsPath, restoreKit, toStaging } from '../sim/restore-test-kit'

// Restore jobs of dedicated clusters (ops 18–21) over real HTTP: list, get, and what a
// creation is refused for in its body and in what it names, each rule accepted at its edge and
// refused one step past it, with the errorCode, status and field Atlas would give.
// restore-jobs-conflicts.test.ts covers the window, limits, conflicts, cancel and failures.

let sb: TestSandbox
const kit = restoreKit(() => sb)

beforeAll(async () => {
  sb = await startTestSandbox({ SANDBOX_RATE_CAPACITY: '100000' })
})
afterAll(async () => {
  await sb.close()
})

describe('list (18) and get (20)', () => {
  beforeAll(() => kit.reset())

  it('lists the seeded jobs of a cluster newest first, paginated', async () => {
    const all = await kit.call('GET', jobsPath(PAYMENTS, 'payments-rs'))
    expect(all.status).toBe(200)
    const body = all.body as { results: RestoreJob[]; totalCount: number }
    expect(body.totalCount).toBe(3)
    const stamps = body.results.map((j) => j.id ?? '')
    expect([...stamps].sort().reverse()).toEqual(stamps)

    const page = await kit.call(
      'GET',
      jobsPath(
        PAYMENTS,
        'payments-rs',
        '?itemsPerPage=1&pageNum=2&includeCount=false',
      ),
    )
    const paged = page.body as {
      results: RestoreJob[]
      totalCount?: number
      links: { rel: string }[]
    }
    expect(paged.results.map((j) => j.id)).toEqual([body.results[1]?.id])
    expect(paged.totalCount).toBeUndefined()
    expect(paged.links.map((l) => l.rel)).toEqual(['self', 'previous', 'next'])
  })

  it('gets one job with its links, and answers 404 and 400 as Atlas does', async () => {
    const list = await kit.call('GET', jobsPath(PAYMENTS, 'payments-rs'))
    const first = (list.body as { results: RestoreJob[] }).results[0]
    const job = await kit.job(PAYMENTS, 'payments-rs', first?.id ?? '')
    expect(job).toEqual(first)
    expect(job.links?.[0]?.rel).toBe('self')

    expectError(
      await kit.call(
        'GET',
        jobsPath(PAYMENTS, 'payments-rs', `/${MISSING_ID}`),
      ),
      404,
      'RESOURCE_NOT_FOUND',
    )
    // The spec declares no 400 for op 20; the shared path check answers one, as for every id.
    expectError(
      await sb.atlas({ path: jobsPath(PAYMENTS, 'payments-rs', '/nope') }),
      400,
      'VALIDATION_ERROR',
      'restoreJobId',
    )
    expectError(
      await kit.call('GET', jobsPath(PAYMENTS, 'no-such-cluster')),
      404,
      'CLUSTER_NOT_FOUND',
    )
    expectError(
      await kit.call('GET', jobsPath(MISSING_ID, 'payments-rs')),
      404,
      'RESOURCE_NOT_FOUND',
    )
    // Op 18 declares no 400 either; the flex/dedicated code is the CLI's (ATLAS-CONTRACT §8).
    expectError(
      await sb.atlas({ path: jobsPath(ANALYTICS, 'reports-flex') }),
      400,
      'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API',
    )
  })
})

describe('create (19): the body, R2–R4', () => {
  let snapshotId = ''
  beforeAll(async () => {
    await kit.reset()
    snapshotId = (await kit.latestCompleted(PAYMENTS, 'payments-rs')).id
  })

  const refusals: [string, Record<string, unknown>, string][] = [
    [
      'automated without snapshotId',
      { deliveryType: 'automated', ...toStaging },
      'snapshotId',
    ],
    [
      'automated without targetClusterName',
      { deliveryType: 'automated', snapshotId: 'S', targetGroupId: PAYMENTS },
      'targetClusterName',
    ],
    [
      'automated without targetGroupId',
      {
        deliveryType: 'automated',
        snapshotId: 'S',
        targetClusterName: 'payments-staging',
      },
      'targetGroupId',
    ],
    [
      'download with a target',
      { deliveryType: 'download', snapshotId: 'S', targetGroupId: PAYMENTS },
      'targetGroupId',
    ],
    [
      'pointInTime without targets',
      { deliveryType: 'pointInTime', pointInTimeUTCSeconds: 1_800_000_000 },
      'targetGroupId',
    ],
    [
      'pointInTime without an instant',
      { deliveryType: 'pointInTime', ...toStaging },
      'pointInTimeUTCSeconds',
    ],
    [
      'pointInTimeUTCSeconds 1199145599',
      {
        deliveryType: 'pointInTime',
        ...toStaging,
        pointInTimeUTCSeconds: 1_199_145_599,
      },
      'pointInTimeUTCSeconds',
    ],
    [
      'pointInTimeUTCSeconds past int32',
      {
        deliveryType: 'pointInTime',
        ...toStaging,
        pointInTimeUTCSeconds: 2_147_483_648,
      },
      'pointInTimeUTCSeconds',
    ],
    [
      'oplogTs without oplogInc',
      { deliveryType: 'pointInTime', ...toStaging, oplogTs: 1_800_000_000 },
      'oplogInc',
    ],
    [
      'oplogInc without oplogTs',
      { deliveryType: 'pointInTime', ...toStaging, oplogInc: 1 },
      'oplogTs',
    ],
    [
      'oplogInc 0',
      {
        deliveryType: 'pointInTime',
        ...toStaging,
        oplogTs: 1_800_000_000,
        oplogInc: 0,
      },
      'oplogInc',
    ],
    [
      'oplogTs 1199145599',
      {
        deliveryType: 'pointInTime',
        ...toStaging,
        oplogTs: 1_199_145_599,
        oplogInc: 1,
      },
      'oplogTs',
    ],
    [
      'both forms of the instant',
      {
        deliveryType: 'pointInTime',
        ...toStaging,
        pointInTimeUTCSeconds: 1_800_000_000,
        oplogTs: 1_800_000_000,
        oplogInc: 1,
      },
      'pointInTimeUTCSeconds',
    ],
    [
      'an instant on an automated restore',
      {
        deliveryType: 'automated',
        snapshotId: 'S',
        ...toStaging,
        pointInTimeUTCSeconds: 1_800_000_000,
      },
      'pointInTimeUTCSeconds',
    ],
    [
      'an unknown deliveryType',
      { deliveryType: 'tape', snapshotId: 'S' },
      'deliveryType',
    ],
    [
      'a string instant',
      {
        deliveryType: 'pointInTime',
        ...toStaging,
        pointInTimeUTCSeconds: '1800000000',
      },
      'pointInTimeUTCSeconds',
    ],
    [
      'a malformed snapshotId',
      { deliveryType: 'download', snapshotId: 'abc' },
      'snapshotId',
    ],
  ]

  it.each(refusals)(
    'refuses %s with 400 naming the field',
    async (_name, body, field) => {
      const withId = JSON.parse(
        JSON.stringify(body).replace('"S"', `"${snapshotId}"`),
      ) as unknown
      expectError(
        await kit.create(PAYMENTS, 'payments-rs', withId),
        400,
        'VALIDATION_ERROR',
        field,
      )
    },
  )

  it('refuses a missing body', async () => {
    expectError(
      await kit.create(PAYMENTS, 'payments-rs', undefined),
      400,
      'VALIDATION_ERROR',
      'body',
    )
  })

  it('takes the oplog pair at its lower bounds as a well-formed instant (then R4 judges it)', async () => {
    const res = await kit.create(PAYMENTS, 'payments-rs', {
      deliveryType: 'pointInTime',
      ...toStaging,
      oplogTs: 1_199_145_600,
      oplogInc: 1,
    })
    expectError(res, 400, 'POINT_IN_TIME_OUTSIDE_RESTORE_WINDOW', 'oplogTs')
  })
})

describe('create (19): source, snapshot and target', () => {
  beforeAll(() => kit.reset())

  it('R1: pointInTime needs continuous backup; download is refused with customer-key encryption', async () => {
    const staging = await kit.latestCompleted(PAYMENTS, 'payments-staging')
    expectError(
      await kit.create(PAYMENTS, 'payments-staging', {
        deliveryType: 'pointInTime',
        snapshotId: staging.id,
        targetGroupId: PAYMENTS,
        targetClusterName: 'payments-rs',
        pointInTimeUTCSeconds: Math.floor(staging.createdAt / 1000),
      }),
      400,
      'DELIVERY_TYPE_NOT_SUPPORTED',
      'deliveryType',
    )
    const ledger = await kit.latestCompleted(PAYMENTS, 'ledger-archive')
    expectError(
      await kit.create(PAYMENTS, 'ledger-archive', {
        deliveryType: 'download',
        snapshotId: ledger.id,
      }),
      400,
      'DELIVERY_TYPE_NOT_SUPPORTED',
      'deliveryType',
    )
  })

  it('answers 404 for a snapshot that does not exist or belongs to another cluster', async () => {
    expectError(
      await kit.create(PAYMENTS, 'payments-rs', {
        deliveryType: 'automated',
        snapshotId: MISSING_ID,
        ...toStaging,
      }),
      404,
      'RESOURCE_NOT_FOUND',
      'snapshotId',
    )
    const other = await kit.latestCompleted(PAYMENTS, 'payments-staging')
    expectError(
      await kit.create(PAYMENTS, 'payments-rs', {
        deliveryType: 'download',
        snapshotId: other.id,
      }),
      404,
      'RESOURCE_NOT_FOUND',
      'snapshotId',
    )
  })

  it('answers 404 for a target project or cluster that does not exist', async () => {
    const { id } = await kit.latestCompleted(PAYMENTS, 'payments-rs')
    expectError(
      await kit.create(PAYMENTS, 'payments-rs', {
        deliveryType: 'automated',
        snapshotId: id,
        targetGroupId: MISSING_ID,
        targetClusterName: 'payments-staging',
      }),
      404,
      'RESOURCE_NOT_FOUND',
      'targetGroupId',
    )
    expectError(
      await kit.create(PAYMENTS, 'payments-rs', {
        deliveryType: 'automated',
        snapshotId: id,
        targetGroupId: ANALYTICS,
        targetClusterName: 'payments-staging',
      }),
      404,
      'CLUSTER_NOT_FOUND',
      'targetClusterName',
    )
  })

  it('refuses a snapshot that is not completed yet', async () => {
    const taken = await kit.call(
      'POST',
      `/groups/${PAYMENTS}/clusters/payments-rs/backup/snapshots`,
      { description: 'fresh', retentionInDays: 1 },
    )
    expect(taken.status).toBe(200)
    const id = (taken.body as { id: string }).id
    expectError(
      await kit.create(PAYMENTS, 'payments-rs', {
        deliveryType: 'automated',
        snapshotId: id,
        ...toStaging,
      }),
      400,
      'SNAPSHOT_NOT_COMPLETED',
      'snapshotId',
    )
  })

  it('R7: a sharded snapshot restores only to the same shard count, never across topologies', async () => {
    const sharded = await kit.latestCompleted(PAYMENTS, 'payments-sharded')
    const rs = await kit.latestCompleted(PAYMENTS, 'payments-rs')
    const to = (
      groupId: string,
      targetClusterName: string,
      snapshotId: string,
    ) => ({
      deliveryType: 'automated',
      snapshotId,
      targetGroupId: groupId,
      targetClusterName,
    })
    // 3 shards onto 2 shards: one shard short.
    expectError(
      await kit.create(
        PAYMENTS,
        'payments-sharded',
        to(ANALYTICS, 'warehouse-sharded', sharded.id),
      ),
      400,
      'RESTORE_TOPOLOGY_MISMATCH',
      'targetClusterName',
    )
    expectError(
      await kit.create(
        PAYMENTS,
        'payments-sharded',
        to(PAYMENTS, 'payments-staging', sharded.id),
      ),
      400,
      'RESTORE_TOPOLOGY_MISMATCH',
      'targetClusterName',
    )
    expectError(
      await kit.create(
        PAYMENTS,
        'payments-rs',
        to(PAYMENTS, 'payments-sharded', rs.id),
      ),
      400,
      'RESTORE_TOPOLOGY_MISMATCH',
      'targetClusterName',
    )
    // The same 3 shards: accepted.
    await kit.acceptedThenCancelled(
      PAYMENTS,
      'payments-sharded',
      to(PAYMENTS, 'payments-sharded', sharded.id),
    )
  })

  it('refuses a target on an older MongoDB release or of another kind; a newer one is fine', async () => {
    const rs = await kit.latestCompleted(PAYMENTS, 'payments-rs')
    const to = (groupId: string, targetClusterName: string) => ({
      deliveryType: 'automated',
      snapshotId: rs.id,
      targetGroupId: groupId,
      targetClusterName,
    })
    // 7.0 data onto 6.0.
    expectError(
      await kit.create(PAYMENTS, 'payments-rs', to(PAYMENTS, 'ledger-archive')),
      400,
      'INCOMPATIBLE_RESTORE_TARGET',
      'targetClusterName',
    )
    expectError(
      await kit.create(
        PAYMENTS,
        'payments-rs',
        to(DEV_TOOLS, 'dev-serverless'),
      ),
      400,
      'INCOMPATIBLE_RESTORE_TARGET',
      'targetClusterName',
    )
    // 7.0 data onto 8.0, in another project.
    await kit.acceptedThenCancelled(
      PAYMENTS,
      'payments-rs',
      to(ANALYTICS, 'events-nvme'),
    )
  })
})
