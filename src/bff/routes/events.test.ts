import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  type JobEvent,
  type LiveJob,
  restoreJobListSchema,
} from '../../contract/bff/job-events'
import {
  openEvents,
  type SseClient,
  sessionCookie,
} from '../jobs/sse-test-client'
import {
  startTestBff,
  type TestBff,
  type TestBrowser,
} from '../../testing/bff-harness'

// Live restore jobs end to end: restores made through the BFF, polled from the sandbox, pushed
// over SSE. The sandbox clock ticks only when a test advances it, so jobs finish on cue.

let t: TestBff
let operator: TestBrowser
let viewerCookie: string
let groupId: string
let snapshotId: string
let keySeq = 0

const intervals = {
  fastMs: 40,
  fastForMs: 400,
  slowMs: 150,
  growth: 1.5,
  errorBaseMs: 100,
  backoffCapMs: 1_500,
  jitter: 0,
}

const jobKey = (jobId: string) => `dedicated:${groupId}:payments-rs:${jobId}`
const isJob =
  (jobId: string, state?: LiveJob['state']) =>
  (e: JobEvent): boolean =>
    e.type === 'job' &&
    e.job.jobId === jobId &&
    (state === undefined || e.job.state === state)
const jobOf = (e: JobEvent): LiveJob => {
  if (e.type !== 'job') throw new Error(`not a job event: ${e.type}`)
  return e.job
}

async function startRestore(): Promise<string> {
  const res = await operator.call(
    'POST',
    `/api/atlas/v2/groups/${groupId}/clusters/payments-rs/backup/restoreJobs`,
    {
      deliveryType: 'automated',
      snapshotId,
      targetGroupId: groupId,
      targetClusterName: 'payments-staging',
      confirmTargetName: 'payments-staging',
    },
    { 'idempotency-key': `events-test-${Date.now()}-${keySeq++}` },
  )
  expect(res.status, res.text).toBe(200)
  return (res.body as { id: string }).id
}

const finishRestores = () =>
  t.sandbox.control('POST', '/clock/advance', { minutes: 30 })

async function metric(name: string): Promise<number> {
  const text = (await operator.call('GET', '/metrics')).text
  const line = text.split('\n').find((l) => l.startsWith(`${name} `))
  return Number(line?.split(' ')[1])
}

async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error('condition not met within 10 s')
}

beforeAll(async () => {
  t = await startTestBff(
    {},
    {
      sandboxEnv: { SANDBOX_TICK_MS: '3600000' },
      bff: { jobs: { intervals, streams: { heartbeatMs: 200 } } },
    },
  )
  operator = await t.browser('operator')
  viewerCookie = await sessionCookie(t.url, 'viewer')
  const groups = (await operator.call('GET', '/api/atlas/v2/groups')).body as {
    results: { id: string; name: string }[]
  }
  groupId = groups.results.find((g) => g.name === 'payments-prod')?.id ?? ''
  const snapshots = (
    await operator.call(
      'GET',
      `/api/atlas/v2/groups/${groupId}/clusters/payments-rs/backup/snapshots`,
    )
  ).body as { results: { id: string; status: string }[] }
  snapshotId = snapshots.results.find((s) => s.status === 'completed')?.id ?? ''
})
afterAll(async () => {
  await t.close()
})

describe('GET /api/events refusals', () => {
  it('answers 401 with the envelope to an anonymous browser, as the job list does', async () => {
    const anonymous = await openEvents(t.url)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body).toMatchObject({ errorCode: 'UNAUTHENTICATED' })
    const list = await (await t.browser()).call('GET', '/api/restore-jobs')
    expect(list.status).toBe(401)
  })

  it('names the job parameter when it is malformed or unknown to Atlas', async () => {
    const bad = await openEvents(t.url, { cookie: viewerCookie, job: 'x:y' })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({
      badRequestDetail: { fields: [{ field: 'job' }] },
    })
    const unknown = await openEvents(t.url, {
      cookie: viewerCookie,
      job: jobKey('0123456789abcdef01234567'),
    })
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({
      errorCode: 'RESTORE_JOB_NOT_FOUND',
      badRequestDetail: { fields: [{ field: 'job' }] },
    })
  })
})

describe('live restore jobs over SSE', () => {
  it('pushes a restore from start to completion as the sandbox clock moves', async () => {
    const stream = await openEvents(t.url, { cookie: viewerCookie })
    expect(stream.status).toBe(200)
    expect(stream.headers['content-type']).toBe('text/event-stream')
    expect(stream.headers['cache-control']).toBe('no-store')
    expect(stream.headers['x-accel-buffering']).toBe('no')
    expect(stream.headers['x-content-type-options']).toBe('nosniff')
    await stream.waitFor((e) => e.type === 'ready')

    const jobId = await startRestore()
    const started = jobOf((await stream.waitFor(isJob(jobId))).data)
    expect(started).toMatchObject({
      kind: 'dedicated',
      groupId,
      clusterName: 'payments-rs',
      state: 'inProgress',
      createdBy: 'operator',
      watching: true,
      stale: false,
      doc: { id: jobId, deliveryType: 'automated' },
    })
    await finishRestores()
    const done = jobOf((await stream.waitFor(isJob(jobId, 'completed'))).data)
    expect(done.watching).toBe(false)
    expect(done.doc?.finishedAt).toBeDefined()
    await stream.waitFor((e) => e.type === 'heartbeat')
    stream.close()

    const list = restoreJobListSchema.parse(
      (await operator.call('GET', '/api/restore-jobs')).body,
    )
    expect(list.results[0]).toMatchObject({
      jobId,
      state: 'completed',
      createdBy: 'operator',
    })
    await until(async () => (await metric('bff_active_pollers')) === 0)

    // A browser that opens the job's page later is sent its state at once.
    const later = await openEvents(t.url, {
      cookie: viewerCookie,
      job: jobKey(jobId),
    })
    await later.waitFor((e) => e.type === 'ready')
    expect(later.events.map((e) => e.data.type)).toEqual(['job', 'ready'])
    expect(jobOf(later.events[0]!.data).state).toBe('completed')
    later.close()
  })

  it('sends a reconnecting browser only what changed since its Last-Event-ID', async () => {
    const first = await openEvents(t.url, { cookie: viewerCookie })
    const ready = await first.waitFor((e) => e.type === 'ready')
    expect(ready.id).toBeDefined()
    first.close()

    const jobId = await startRestore()
    await finishRestores()
    await until(async () => {
      const list = restoreJobListSchema.parse(
        (await operator.call('GET', '/api/restore-jobs')).body,
      )
      return list.results[0]?.state === 'completed'
    })
    const again = await openEvents(t.url, {
      cookie: viewerCookie,
      lastEventId: ready.id ?? '',
    })
    await again.waitFor((e) => e.type === 'ready')
    const jobs = again.events.filter((e) => e.data.type === 'job')
    expect(jobs.map((e) => jobOf(e.data).jobId)).toEqual([jobId])
    again.close()

    // An id from another process (or none) gets everything.
    const stranger = await openEvents(t.url, {
      cookie: viewerCookie,
      lastEventId: 'ffffffff.3',
    })
    const all = await stranger.waitFor((e) => e.type === 'ready')
    expect(all.data).toMatchObject({ jobs: 2 })
    stranger.close()
  })

  it('polls a job once per interval however many browsers watch it', async () => {
    const jobId = await startRestore()
    const ref = {
      kind: 'dedicated' as const,
      groupId,
      clusterName: 'payments-rs',
      jobId,
    }
    // A zero-delay fault that matches every read of this job counts them on the sandbox side.
    const times = 1_000_000
    await t.sandbox.control('POST', '/faults', {
      path: `restoreJobs/${jobId}$`,
      method: 'GET',
      kind: 'latency',
      latencyMs: 0,
      times,
    })
    const sandboxReads = async () => {
      const res = await t.sandbox.control('GET', '/faults')
      const { faults } = res.body as { faults: { remaining: number | null }[] }
      return times - (faults[0]?.remaining ?? times)
    }
    // Reads counted by the sandbox and polls made by the BFF over the next `polls` polls. The
    // two counters are read a moment apart, so each end may straddle one poll in flight.
    const measure = async (polls: number) => {
      const sandboxBefore = await sandboxReads()
      const pollsBefore = t.bff.jobs.pollCount(ref)
      await until(() => t.bff.jobs.pollCount(ref) >= pollsBefore + polls)
      return {
        reads: (await sandboxReads()) - sandboxBefore,
        polls: t.bff.jobs.pollCount(ref) - pollsBefore,
      }
    }

    const one = await openEvents(t.url, {
      cookie: viewerCookie,
      job: jobKey(jobId),
    })
    await one.waitFor(isJob(jobId))
    const alone = await measure(8)

    const crowd: SseClient[] = [one]
    for (let i = 0; i < 19; i++) {
      crowd.push(
        await openEvents(t.url, {
          cookie: viewerCookie,
          ...(i % 2 === 0 ? { job: jobKey(jobId) } : {}),
        }),
      )
    }
    await Promise.all(crowd.map((c) => c.waitFor((e) => e.type === 'ready')))
    await until(async () => (await metric('bff_sse_clients')) === 20)
    expect(await metric('bff_active_pollers')).toBe(1)
    const together = await measure(8)

    for (const m of [alone, together])
      expect(Math.abs(m.reads - m.polls)).toBeLessThanOrEqual(1)
    expect(Math.abs(together.reads - alone.reads)).toBeLessThanOrEqual(2)

    await finishRestores()
    await Promise.all(crowd.map((c) => c.waitFor(isJob(jobId, 'completed'))))
    for (const c of crowd) c.close()
    await until(async () => (await metric('bff_sse_clients')) === 0)
    await t.sandbox.control('DELETE', '/faults')
  })

  it('watches a job started outside the console once a browser asks for it', async () => {
    const made = await t.sandbox.atlas({
      method: 'POST',
      path: `/groups/${groupId}/clusters/payments-rs/backup/restoreJobs`,
      body: {
        deliveryType: 'automated',
        snapshotId,
        targetGroupId: groupId,
        targetClusterName: 'payments-staging',
      },
    })
    expect(made.status).toBe(200)
    const jobId = (made.body as { id: string }).id
    const stream = await openEvents(t.url, {
      cookie: viewerCookie,
      job: jobKey(jobId),
    })
    const first = jobOf((await stream.waitFor(isJob(jobId))).data)
    expect(first).toMatchObject({
      state: 'inProgress',
      createdBy: null,
      watching: true,
    })
    await finishRestores()
    await stream.waitFor(isJob(jobId, 'completed'))
    stream.close()
    const list = restoreJobListSchema.parse(
      (await operator.call('GET', '/api/restore-jobs')).body,
    )
    expect(list.results.find((j) => j.jobId === jobId)?.state).toBe('completed')
  })

  it('follows a Flex restore through its statuses', async () => {
    const groups = (await operator.call('GET', '/api/atlas/v2/groups'))
      .body as { results: { id: string; name: string }[] }
    const analytics = groups.results.find((g) => g.name === 'analytics')?.id
    const devTools = groups.results.find((g) => g.name === 'dev-tools')?.id
    const flex = `/groups/${analytics ?? ''}/flexClusters/reports-flex/backup`
    const snapshots = await t.sandbox.atlas({
      path: `${flex}/snapshots`,
      version: '2024-11-13',
    })
    const snapshot = (
      snapshots.body as { results: { id: string; status: string }[] }
    ).results.find((s) => s.status === 'COMPLETED')
    const made = await t.sandbox.atlas({
      method: 'POST',
      path: `${flex}/restoreJobs`,
      version: '2024-11-13',
      body: {
        snapshotId: snapshot?.id,
        targetDeploymentItemName: 'scratch-flex',
        targetProjectId: devTools,
      },
    })
    expect(made.status, JSON.stringify(made.body)).toBe(200)
    const jobId = (made.body as { id: string }).id
    const stream = await openEvents(t.url, {
      cookie: viewerCookie,
      job: `flex:${analytics ?? ''}:reports-flex:${jobId}`,
    })
    const statusOf = (e: JobEvent) =>
      e.type === 'job' && e.job.kind === 'flex' ? e.job.doc?.status : undefined
    await stream.waitFor((e) => statusOf(e) === 'PENDING')
    for (const [seconds, status] of [
      [6, 'QUEUED'],
      [5, 'RUNNING'],
      [30, 'COMPLETED'],
    ] as const) {
      await t.sandbox.control('POST', '/clock/advance', { seconds })
      await stream.waitFor((e) => statusOf(e) === status)
    }
    const states = stream.events
      .filter((e) => e.data.type === 'job')
      .map((e) => jobOf(e.data).state)
    expect(states).toEqual(['queued', 'queued', 'inProgress', 'completed'])
    stream.close()
  })

  it('rides out a storm of 429s without breaking the stream', async () => {
    const jobId = await startRestore()
    const stream = await openEvents(t.url, {
      cookie: viewerCookie,
      job: jobKey(jobId),
    })
    await stream.waitFor(isJob(jobId))
    await t.sandbox.control('POST', '/faults', {
      path: 'restoreJobs',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      times: 5,
    })
    // The client's own retries take four of them; the poller then backs off, marked stale.
    const stale = await stream.waitFor((e) => isJob(jobId)(e) && jobOf(e).stale)
    expect(jobOf(stale.data)).toMatchObject({
      state: 'inProgress',
      watching: true,
      problem: { status: 429, errorCode: 'RATE_LIMITED_TOKEN_BUCKET' },
    })
    await stream.waitFor(
      (e) => isJob(jobId)(e) && !jobOf(e).stale && e !== stale.data,
    )
    await finishRestores()
    const done = jobOf((await stream.waitFor(isJob(jobId, 'completed'))).data)
    expect(done).toMatchObject({ stale: false, problem: null })
    const faults = (await t.sandbox.control('GET', '/faults')).body
    expect(faults).toEqual({ faults: [] })
    stream.close()
  })

  it('resumes watching after a restart of the BFF', async () => {
    const jobId = await startRestore()
    const ref = {
      kind: 'dedicated' as const,
      groupId,
      clusterName: 'payments-rs',
      jobId,
    }
    const before = await openEvents(t.url, {
      cookie: viewerCookie,
      job: jobKey(jobId),
    })
    await before.waitFor(isJob(jobId))
    before.close()

    await t.restart()
    await until(() => t.bff.jobs.pollCount(ref) > 0)
    expect(await metric('bff_active_pollers')).toBe(1)
    const after = await openEvents(t.url, {
      cookie: viewerCookie,
      job: jobKey(jobId),
    })
    expect(jobOf((await after.waitFor(isJob(jobId))).data)).toMatchObject({
      state: 'inProgress',
      createdBy: 'operator',
      watching: true,
    })
    await finishRestores()
    await after.waitFor(isJob(jobId, 'completed'))
    after.close()
    await until(async () => (await metric('bff_active_pollers')) === 0)
  })
})
