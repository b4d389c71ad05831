import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { listAudit } from '../db/audit-repo'
import {
  startTestBff,
  type TestBff,
  type TestBrowser,
} from '../../testing/bff-harness'
import { claimAsCrashed } from '../../testing/crashed-write'

let t: TestBff
let operator: TestBrowser
let groupId: string
let snapshotId: string

const restoresPath = () =>
  `/api/atlas/v2/groups/${groupId}/clusters/payments-rs/backup/restoreJobs`
let keySeq = 0
const newKey = () => `test-key-${Date.now()}-${keySeq++}`

async function sandboxRestoreCount(): Promise<number> {
  const res = await t.sandbox.atlas({
    path: `/groups/${groupId}/clusters/payments-rs/backup/restoreJobs`,
  })
  return (res.body as { totalCount: number }).totalCount
}

beforeAll(async () => {
  t = await startTestBff()
  operator = await t.browser('operator')
  const groups = (await operator.call('GET', '/api/atlas/v2/groups')).body as {
    results: { id: string; name: string }[]
  }
  groupId = groups.results.find((g) => g.name === 'payments-prod')!.id
  const snapshots = (
    await operator.call(
      'GET',
      `/api/atlas/v2/groups/${groupId}/clusters/payments-rs/backup/snapshots`,
    )
  ).body as { results: { id: string; status: string }[] }
  snapshotId = snapshots.results.find((s) => s.status === 'completed')!.id
})
afterAll(async () => {
  await t.close()
})

const automated = () => ({
  deliveryType: 'automated',
  snapshotId,
  targetGroupId: groupId,
  targetClusterName: 'payments-staging',
})

describe('restore creation through the BFF', () => {
  it('refuses a destructive restore without the typed target name, sending nothing upstream', async () => {
    const before = await sandboxRestoreCount()
    const res = await operator.call('POST', restoresPath(), automated(), {
      'idempotency-key': newKey(),
    })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({
      errorCode: 'CONFIRMATION_REQUIRED',
      badRequestDetail: { fields: [{ field: 'confirmTargetName' }] },
    })
    const near = await operator.call(
      'POST',
      restoresPath(),
      { ...automated(), confirmTargetName: 'Payments-Staging' },
      { 'idempotency-key': newKey() },
    )
    expect(near.status).toBe(400)
    expect(await sandboxRestoreCount()).toBe(before)
  })

  it('refuses a viewer with 403 and names the role needed', async () => {
    const viewer = await t.browser('viewer')
    const res = await viewer.call(
      'POST',
      restoresPath(),
      { ...automated(), confirmTargetName: 'payments-staging' },
      { 'idempotency-key': newKey() },
    )
    expect(res.status).toBe(403)
    expect((res.body as { detail: string }).detail).toContain(
      'operator or admin',
    )
  })

  it('refuses half an oplog pair and an instant before 2008 with the field named', async () => {
    const half = await operator.call(
      'POST',
      restoresPath(),
      {
        deliveryType: 'pointInTime',
        targetGroupId: groupId,
        targetClusterName: 'payments-staging',
        oplogTs: 1_700_000_000,
        confirmTargetName: 'payments-staging',
      },
      { 'idempotency-key': newKey() },
    )
    expect(half.status).toBe(400)
    expect(JSON.stringify(half.body)).toContain('oplogInc')
    const early = await operator.call(
      'POST',
      restoresPath(),
      {
        deliveryType: 'pointInTime',
        targetGroupId: groupId,
        targetClusterName: 'payments-staging',
        pointInTimeUTCSeconds: 1199145599,
        confirmTargetName: 'payments-staging',
      },
      { 'idempotency-key': newKey() },
    )
    expect(early.status).toBe(400)
    expect(early.body).toMatchObject({
      badRequestDetail: { fields: [{ field: 'pointInTimeUTCSeconds' }] },
    })
  })

  it('needs an Idempotency-Key', async () => {
    const res = await operator.call('POST', restoresPath(), {
      ...automated(),
      confirmTargetName: 'payments-staging',
    })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ errorCode: 'IDEMPOTENCY_KEY_REQUIRED' })
  })

  it('creates one restore for a confirmed request, however often it is repeated, and audits it', async () => {
    const before = await sandboxRestoreCount()
    const key = newKey()
    const body = { ...automated(), confirmTargetName: 'payments-staging' }
    const [first, second] = await Promise.all([
      operator.call('POST', restoresPath(), body, { 'idempotency-key': key }),
      operator.call('POST', restoresPath(), body, { 'idempotency-key': key }),
    ])
    expect(first.status).toBe(200)
    expect(second.status).toBe(200)
    const job = first.body as {
      id: string
      deliveryType: string
      targetClusterName: string
    }
    expect(job).toMatchObject({
      deliveryType: 'automated',
      targetClusterName: 'payments-staging',
    })
    expect((second.body as { id: string }).id).toBe(job.id)
    const third = await operator.call('POST', restoresPath(), body, {
      'idempotency-key': key,
    })
    expect((third.body as { id: string }).id).toBe(job.id)
    expect(await sandboxRestoreCount()).toBe(before + 1)

    const reused = await operator.call(
      'POST',
      restoresPath(),
      {
        ...body,
        targetClusterName: 'ledger-archive',
        confirmTargetName: 'ledger-archive',
      },
      { 'idempotency-key': key },
    )
    expect(reused.status).toBe(422)

    const audit = listAudit(t.bff.db, {
      action: 'restore.create',
      limit: 50,
    }).filter((e) => e.atlasId === job.id || e.outcome === null)
    const outcome = audit.find(
      (e) => e.phase === 'outcome' && e.atlasId === job.id,
    )
    expect(outcome).toMatchObject({
      actor: 'operator',
      outcome: 'succeeded',
      groupId,
      clusterName: 'payments-rs',
    })
    expect(
      audit.some((e) => e.phase === 'intent' && e.id === outcome?.intentId),
    ).toBe(true)
  })

  it('after a crash between Atlas and the reply, a retry finds the restore instead of making a second', async () => {
    // The state a kill -9 leaves: the intent claimed, the job created upstream, no reply stored.
    const key = newKey()
    const groups = (await operator.call('GET', '/api/atlas/v2/groups'))
      .body as {
      results: { id: string; name: string }[]
    }
    const devTools = groups.results.find((g) => g.name === 'dev-tools')!.id
    const body = {
      ...automated(),
      targetGroupId: devTools,
      targetClusterName: 'failing-restore-target',
    }
    claimAsCrashed(t.bff.db, {
      key,
      userName: 'operator',
      route: `/groups/${groupId}/clusters/payments-rs/backup/restoreJobs`,
      body,
    })
    const made = await t.sandbox.atlas({
      method: 'POST',
      path: `/groups/${groupId}/clusters/payments-rs/backup/restoreJobs`,
      body,
    })
    expect(made.body).toMatchObject({ deliveryType: 'automated' })
    const before = await sandboxRestoreCount()

    const retry = await operator.call(
      'POST',
      restoresPath(),
      { ...body, confirmTargetName: 'failing-restore-target' },
      { 'idempotency-key': key },
    )
    expect(retry.body).toMatchObject({ deliveryType: 'automated' })
    expect((retry.body as { id: string }).id).toBe(
      (made.body as { id: string }).id,
    )
    expect(await sandboxRestoreCount()).toBe(before)
    expect(
      listAudit(t.bff.db, { action: 'restore.create', limit: 5 })[0],
    ).toMatchObject({ outcome: 'reconciled' })
  })
})
