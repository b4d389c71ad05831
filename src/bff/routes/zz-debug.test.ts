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
  t.bff.app.server.on('request', (req: any) => {
    ;(globalThis as any).urls ??= new Map()
    ;(globalThis as any).urls.set(req.socket, req.url + ' ' + req.method)
  })
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
  const at = Date.now()
  const log = (m: string) => process.stdout.write(`${m} ${Date.now() - at}\n`)
  const count = () =>
    new Promise((r) => t.bff.app.server.getConnections((_e, n) => r(n)))
  log(`conns ${String(await count())}`)
  t.bff.jobs.stop()
  log('stopped')
  for (const [sock, u] of (globalThis as any).urls)
    if (!sock.destroyed) log('open ' + u)
  await new Promise((r) => setTimeout(r, 200))
  log(`conns ${String(await count())}`)
  setTimeout(() => {
    const h = (process as any)._getActiveHandles()
    process.stdout.write(
      h
        .map(
          (x: any) =>
            x.constructor.name +
            ' ' +
            (x.remotePort ?? '') +
            ' ' +
            (x.localPort ?? ''),
        )
        .join('\n') + '\n',
    )
  }, 3000)
  await t.bff.app.close()
  log('app closed')
  await t.bff.atlas.close()
  log('atlas closed')
  await t.sandbox.close()
  log('sandbox closed')
})

describe('GET /api/events refusals', () => {
  it('answers 401 with the envelope to an anonymous browser', async () => {
    const anonymous = await openEvents(t.url)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body).toMatchObject({ errorCode: 'UNAUTHENTICATED' })
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
})
