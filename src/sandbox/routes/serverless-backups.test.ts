import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiErrorSchema } from '../../contract/atlas/api-error'
import type {
  ServerlessRestoreJob,
  ServerlessSnapshot,
} from '../../contract/atlas/serverless'
import { SERVERLESS_SUNSET_DATE } from '../../contract/atlas/versions'
import {
  type AtlasResponse,
  startTestSandbox,
  type TestSandbox,
} from '../../testing/sandbox-harness'
import {
  ANALYTICS,
  DEV_TOOLS,
  MISSING_ID,
  conforms,
  expectError,
} from '../atlas-test-kit'

// Serverless backups (ops 22–26, R5) over real HTTP; every response is checked against the
// official spec when it is present.

const HOUR_S = 3600

type Snapshot = ServerlessSnapshot & { id: string }
type Job = ServerlessRestoreJob & { id: string }
type Page<T> = { results: T[]; totalCount: number }

let sb: TestSandbox

beforeAll(async () => {
  sb = await startTestSandbox({ SANDBOX_RATE_CAPACITY: '100000' })
})
afterAll(async () => {
  await sb.close()
})

const backup = (cluster: string, rest: string, group = DEV_TOOLS) =>
  `/groups/${group}/serverless/${cluster}/backup${rest}`
const JOBS = backup('dev-serverless', '/restoreJobs')
const toSelf = { targetGroupId: DEV_TOOLS, targetClusterName: 'dev-serverless' }

async function call(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  on: TestSandbox = sb,
): Promise<AtlasResponse> {
  const res = await on.atlas({ method, path, version: '2023-01-01', body })
  // After the sunset the operations' 410 is checked apart (apiErrorSchema) below.
  return res.status === 410 ? res : conforms(res)
}

const advance = (body: Record<string, number>) =>
  sb.control('POST', '/clock/advance', body)

async function reset() {
  expect((await sb.control('POST', '/reset')).status).toBe(200)
}

async function snapshots() {
  const res = await call('GET', backup('dev-serverless', '/snapshots'))
  expect(res.status).toBe(200)
  return res.body as Page<Snapshot>
}

async function completedSnapshot() {
  const found = (await snapshots()).results.find(
    (s) => s.status === 'completed',
  )
  if (!found) throw new Error('no completed serverless snapshot')
  return found
}

/**
 * The sandbox's now in whole seconds, read early in a real second: points in time are whole
 * seconds and the window's end is now truncated, so the edge must not cross a second boundary
 * before the request lands. The clock's offset is whole seconds, so its fraction is real time's.
 */
async function nowSeconds(): Promise<number> {
  while (Date.now() % 1000 > 300) {
    await new Promise((r) => setTimeout(r, 20))
  }
  const clock = (await sb.control('GET', '/clock')).body as { now: string }
  return Math.floor(Date.parse(clock.now) / 1000)
}

describe('snapshots (22, 23)', () => {
  beforeAll(reset)

  it('lists six-hourly and daily snapshots, newest first, and gets one', async () => {
    const page = await snapshots()
    expect(page.totalCount).toBeGreaterThan(25)
    const kinds = new Set(page.results.map((s) => s.frequencyType ?? 'none'))
    expect([...kinds].sort()).toEqual(['daily', 'hourly', 'none'])
    // R10: the one without a frequency is the snapshot taken after the seeded restore finished.
    const jobs = (await call('GET', JOBS)).body as Page<Job>
    const restored = jobs.results.find((j) => j.finishedAt !== undefined)
    expect(
      page.results.filter((s) => s.frequencyType === undefined),
    ).toMatchObject([{ createdAt: restored?.finishedAt }])
    const times = page.results.map((s) => Date.parse(s.createdAt ?? ''))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    for (const s of page.results) {
      expect(s).toMatchObject({
        snapshotType: 'scheduled',
        serverlessInstanceName: 'dev-serverless',
      })
      const kept = Date.parse(s.expiresAt ?? '') - Date.parse(s.createdAt ?? '')
      // Daily snapshots are kept 35 days, the six-hourly ones and the one after a restore the
      // 72-hour window.
      expect(kept).toBe(
        s.frequencyType === 'daily' ? 35 * 86_400_000 : 72 * 3_600_000,
      )
    }
    const one = await completedSnapshot()
    const res = await call(
      'GET',
      backup('dev-serverless', `/snapshots/${one.id}`),
    )
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: one.id, status: 'completed' })
  })

  it('answers 404 for an unknown snapshot or instance, 400 for a bad id', async () => {
    expectError(
      await call('GET', backup('dev-serverless', `/snapshots/${MISSING_ID}`)),
      404,
      'RESOURCE_NOT_FOUND',
    )
    expectError(
      await call('GET', backup('no-such-instance', '/snapshots')),
      404,
      'CLUSTER_NOT_FOUND',
    )
    expectError(
      await call('GET', backup('dev-serverless', '/snapshots/xyz')),
      400,
      'VALIDATION_ERROR',
      'snapshotId',
    )
  })

  it('refuses the serverless API for a flex cluster', async () => {
    expectError(
      await call('GET', backup('scratch-flex', '/snapshots')),
      400,
      'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API',
    )
  })
})

describe('restore jobs (24, 25, 26)', () => {
  beforeAll(reset)

  it('lists the seeded jobs and gets one; 404 for an unknown job', async () => {
    const res = await call('GET', JOBS)
    const page = res.body as Page<Job>
    expect(page.results.map((j) => [j.deliveryType, j.failed])).toEqual([
      ['pointInTime', true],
      ['automated', false],
    ])
    const done = page.results[1] as Job
    expect(done.finishedAt).toBeDefined()
    expect((res.body as Page<Job>).results[0]).not.toHaveProperty('status')
    const one = await call('GET', `${JOBS}/${done.id}`)
    expect(one.body).toMatchObject({ id: done.id, ...toSelf })
    expectError(
      await call('GET', `${JOBS}/${MISSING_ID}`),
      404,
      'RESOURCE_NOT_FOUND',
    )
  })

  it('restores a snapshot, finishes it (R10), moves the data and snapshots the target', async () => {
    const snap = await completedSnapshot()
    const res = await call('POST', JOBS, {
      deliveryType: 'automated',
      snapshotId: snap.id,
      ...toSelf,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const job = res.body as Job
    expect(job).toMatchObject({
      deliveryType: 'automated',
      snapshotId: snap.id,
      timestamp: snap.createdAt,
      failed: false,
      cancelled: false,
      expired: false,
      ...toSelf,
    })
    expect(job.finishedAt).toBeUndefined()

    // The target is unavailable during a restore: a second one is refused.
    expectError(
      await call('POST', JOBS, {
        deliveryType: 'automated',
        snapshotId: snap.id,
        ...toSelf,
      }),
      409,
      'TARGET_RESTORE_ALREADY_IN_PROGRESS',
      'targetClusterName',
    )

    const before = (await snapshots()).totalCount
    await advance({ seconds: 45 })
    const done = (await call('GET', `${JOBS}/${job.id}`)).body as Job
    expect(done.finishedAt).toBeDefined()
    expect(done.failed).toBe(false)
    const lineage = await sb.control(
      'GET',
      `/lineage/${DEV_TOOLS}/dev-serverless`,
    )
    const { segments } = lineage.body as {
      segments: { clusterName: string; from: string; to: string }[]
    }
    expect(Math.floor(Date.parse(segments[0]?.from ?? '') / 1000) * 1000).toBe(
      Date.parse(done.finishedAt ?? ''),
    )
    expect(Date.parse(segments[1]?.to ?? '')).toBe(
      Date.parse(snap.createdAt ?? ''),
    )
    // Reference 000: a snapshot of the restored instance follows the restore.
    const after = await snapshots()
    expect(after.totalCount).toBe(before + 1)
    expect(after.results[0]?.createdAt).toBe(done.finishedAt)
    // Taken by Atlas on its own: scheduled, from no policy item, so with no frequency.
    expect(after.results[0]?.snapshotType).toBe('scheduled')
    expect(after.results[0]?.frequencyType).toBeUndefined()
  })

  it('accepts a point in time at the 72-hour edge and refuses one second past it', async () => {
    const now = await nowSeconds()
    const past = await call('POST', JOBS, {
      deliveryType: 'pointInTime',
      pointInTimeUTCSeconds: now - 72 * HOUR_S - 1,
      ...toSelf,
    })
    expectError(
      past,
      400,
      'POINT_IN_TIME_OUTSIDE_RESTORE_WINDOW',
      'pointInTimeUTCSeconds',
    )
    const edge = await call('POST', JOBS, {
      deliveryType: 'pointInTime',
      pointInTimeUTCSeconds: now - 72 * HOUR_S,
      ...toSelf,
    })
    expect(edge.status, JSON.stringify(edge.body)).toBe(200)
    expect(edge.body).toMatchObject({
      deliveryType: 'pointInTime',
      pointInTimeUTCSeconds: now - 72 * HOUR_S,
    })
    await advance({ seconds: 45 })
    const lineage = await sb.control(
      'GET',
      `/lineage/${DEV_TOOLS}/dev-serverless`,
    )
    const { segments } = lineage.body as { segments: { to: string }[] }
    expect(Date.parse(segments[1]?.to ?? '')).toBe((now - 72 * HOUR_S) * 1000)
  })

  it('refuses oplog fields, downloads and a missing point in time', async () => {
    const now = await nowSeconds()
    expectError(
      await call('POST', JOBS, {
        deliveryType: 'pointInTime',
        oplogTs: now - HOUR_S,
        oplogInc: 1,
        ...toSelf,
      }),
      400,
      'VALIDATION_ERROR',
      'oplogTs',
    )
    expectError(
      await call('POST', JOBS, {
        deliveryType: 'pointInTime',
        pointInTimeUTCSeconds: now - HOUR_S,
        oplogInc: 1,
        ...toSelf,
      }),
      400,
      'VALIDATION_ERROR',
      'oplogInc',
    )
    expectError(
      await call('POST', JOBS, {
        deliveryType: 'download',
        snapshotId: (await completedSnapshot()).id,
        ...toSelf,
      }),
      400,
      'DELIVERY_TYPE_NOT_SUPPORTED',
      'deliveryType',
    )
    expectError(
      await call('POST', JOBS, { deliveryType: 'pointInTime', ...toSelf }),
      400,
      'VALIDATION_ERROR',
      'pointInTimeUTCSeconds',
    )
  })

  it('requires the target fields and a snapshot for automated restores', async () => {
    const snapshotId = (await completedSnapshot()).id
    expectError(
      await call('POST', JOBS, {
        deliveryType: 'automated',
        snapshotId,
        targetClusterName: 'dev-serverless',
      }),
      400,
      'VALIDATION_ERROR',
      'targetGroupId',
    )
    expectError(
      await call('POST', JOBS, { deliveryType: 'automated', ...toSelf }),
      400,
      'VALIDATION_ERROR',
      'snapshotId',
    )
    expectError(
      await call('POST', JOBS, { deliveryType: 'restore', ...toSelf }),
      400,
      'VALIDATION_ERROR',
      'deliveryType',
    )
  })

  it('refuses a flex target, and a dedicated one of another topology or an older release', async () => {
    const snapshotId = (await completedSnapshot()).id
    const to = (targetGroupId: string, targetClusterName: string) => ({
      deliveryType: 'automated',
      snapshotId,
      targetGroupId,
      targetClusterName,
    })
    // Reference 003: serverless snapshots do not go to M2/M5, now Flex.
    expectError(
      await call('POST', JOBS, to(DEV_TOOLS, 'scratch-flex')),
      400,
      'INCOMPATIBLE_RESTORE_TARGET',
      'targetClusterName',
    )
    // 8.0 data onto 7.0.
    expectError(
      await call('POST', JOBS, to(DEV_TOOLS, 'failing-restore-target')),
      400,
      'INCOMPATIBLE_RESTORE_TARGET',
      'targetClusterName',
    )
    // A serverless snapshot holds a replica set's data (R7).
    expectError(
      await call('POST', JOBS, to(ANALYTICS, 'warehouse-sharded')),
      400,
      'RESTORE_TOPOLOGY_MISMATCH',
      'targetClusterName',
    )
  })

  it('refuses instants between a restore into the instance and the snapshot after it (R4)', async () => {
    const snap = await completedSnapshot()
    const res = await call('POST', JOBS, {
      deliveryType: 'automated',
      snapshotId: snap.id,
      ...toSelf,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    // The job's creation, to the second below it: its id starts with it.
    const start = parseInt((res.body as Job).id.slice(0, 8), 16)
    const pit = (seconds: number) =>
      call('POST', JOBS, {
        deliveryType: 'pointInTime',
        pointInTimeUTCSeconds: seconds,
        ...toSelf,
      })
    // The restore is done after 40 s; the snapshot taken then completes 45 s later.
    await advance({ seconds: 45 })
    // Until that snapshot completes, the blackout has no end.
    expectError(
      await pit(start + 44),
      400,
      'POINT_IN_TIME_IN_RESTORE_BLACKOUT',
      'pointInTimeUTCSeconds',
    )
    await advance({ seconds: 60 })
    const done = (await call('GET', `${JOBS}/${(res.body as Job).id}`))
      .body as Job
    const end = Date.parse(done.finishedAt ?? '') / 1000
    expectError(
      await pit(start + 1),
      400,
      'POINT_IN_TIME_IN_RESTORE_BLACKOUT',
      'pointInTimeUTCSeconds',
    )
    expectError(
      await pit(end - 1),
      400,
      'POINT_IN_TIME_IN_RESTORE_BLACKOUT',
      'pointInTimeUTCSeconds',
    )
    // The snapshot's own instant is restorable again.
    const accepted = await pit(end)
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    await advance({ seconds: 45 })
  })

  it('answers 404 for an unknown snapshot, target project or target', async () => {
    const snapshotId = (await completedSnapshot()).id
    expectError(
      await call('POST', JOBS, {
        deliveryType: 'automated',
        snapshotId: MISSING_ID,
        ...toSelf,
      }),
      404,
      'RESOURCE_NOT_FOUND',
      'snapshotId',
    )
    expectError(
      await call('POST', JOBS, {
        deliveryType: 'automated',
        snapshotId,
        targetGroupId: MISSING_ID,
        targetClusterName: 'dev-serverless',
      }),
      404,
      'RESOURCE_NOT_FOUND',
    )
    expectError(
      await call('POST', JOBS, {
        deliveryType: 'automated',
        snapshotId,
        targetGroupId: DEV_TOOLS,
        targetClusterName: 'no-such-instance',
      }),
      404,
      'CLUSTER_NOT_FOUND',
    )
  })

  it('fails a restore after a failNextRestore fault', async () => {
    await sb.control('POST', '/faults', {
      kind: 'failNextRestore',
      path: '/serverless/dev-serverless/backup/restoreJobs$',
      times: 1,
    })
    const res = await call('POST', JOBS, {
      deliveryType: 'automated',
      snapshotId: (await completedSnapshot()).id,
      ...toSelf,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    await advance({ seconds: 45 })
    const job = (await call('GET', `${JOBS}/${(res.body as Job).id}`))
      .body as Job
    expect(job.failed).toBe(true)
    expect(job.finishedAt).toBeUndefined()
  })
})

describe('after the sunset (SANDBOX_SERVERLESS_SUNSET=1)', () => {
  let gone: TestSandbox
  beforeAll(async () => {
    gone = await startTestSandbox({ SANDBOX_SERVERLESS_SUNSET: '1' })
  })
  afterAll(async () => {
    await gone.close()
  })

  it('answers every serverless backup endpoint with 410 VERSION_GONE', async () => {
    const snapshot = `${backup('dev-serverless', '/snapshots')}/${MISSING_ID}`
    const job = `${JOBS}/${MISSING_ID}`
    const calls: [string, 'GET' | 'POST', unknown?][] = [
      [backup('dev-serverless', '/snapshots'), 'GET'],
      [snapshot, 'GET'],
      [JOBS, 'GET'],
      [JOBS, 'POST', { deliveryType: 'automated', ...toSelf }],
      [job, 'GET'],
    ]
    for (const [path, method, body] of calls) {
      const res = await call(method, path, body, gone)
      expectError(res, 410, 'VERSION_GONE')
      // The operations do not declare 410; the body is still Atlas's ApiError (A2).
      expect(apiErrorSchema.safeParse(res.body).success).toBe(true)
      expect((res.body as { detail: string }).detail).toContain(
        SERVERLESS_SUNSET_DATE,
      )
    }
    // The flex endpoints that replace them still answer.
    const flex = await gone.atlas({
      path: `/groups/${DEV_TOOLS}/flexClusters/scratch-flex/backup/snapshots`,
      version: '2024-11-13',
    })
    expect(flex.status).toBe(200)
  })
})
