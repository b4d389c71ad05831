import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { listAudit } from '../db/audit-repo'
import {
  startTestBff,
  type TestBff,
  type TestBrowser,
} from '../../testing/bff-harness'

// Fault runs against the sandbox's switches (A5): 429 storms, 5xx, latency and dropped
// connections. Reads are retried with backoff and then answered with the envelope; writes are
// sent once, and a retry with the same Idempotency-Key makes no second restore. The BFF stays up.

let t: TestBff
let viewer: TestBrowser
let operator: TestBrowser
let groupId: string
let snapshotId: string

type Fault = {
  path: string
  kind: 'status' | 'latency' | 'drop'
  method?: string
  status?: number
  retryAfterSeconds?: number
  latencyMs?: number
  times: number
}

async function fault(spec: Fault): Promise<void> {
  const res = await t.sandbox.control('POST', '/faults', spec)
  expect(res.status).toBe(200)
}

/** How many requests the sandbox's faults have answered so far (one fault at a time here). */
async function faultHits(times: number): Promise<number> {
  const res = await t.sandbox.control('GET', '/faults')
  const [first] = (res.body as { faults: { remaining: number | null }[] })
    .faults
  return times - (first?.remaining ?? 0)
}

const cluster = (name: string) =>
  `/api/atlas/v2/groups/${groupId}/clusters/${name}`
const restores = () => `${cluster('payments-rs')}/backup/restoreJobs`

async function upstreamRestoreCount(): Promise<number> {
  const res = await t.sandbox.atlas({
    path: `/groups/${groupId}/clusters/payments-rs/backup/restoreJobs`,
  })
  return (res.body as { totalCount: number }).totalCount
}

function expectEnvelope(
  res: { status: number; body: unknown },
  status: number,
  errorCode: string,
) {
  expect(res.status).toBe(status)
  expect(res.body).toMatchObject({ error: status, errorCode })
  expect((res.body as { requestId?: unknown }).requestId).toEqual(
    expect.any(String),
  )
}

beforeAll(async () => {
  t = await startTestBff(
    {},
    {
      sandboxEnv: {
        SANDBOX_TICK_MS: '3600000',
        SANDBOX_RATE_CAPACITY: '100000',
        SANDBOX_RATE_REFILL_PER_MINUTE: '100000',
      },
    },
  )
  viewer = await t.browser('viewer')
  operator = await t.browser('operator')
  const groups = (await viewer.call('GET', '/api/atlas/v2/groups')).body as {
    results: { id: string; name: string }[]
  }
  groupId = groups.results.find((g) => g.name === 'payments-prod')?.id ?? ''
  const snapshots = (
    await viewer.call('GET', `${cluster('payments-rs')}/backup/snapshots`)
  ).body as {
    results: { id: string; status: string }[]
  }
  snapshotId = snapshots.results.find((s) => s.status === 'completed')?.id ?? ''
})
afterEach(async () => {
  await t.sandbox.control('DELETE', '/faults')
  // The BFF is still there and still reads.
  expect((await viewer.call('GET', '/healthz')).status).toBe(200)
  expect((await viewer.call('GET', cluster('payments-rs'))).status).toBe(200)
})
afterAll(async () => {
  await t.close()
})

describe('reads under faults', () => {
  it('rides out a short burst of 429s and 503s', async () => {
    await fault({
      path: '/clusters/payments-staging$',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 0,
      times: 1,
    })
    const first = await viewer.call('GET', cluster('payments-staging'))
    expect(first.status).toBe(200)
    await fault({
      path: '/clusters/payments-staging$',
      kind: 'status',
      status: 503,
      times: 2,
    })
    expect((await viewer.call('GET', cluster('payments-staging'))).status).toBe(
      200,
    )
  })

  it('in a 429 storm, retries four times, then passes the 429 on with Retry-After', async () => {
    await fault({
      path: '/clusters/payments-rs$',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 0,
      times: 100,
    })
    const res = await viewer.call('GET', cluster('payments-rs'))
    expectEnvelope(res, 429, 'RATE_LIMITED_TOKEN_BUCKET')
    expect(res.headers['retry-after']).toBe('0')
    expect(await faultHits(100)).toBe(4)
  })

  it('gives up at once when Retry-After is longer than a browser should wait', async () => {
    await fault({
      path: '/clusters/payments-rs$',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 60,
      times: 100,
    })
    const started = Date.now()
    const res = await viewer.call('GET', cluster('payments-rs'))
    expectEnvelope(res, 429, 'RATE_LIMITED_TOKEN_BUCKET')
    expect(res.headers['retry-after']).toBe('60')
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(await faultHits(100)).toBe(1)
  })

  it('answers a lasting 503 with the envelope after four attempts, and a 500 at once', async () => {
    await fault({
      path: '/clusters/payments-rs$',
      kind: 'status',
      status: 503,
      times: 100,
    })
    expectEnvelope(
      await viewer.call('GET', cluster('payments-rs')),
      503,
      'SERVICE_UNAVAILABLE',
    )
    expect(await faultHits(100)).toBe(4)
    await t.sandbox.control('DELETE', '/faults')
    await fault({
      path: '/clusters/payments-rs$',
      kind: 'status',
      status: 500,
      times: 100,
    })
    expectEnvelope(
      await viewer.call('GET', cluster('payments-rs')),
      500,
      'UNEXPECTED_ERROR',
    )
    expect(await faultHits(100)).toBe(1)
  })

  it('waits out a slow answer', async () => {
    await fault({
      path: '/clusters/payments-rs$',
      kind: 'latency',
      latencyMs: 1_500,
      times: 1,
    })
    const started = Date.now()
    expect((await viewer.call('GET', cluster('payments-rs'))).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400)
  })

  it('retries dropped connections, then says Atlas could not be reached', async () => {
    await fault({ path: '/clusters/payments-rs$', kind: 'drop', times: 2 })
    expect((await viewer.call('GET', cluster('payments-rs'))).status).toBe(200)
    await fault({ path: '/clusters/payments-rs$', kind: 'drop', times: 100 })
    expectEnvelope(
      await viewer.call('GET', cluster('payments-rs')),
      502,
      'UPSTREAM_UNREACHABLE',
    )
    expect(await faultHits(100)).toBe(4)
  })

  it('answers every one of many concurrent reads in a storm, and stays up', async () => {
    await fault({
      path: '/api/atlas/v2/groups',
      kind: 'status',
      status: 503,
      times: 10_000,
    })
    const names = [
      'payments-rs',
      'payments-staging',
      'payments-sharded',
      'ledger-archive',
    ]
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        viewer.call(
          'GET',
          `${cluster(names[i % names.length] ?? 'payments-rs')}/backup/snapshots?itemsPerPage=${1 + i}`,
        ),
      ),
    )
    for (const res of answers) expectEnvelope(res, 503, 'SERVICE_UNAVAILABLE')
  })
})

describe('restore creation under faults', () => {
  it.each([
    { kind: 'status' as const, status: 503, answer: 503 },
    { kind: 'drop' as const, answer: 502 },
  ])(
    'a $kind on the POST is not retried; the retry with the same key makes exactly one restore',
    async ({ kind, status, answer }) => {
      await t.sandbox.control('POST', '/clock/advance', { minutes: 30 })
      const before = await upstreamRestoreCount()
      const key = `faults-${kind}-${Date.now()}`
      const body = {
        deliveryType: 'automated',
        snapshotId,
        targetGroupId: groupId,
        targetClusterName: 'payments-staging',
        confirmTargetName: 'payments-staging',
      }
      await fault({
        path: '/backup/restoreJobs$',
        method: 'POST',
        kind,
        ...(status ? { status } : {}),
        times: 1,
      })
      const failed = await operator.call('POST', restores(), body, {
        'idempotency-key': key,
      })
      expect(failed.status).toBe(answer)
      expect(await upstreamRestoreCount()).toBe(before)
      const [outcome] = listAudit(t.bff.db, {
        action: 'restore.create',
        limit: 1,
      })
      expect(outcome).toMatchObject({ phase: 'outcome', outcome: 'unknown' })

      const retry = await operator.call('POST', restores(), body, {
        'idempotency-key': key,
      })
      expect(retry.status).toBe(200)
      expect(await upstreamRestoreCount()).toBe(before + 1)
      const again = await operator.call('POST', restores(), body, {
        'idempotency-key': key,
      })
      expect((again.body as { id: string }).id).toBe(
        (retry.body as { id: string }).id,
      )
      expect(await upstreamRestoreCount()).toBe(before + 1)
    },
  )
})
