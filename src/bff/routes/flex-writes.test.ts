import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { listAudit } from '../db/audit-repo'
import { findWatchedJob } from '../db/watch-repo'
import {
  startTestBff,
  type TestBff,
  type TestBrowser,
} from '../../testing/bff-harness'

type FlexJob = {
  id: string
  deliveryType: string
  status: string
  snapshotId: string
  targetDeploymentItemName?: string
}

let t: TestBff
let operator: TestBrowser
let viewer: TestBrowser
let anonymous: TestBrowser
let analytics: string
let devTools: string
let payments: string
let snapshotId: string

let keySeq = 0
const newKey = () => `flex-key-${Date.now()}-${keySeq++}`
const backup = () =>
  `/api/atlas/v2/groups/${analytics}/flexClusters/reports-flex/backup`

async function sandboxJobs(): Promise<FlexJob[]> {
  const res = await t.sandbox.atlas({
    path: `/groups/${analytics}/flexClusters/reports-flex/backup/restoreJobs?itemsPerPage=500`,
    version: '2024-11-13',
  })
  return (res.body as { results: FlexJob[] }).results
}

const restore = (target: string, project?: string) => ({
  snapshotId,
  targetDeploymentItemName: target,
  ...(project ? { targetProjectId: project } : {}),
  confirmTargetName: target,
})

beforeAll(async () => {
  t = await startTestBff()
  ;[operator, viewer, anonymous] = await Promise.all([
    t.browser('operator'),
    t.browser('viewer'),
    t.browser(),
  ])
  const groups = (await viewer.call('GET', '/api/atlas/v2/groups')).body as {
    results: { id: string; name: string }[]
  }
  const id = (name: string) => groups.results.find((g) => g.name === name)!.id
  analytics = id('analytics')
  devTools = id('dev-tools')
  payments = id('payments-prod')
  const snapshots = (await viewer.call('GET', `${backup()}/snapshots`))
    .body as { results: { id: string; status: string }[] }
  snapshotId = snapshots.results.find((s) => s.status === 'COMPLETED')!.id
})
afterAll(async () => {
  await t.close()
})

describe('Flex restores (R6, R8)', () => {
  const post = (body: unknown, key = newKey()) =>
    operator.call('POST', `${backup()}/restoreJobs`, body, {
      'idempotency-key': key,
    })

  it('refuses anonymous (401) and viewers (403)', async () => {
    const body = restore('scratch-flex', devTools)
    const headers = { 'idempotency-key': newKey() }
    const url = `${backup()}/restoreJobs`
    expect((await anonymous.call('POST', url, body, headers)).status).toBe(401)
    expect((await viewer.call('POST', url, body, headers)).status).toBe(403)
  })

  it('refuses an unconfirmed or misconfirmed restore, sending nothing', async () => {
    const before = (await sandboxJobs()).length
    const unconfirmed: Record<string, unknown> = restore(
      'scratch-flex',
      devTools,
    )
    delete unconfirmed.confirmTargetName
    for (const body of [
      unconfirmed,
      { ...unconfirmed, confirmTargetName: 'Scratch-Flex' },
    ]) {
      const res = await post(body)
      expect(res.status).toBe(400)
      expect(res.body).toMatchObject({
        errorCode: 'CONFIRMATION_REQUIRED',
        badRequestDetail: { fields: [{ field: 'confirmTargetName' }] },
      })
    }
    expect((await sandboxJobs()).length).toBe(before)
  })

  it('refuses a bad body with every field named, sending nothing', async () => {
    const before = (await sandboxJobs()).length
    const res = await post({ snapshotId: 'not-an-id', confirmTargetName: 'x' })
    expect(res.status).toBe(400)
    const fields = (
      res.body as { badRequestDetail: { fields: { field: string }[] } }
    ).badRequestDetail.fields.map((f) => f.field)
    expect(fields).toEqual(['snapshotId', 'targetDeploymentItemName'])
    const typed = await post({ ...restore('scratch-flex'), snapshotId: 42 })
    expect(typed.status).toBe(400)
    expect(typed.body).toMatchObject({
      badRequestDetail: { fields: [{ field: 'snapshotId' }] },
    })
    expect((await sandboxJobs()).length).toBe(before)
  })

  it('refuses targets that cannot take a Flex snapshot', async () => {
    const missing = await post(restore('no-such-cluster'))
    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({
      errorCode: 'CLUSTER_NOT_FOUND',
      badRequestDetail: { fields: [{ field: 'targetDeploymentItemName' }] },
    })
    const sharded = await post(restore('warehouse-sharded'))
    expect(sharded.status).toBe(400)
    expect(sharded.body).toMatchObject({
      errorCode: 'INCOMPATIBLE_RESTORE_TARGET',
    })
    const encrypted = await post(restore('ledger-archive', payments))
    expect(encrypted.body).toMatchObject({
      errorCode: 'INCOMPATIBLE_RESTORE_TARGET',
    })
    expect((encrypted.body as { detail: string }).detail).toContain(
      'encryption at rest',
    )
    const older = await post(restore('legacy-reporting'))
    expect((older.body as { detail: string }).detail).toContain('8.0')
  })

  it('starts one restore per key, watches it, and audits it', async () => {
    const before = (await sandboxJobs()).length
    const key = newKey()
    const body = restore('scratch-flex', devTools)
    const [first, again] = await Promise.all([post(body, key), post(body, key)])
    expect(first.status).toBe(200)
    const job = first.body as FlexJob
    expect(job).toMatchObject({
      deliveryType: 'RESTORE',
      snapshotId,
      targetDeploymentItemName: 'scratch-flex',
    })
    expect((again.body as FlexJob).id).toBe(job.id)
    expect(((await post(body, key)).body as FlexJob).id).toBe(job.id)
    expect((await sandboxJobs()).length).toBe(before + 1)

    const read = await viewer.call('GET', `${backup()}/restoreJobs/${job.id}`)
    expect(read.body).toMatchObject({ id: job.id, deliveryType: 'RESTORE' })
    expect(
      findWatchedJob(t.bff.db, 'flex', analytics, 'reports-flex', job.id),
    ).toMatchObject({ createdBy: 'operator' })

    const reused = await post(restore('events-nvme'), key)
    expect(reused.status).toBe(422)

    const rows = listAudit(t.bff.db, { action: 'restore.create', limit: 10 })
    const outcome = rows.find((r) => r.atlasId === job.id)
    expect(outcome).toMatchObject({
      phase: 'outcome',
      outcome: 'succeeded',
      actor: 'operator',
      groupId: analytics,
      clusterName: 'reports-flex',
      target: `${devTools}/scratch-flex`,
    })
    const intent = rows.find((r) => r.id === outcome?.intentId)
    expect(intent?.details).toMatchObject({
      kind: 'flex',
      request: { snapshotId, targetDeploymentItemName: 'scratch-flex' },
    })
    expect(JSON.stringify(intent?.details)).not.toContain('confirmTargetName')
  })

  it('restores onto a dedicated replica set in the same project', async () => {
    const res = await post(restore('events-nvme'))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ targetDeploymentItemName: 'events-nvme' })
  })
})

describe('Flex downloads (R3, R6)', () => {
  const post = (body: unknown, key = newKey()) =>
    operator.call('POST', `${backup()}/download`, body, {
      'idempotency-key': key,
    })

  it('refuses anonymous, viewers and bad bodies', async () => {
    const url = `${backup()}/download`
    const headers = { 'idempotency-key': newKey() }
    expect(
      (await anonymous.call('POST', url, { snapshotId }, headers)).status,
    ).toBe(401)
    expect(
      (await viewer.call('POST', url, { snapshotId }, headers)).status,
    ).toBe(403)
    const before = (await sandboxJobs()).length
    const bad = await post({ snapshotId: 'nope' })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({
      badRequestDetail: { fields: [{ field: 'snapshotId' }] },
    })
    const missing = await post({ snapshotId: '0123456789abcdef01234567' })
    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({
      errorCode: 'SNAPSHOT_NOT_FOUND',
      badRequestDetail: { fields: [{ field: 'snapshotId' }] },
    })
    expect((await sandboxJobs()).length).toBe(before)
  })

  it('prepares one download per key, one per snapshot at a time, and audits it', async () => {
    const before = (await sandboxJobs()).length
    const key = newKey()
    const first = await post({ snapshotId }, key)
    expect(first.status).toBe(200)
    const job = first.body as FlexJob
    expect(job).toMatchObject({ deliveryType: 'DOWNLOAD', snapshotId })
    expect(((await post({ snapshotId }, key)).body as FlexJob).id).toBe(job.id)
    const second = await post({ snapshotId })
    expect(second.status).toBe(409)
    expect(second.body).toMatchObject({
      errorCode: 'SNAPSHOT_DOWNLOAD_IN_PROGRESS',
    })
    expect((await sandboxJobs()).length).toBe(before + 1)
    const listed = (await viewer.call('GET', `${backup()}/restoreJobs`))
      .body as { results: FlexJob[] }
    expect(listed.results.some((j) => j.id === job.id)).toBe(true)
    const outcome = listAudit(t.bff.db, {
      action: 'restore.create',
      atlasId: job.id,
      limit: 1,
    })[0]
    expect(outcome).toMatchObject({ outcome: 'succeeded' })
    expect(
      listAudit(t.bff.db, { action: 'restore.create', limit: 20 }).find(
        (r) => r.id === outcome?.intentId,
      )?.details,
    ).toMatchObject({ kind: 'flex', deliveryType: 'DOWNLOAD' })
  })
})
