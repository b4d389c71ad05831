import { Pool } from 'undici'

import { openEvents, type SseClient } from '../src/bff/jobs/sse-test-client'
import { isTerminalState } from '../src/contract/rules/restore-job-state'
import { getRestoreJob } from '../src/sandbox/state/restore-jobs-repo'
import { startTestBff, type TestBff } from '../src/testing/bff-harness'
import { type Figure, sleep } from './figures'
import { signIn, upstreamCalls } from './load'

// Upstream economy: Atlas calls do not grow with the number of browsers. One poller per job
// however many watch it; identical concurrent reads share one call. The BFF runs in this
// process; the sandbox clock moves only when we move it.

const WATCHERS = [1, 10, 100] as const
const INTERVAL_MS = 200
const STEPS = 12
const STEP_SECONDS = 5
const IDENTICAL_READS = 50

type Ref = {
  kind: 'dedicated'
  groupId: string
  clusterName: string
  jobId: string
}

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await sleep(5)
  }
}

async function sandboxNow(t: TestBff): Promise<number> {
  const res = await t.sandbox.control('GET', '/clock')
  return Date.parse((res.body as { now: string }).now)
}

async function startRestore(t: TestBff, groupId: string, snapshotId: string) {
  const operator = await t.browser('operator')
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
    { 'idempotency-key': `bench-economy-${Date.now()}` },
  )
  if (res.status !== 200) throw new Error(`restore: ${res.text}`)
  return (res.body as { id: string }).id
}

/**
 * Upstream calls while `watchers` browsers watch one restore job for a minute of sandbox time:
 * the clock moves about 5 s just after each poll, 12 times. Also the calls beyond the poller's
 * own (what opening the streams cost), which should be none.
 */
async function watchMinute(
  t: TestBff,
  ref: Ref,
  cookie: string,
  watchers: number,
) {
  const jobs = t.bff.jobs
  const key = `${ref.kind}:${ref.groupId}:${ref.clusterName}:${ref.jobId}`
  const callsAtStart = await upstreamCalls(t.url)
  const pollsAtStart = jobs.pollCount(ref)
  const clients: SseClient[] = await Promise.all(
    Array.from({ length: watchers }, () =>
      openEvents(t.url, { cookie, job: key }),
    ),
  )
  await Promise.all(
    clients.map((c) =>
      c.waitFor((e) => e.type === 'job' && e.job.jobId === ref.jobId),
    ),
  )
  const finished = () =>
    isTerminalState(
      jobs.list().find((j) => j.jobId === ref.jobId)?.state ?? 'inProgress',
    )

  // The sandbox clock also runs in real time, so each step moves it to a planned instant,
  // planned so that the job finishes midway between two steps: then every run sees the same
  // steps, however long its browsers took. Each step comes just after a poll.
  const finishAt =
    getRestoreJob(
      t.sandbox.sandbox.ctx.db,
      ref.groupId,
      ref.clusterName,
      ref.jobId,
    )?.sim.finishAt ?? 0
  const start = await sandboxNow(t)
  const stepMs = STEP_SECONDS * 1000
  const phase = (((finishAt - start - stepMs / 2) % stepMs) + stepMs) % stepMs
  // A poll counts when it starts, its upstream call when the answer is in: let it land first.
  let polls = jobs.pollCount(ref)
  await until(() => jobs.pollCount(ref) > polls)
  await sleep(INTERVAL_MS * 0.4)
  const calls0 = await upstreamCalls(t.url)
  for (let step = 0; step < STEPS; step++) {
    const ms = start + phase + step * stepMs - (await sandboxNow(t))
    await t.sandbox.control('POST', '/clock/advance', {
      seconds: Math.max(0, ms) / 1000,
    })
    polls = jobs.pollCount(ref)
    if (finished()) continue
    await until(() => jobs.pollCount(ref) > polls || finished())
    await sleep(INTERVAL_MS * 0.4)
  }
  await sleep(INTERVAL_MS * 2)
  const calls = (await upstreamCalls(t.url)) - calls0
  // Every browser heard the end.
  await Promise.all(
    clients.map((c) =>
      c.waitFor(
        (e) =>
          e.type === 'job' &&
          e.job.jobId === ref.jobId &&
          isTerminalState(e.job.state),
      ),
    ),
  )
  for (const c of clients) c.close()
  const extra =
    (await upstreamCalls(t.url)) -
    callsAtStart -
    (jobs.pollCount(ref) - pollsAtStart)
  return { calls, extra, finished: finished() }
}

async function identicalReads(t: TestBff, cookie: string, groupId: string) {
  const path = `/api/atlas/v2/groups/${groupId}/clusters/payments-rs/backup/snapshots?itemsPerPage=50`
  const pool = new Pool(t.url, { connections: IDENTICAL_READS })
  const get = async (p: string) => {
    const res = await pool.request({
      method: 'GET',
      path: p,
      headers: { cookie },
    })
    await res.body.text()
    return res.statusCode
  }
  try {
    // Open every connection first, so the 50 reads leave at once.
    await Promise.all(
      Array.from({ length: IDENTICAL_READS }, () => get('/api/session')),
    )
    // Atlas answers in about 100 ms; the loopback sandbox in one or two.
    await t.sandbox.control('POST', '/faults', {
      path: '/backup/snapshots$',
      method: 'GET',
      kind: 'latency',
      latencyMs: 100,
      times: 1,
    })
    const before = await upstreamCalls(t.url)
    const statuses = await Promise.all(
      Array.from({ length: IDENTICAL_READS }, () => get(path)),
    )
    if (statuses.some((s) => s !== 200))
      throw new Error(`reads: ${statuses.join(',')}`)
    return (await upstreamCalls(t.url)) - before
  } finally {
    await pool.close()
  }
}

export async function economyFigures(): Promise<Figure[]> {
  const t = await startTestBff(
    {},
    {
      sandboxEnv: {
        SANDBOX_TICK_MS: '3600000',
        SANDBOX_RATE_CAPACITY: '1000000',
        SANDBOX_RATE_REFILL_PER_MINUTE: '1000000',
      },
      bff: {
        jobs: {
          intervals: {
            fastMs: INTERVAL_MS,
            fastForMs: 0,
            slowMs: INTERVAL_MS,
            growth: 1,
            errorBaseMs: INTERVAL_MS,
            backoffCapMs: 2_000,
            jitter: 0,
          },
        },
      },
    },
  )
  try {
    const viewer = await t.browser('viewer')
    const cookie = await signIn(t.url, 'viewer', 'correct horse battery staple')
    const groups = (await viewer.call('GET', '/api/atlas/v2/groups')).body as {
      results: { id: string; name: string }[]
    }
    const groupId =
      groups.results.find((g) => g.name === 'payments-prod')?.id ?? ''
    const snapshots = (
      await viewer.call(
        'GET',
        `/api/atlas/v2/groups/${groupId}/clusters/payments-rs/backup/snapshots`,
      )
    ).body as { results: { id: string; status: string }[] }
    const snapshotId =
      snapshots.results.find((s) => s.status === 'completed')?.id ?? ''

    const figures: Figure[] = []
    const counts: number[] = []
    for (const watchers of WATCHERS) {
      const jobId = await startRestore(t, groupId, snapshotId)
      const ref: Ref = {
        kind: 'dedicated',
        groupId,
        clusterName: 'payments-rs',
        jobId,
      }
      const run = await watchMinute(t, ref, cookie, watchers)
      counts.push(run.calls)
      figures.push({
        name: `economy.watch.${watchers}.upstream-calls`,
        value: run.calls,
        unit: 'calls',
        target: `= ${counts[0] ?? run.calls} (1 watcher)`,
        ratio: run.calls / (counts[0] ?? run.calls),
        met: run.calls === counts[0],
        note: `${watchers} SSE clients, 1 min of sandbox time; calls beyond the poller's: ${run.extra}${run.finished ? '' : '; job not finished'}`,
      })
    }
    const reads = await identicalReads(t, cookie, groupId)
    figures.push({
      name: 'economy.identical-reads.upstream-calls',
      value: reads,
      unit: 'calls',
      target: '1',
      met: reads === 1,
      note: `${IDENTICAL_READS} identical snapshot-list reads at once, upstream answering in 100 ms`,
    })
    return figures
  } finally {
    await t.close()
  }
}
