import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  type LiveJob,
  restoreJobListSchema,
} from '../../contract/bff/job-events'
import {
  type BffProcess,
  callJson,
  type Signed,
  signInAdmin,
  startBffProcess,
} from '../../testing/bff-process'
import {
  startTestSandbox,
  type TestSandbox,
} from '../../testing/sandbox-harness'
import { openEvents } from '../jobs/sse-test-client'

// A kill -9 of the BFF (a process of its own over the test sandbox) in the middle of a restore
// submission and while a browser watches a restore: after a restart over the same data
// directory nothing is made twice, no audit record is lost, and the job is followed to its end.

let sandbox: TestSandbox
let dataDir: string
let bff: BffProcess
let admin: Signed
let groupId: string
let snapshotId: string

const restores = () =>
  `/api/atlas/v2/groups/${groupId}/clusters/payments-rs/backup/restoreJobs`
const body = () => ({
  deliveryType: 'automated',
  snapshotId,
  targetGroupId: groupId,
  targetClusterName: 'payments-staging',
  confirmTargetName: 'payments-staging',
})

async function upstreamRestores(): Promise<{ id: string }[]> {
  const res = await sandbox.atlas({
    path: `/groups/${groupId}/clusters/payments-rs/backup/restoreJobs?itemsPerPage=500`,
  })
  if (res.status !== 200)
    throw new Error(`sandbox: ${JSON.stringify(res.body)}`)
  return (res.body as { results: { id: string }[] }).results
}

async function until<T>(
  probe: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const found = await probe()
    if (found !== undefined) return found
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** Restarts the BFF on the same port and data directory; the session survives in SQLite. */
async function restart(): Promise<void> {
  bff = await startBffProcess(sandbox, dataDir, Number(new URL(bff.url).port))
}

beforeAll(async () => {
  // Only the test moves the sandbox clock, so the restores finish on cue.
  sandbox = await startTestSandbox({
    SANDBOX_TICK_MS: '3600000',
    SANDBOX_RATE_CAPACITY: '100000',
    SANDBOX_RATE_REFILL_PER_MINUTE: '100000',
  })
  dataDir = mkdtempSync(path.join(tmpdir(), 'bff-kill-'))
  bff = await startBffProcess(sandbox, dataDir)
  admin = await signInAdmin(bff.url)
  const groups = await callJson(bff.url, admin, 'GET', '/api/atlas/v2/groups')
  groupId =
    (groups.body as { results: { id: string; name: string }[] }).results.find(
      (g) => g.name === 'payments-prod',
    )?.id ?? ''
  const snapshots = await callJson(
    bff.url,
    admin,
    'GET',
    `/api/atlas/v2/groups/${groupId}/clusters/payments-rs/backup/snapshots`,
  )
  snapshotId =
    (
      snapshots.body as { results: { id: string; status: string }[] }
    ).results.find((s) => s.status === 'completed')?.id ?? ''
})
afterAll(async () => {
  await bff.stop()
  await sandbox.close()
  rmSync(dataDir, { recursive: true, force: true })
})

// Each test starts with the earlier restores finished (the target free again) and half an hour
// between them, so no retry can take an earlier test's restore for its own.
beforeEach(async () => {
  await sandbox.control('POST', '/clock/advance', { minutes: 30 })
})

describe('kill -9 of the BFF', () => {
  /** Submits a restore that Atlas holds 1.5 s; resolves once the POST has reached the sandbox. */
  async function submitSlowly(key: string) {
    await sandbox.control('POST', '/faults', {
      path: '/backup/restoreJobs$',
      method: 'POST',
      kind: 'latency',
      latencyMs: 1_500,
      times: 1,
    })
    const submitted = callJson(bff.url, admin, 'POST', restores(), body(), {
      'idempotency-key': key,
    }).catch((error: unknown) => error)
    await until(async () => {
      const res = await sandbox.control('GET', '/faults')
      return (res.body as { faults: unknown[] }).faults.length === 0
        ? true
        : undefined
    }, 'the POST to reach the sandbox')
    // Wrapped: an async function returning the promise itself would wait for it.
    return { submitted }
  }

  async function auditOf(atlasId: string) {
    const audit = await callJson(
      bff.url,
      admin,
      'GET',
      '/api/audit?action=restore.create',
    )
    const entries = (audit.body as { entries: Record<string, unknown>[] })
      .entries
    const outcome = entries.find(
      (e) => e.phase === 'outcome' && e.atlasId === atlasId,
    )
    const intent = entries.find(
      (e) => e.phase === 'intent' && e.id === outcome?.intentId,
    )
    return { intent, outcome }
  }

  it('after Atlas made the restore but before the BFF heard back: the retry with the same key finds it, makes none, and audits it as reconciled', async () => {
    const before = (await upstreamRestores()).length
    const key = `kill-after-${Date.now()}`
    const { submitted } = await submitSlowly(key)
    // Frozen, the BFF keeps its connection open, so Atlas finishes the request; then it dies
    // without ever reading the answer.
    bff.child.kill('SIGSTOP')
    const made = await until(async () => {
      const jobs = await upstreamRestores()
      return jobs.length > before ? jobs : undefined
    }, 'the restore to be created upstream')
    await bff.kill9()
    expect(await submitted).toBeInstanceOf(Error)
    expect(made.length).toBe(before + 1)

    await restart()
    const retry = await callJson(bff.url, admin, 'POST', restores(), body(), {
      'idempotency-key': key,
    })
    expect(retry.status).toBe(200)
    const id = (retry.body as { id: string }).id
    expect(id).toBe(made[0]?.id)
    expect((await upstreamRestores()).length).toBe(before + 1)
    const { intent, outcome } = await auditOf(id)
    expect(intent).toMatchObject({ actor: 'admin', action: 'restore.create' })
    expect(outcome).toMatchObject({ outcome: 'reconciled' })
  })

  it('before Atlas made it: the retry with the same key makes exactly one', async () => {
    const before = (await upstreamRestores()).length
    const key = `kill-before-${Date.now()}`
    const { submitted } = await submitSlowly(key)
    // Killed while Atlas still holds the request: the connection drops and Atlas drops it too.
    await bff.kill9()
    expect(await submitted).toBeInstanceOf(Error)
    await new Promise((r) => setTimeout(r, 2_000))
    expect((await upstreamRestores()).length).toBe(before)

    await restart()
    const retry = await callJson(bff.url, admin, 'POST', restores(), body(), {
      'idempotency-key': key,
    })
    expect(retry.status).toBe(200)
    const jobs = await upstreamRestores()
    expect(jobs.length).toBe(before + 1)
    const id = (retry.body as { id: string }).id
    expect(jobs[0]?.id).toBe(id)
    const { intent, outcome } = await auditOf(id)
    expect(intent).toBeDefined()
    expect(outcome).toMatchObject({ outcome: 'succeeded' })
  })

  it('while a browser watches a restore: after the restart the job is polled again and followed to completion', async () => {
    const created = await callJson(bff.url, admin, 'POST', restores(), body(), {
      'idempotency-key': `kill-watch-${Date.now()}`,
    })
    expect(created.status).toBe(200)
    const jobId = (created.body as { id: string }).id
    const job = `dedicated:${groupId}:payments-rs:${jobId}`
    const isThisJob =
      (state?: LiveJob['state']) => (e: { type: string; job?: LiveJob }) =>
        e.type === 'job' &&
        e.job?.jobId === jobId &&
        (state === undefined || e.job.state === state)

    const watching = await openEvents(bff.url, { cookie: admin.cookie, job })
    await watching.waitFor(isThisJob('inProgress'))
    await bff.kill9()
    watching.close()

    await restart()
    const again = await openEvents(bff.url, { cookie: admin.cookie, job })
    await again.waitFor(isThisJob('inProgress'))
    await sandbox.control('POST', '/clock/advance', { minutes: 30 })
    await again.waitFor(isThisJob('completed'), 25_000)
    again.close()
    const list = restoreJobListSchema.parse(
      (await callJson(bff.url, admin, 'GET', '/api/restore-jobs')).body,
    )
    expect(list.results.find((j) => j.jobId === jobId)).toMatchObject({
      state: 'completed',
      createdBy: 'admin',
    })
  }, 60_000)
})
