import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { listAudit } from '../db/audit-repo'
import { findWatchedJob } from '../db/watch-repo'
import {
  startTestBff,
  type BffResponse,
  type TestBff,
  type TestBrowser,
} from '../../testing/bff-harness'
import { claimAsCrashed } from '../../testing/crashed-write'

type Job = { id: string; deliveryType: string; pointInTimeUTCSeconds?: number }

let t: TestBff
let operator: TestBrowser
let viewer: TestBrowser
let anonymous: TestBrowser
let devTools: string

let keySeq = 0
const newKey = () => `sls-key-${Date.now()}-${keySeq++}`
const url = () =>
  `/api/atlas/v2/groups/${devTools}/serverless/dev-serverless/backup/restoreJobs`

async function sandboxJobs(): Promise<Job[]> {
  const res = await t.sandbox.atlas({
    path: `/groups/${devTools}/serverless/dev-serverless/backup/restoreJobs?itemsPerPage=500`,
  })
  return (res.body as { results: Job[] }).results
}

/** The sandbox's now, in whole epoch seconds: the clock the 72 hours count on. */
async function sandboxSeconds(): Promise<number> {
  const res = await t.sandbox.control('GET', '/clock')
  return Math.floor(Date.parse((res.body as { now: string }).now) / 1000)
}

const pointInTime = (seconds: number) => ({
  deliveryType: 'pointInTime',
  targetGroupId: devTools,
  targetClusterName: 'dev-serverless',
  pointInTimeUTCSeconds: seconds,
  confirmTargetName: 'dev-serverless',
})

const post = (body: unknown, key = newKey()) =>
  operator.call('POST', url(), body, { 'idempotency-key': key })

const auditCount = () =>
  listAudit(t.bff.db, { action: 'restore.create', limit: 1000 }).length

const fieldsOf = (res: BffResponse) =>
  (
    res.body as { badRequestDetail?: { fields: { field: string }[] } }
  ).badRequestDetail?.fields.map((f) => f.field) ?? []

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
  devTools = groups.results.find((g) => g.name === 'dev-tools')!.id
})
afterAll(async () => {
  await t.close()
})

describe('serverless restores (R5, R8)', () => {
  it('refuses anonymous (401) and viewers (403)', async () => {
    const body = pointInTime((await sandboxSeconds()) - 3600)
    const headers = { 'idempotency-key': newKey() }
    expect((await anonymous.call('POST', url(), body, headers)).status).toBe(
      401,
    )
    expect((await viewer.call('POST', url(), body, headers)).status).toBe(403)
  })

  it('refuses what serverless cannot do, with the field named, sending nothing', async () => {
    const before = (await sandboxJobs()).length
    const audited = auditCount()
    const now = await sandboxSeconds()
    const oplog = await post({
      ...pointInTime(now - 3600),
      pointInTimeUTCSeconds: undefined,
      oplogTs: now - 3600,
      oplogInc: 1,
    })
    expect(oplog.status).toBe(400)
    expect(fieldsOf(oplog)).toEqual(
      expect.arrayContaining(['oplogTs', 'oplogInc']),
    )
    const download = await post({
      deliveryType: 'download',
      targetGroupId: devTools,
      targetClusterName: 'dev-serverless',
    })
    expect(download.body).toMatchObject({
      errorCode: 'DELIVERY_TYPE_NOT_SUPPORTED',
      badRequestDetail: { fields: [{ field: 'deliveryType' }] },
    })
    const noTarget = await post({ deliveryType: 'automated' })
    expect(noTarget.status).toBe(400)
    expect(fieldsOf(noTarget)).toEqual(
      expect.arrayContaining(['targetGroupId', 'targetClusterName']),
    )
    const typed = await post({ ...pointInTime(now - 3600), targetGroupId: 7 })
    expect(fieldsOf(typed)).toEqual(['targetGroupId'])
    expect((await sandboxJobs()).length).toBe(before)
    expect(auditCount()).toBe(audited)
  })

  it('refuses an instant 72 hours and 1 second ago', async () => {
    const before = (await sandboxJobs()).length
    const audited = auditCount()
    const res = await post(
      pointInTime((await sandboxSeconds()) - 72 * 3600 - 1),
    )
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({
      errorCode: 'POINT_IN_TIME_OUTSIDE_RESTORE_WINDOW',
      badRequestDetail: { fields: [{ field: 'pointInTimeUTCSeconds' }] },
    })
    expect((await sandboxJobs()).length).toBe(before)
    // Refused by the BFF itself: no attempt reached the audit trail, let alone Atlas.
    expect(auditCount()).toBe(audited)
  })

  it('refuses an unconfirmed restore', async () => {
    const unconfirmed: Record<string, unknown> = pointInTime(
      (await sandboxSeconds()) - 3600,
    )
    delete unconfirmed.confirmTargetName
    const res = await post(unconfirmed)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({
      errorCode: 'CONFIRMATION_REQUIRED',
      badRequestDetail: { fields: [{ field: 'confirmTargetName' }] },
    })
  })

  it('refuses a target that cannot take a serverless snapshot', async () => {
    const flex = await post({
      ...pointInTime((await sandboxSeconds()) - 3600),
      targetClusterName: 'scratch-flex',
      confirmTargetName: 'scratch-flex',
    })
    expect(flex.status).toBe(400)
    expect(flex.body).toMatchObject({
      errorCode: 'INCOMPATIBLE_RESTORE_TARGET',
      badRequestDetail: { fields: [{ field: 'targetClusterName' }] },
    })
    const missing = await post({
      ...pointInTime((await sandboxSeconds()) - 3600),
      targetClusterName: 'nowhere',
      confirmTargetName: 'nowhere',
    })
    expect(missing.status).toBe(404)
  })

  it('starts one restore per key, watches it, and audits it', async () => {
    const before = (await sandboxJobs()).length
    const key = newKey()
    const body = pointInTime((await sandboxSeconds()) - 72 * 3600 + 60)
    const [first, again] = await Promise.all([post(body, key), post(body, key)])
    expect(first.status).toBe(200)
    const job = first.body as Job
    expect(job).toMatchObject({
      deliveryType: 'pointInTime',
      pointInTimeUTCSeconds: body.pointInTimeUTCSeconds,
    })
    expect((again.body as Job).id).toBe(job.id)
    // Later, when the instant has left the window, the repeat still gets the first answer.
    await t.sandbox.control('POST', '/clock/advance', { minutes: 2 })
    const later = await post(body, key)
    expect(later.status).toBe(200)
    expect((later.body as Job).id).toBe(job.id)
    expect((await sandboxJobs()).length).toBe(before + 1)

    const read = await viewer.call('GET', `${url()}/${job.id}`)
    expect(read.body).toMatchObject({ id: job.id })
    expect(
      findWatchedJob(
        t.bff.db,
        'serverless',
        devTools,
        'dev-serverless',
        job.id,
      ),
    ).toMatchObject({ createdBy: 'operator' })

    const reused = await post({ ...body, pointInTimeUTCSeconds: 1 }, key)
    expect(reused.status).toBe(400) // refused on the body before the key is looked at
    const reusedValid = await post(
      { ...body, pointInTimeUTCSeconds: body.pointInTimeUTCSeconds + 1 },
      key,
    )
    expect(reusedValid.status).toBe(422)

    const outcome = listAudit(t.bff.db, {
      action: 'restore.create',
      atlasId: job.id,
      limit: 1,
    })[0]
    expect(outcome).toMatchObject({
      outcome: 'succeeded',
      actor: 'operator',
      clusterName: 'dev-serverless',
      target: `${devTools}/dev-serverless`,
    })
    const intent = listAudit(t.bff.db, {
      action: 'restore.create',
      limit: 10,
    }).find((r) => r.id === outcome?.intentId)
    expect(intent?.details).toMatchObject({
      kind: 'serverless',
      request: { deliveryType: 'pointInTime' },
    })
  })
})

describe('serverless restores after a crash between Atlas and the BFF', () => {
  it('finds the restore Atlas made on the retry, instead of making a second', async () => {
    const key = newKey()
    const seconds = (await sandboxSeconds()) - 3600
    // What the BFF sends Atlas: the request without the confirmation, in Atlas's field order.
    const atlasBody = {
      deliveryType: 'pointInTime',
      targetGroupId: devTools,
      targetClusterName: 'dev-serverless',
      pointInTimeUTCSeconds: seconds,
    }
    const route = `/groups/${devTools}/serverless/dev-serverless/backup/restoreJobs`
    claimAsCrashed(t.bff.db, {
      key,
      userName: 'operator',
      route,
      body: atlasBody,
    })
    // The BFF died after Atlas made the job and before it recorded the answer.
    const made = await t.sandbox.atlas({
      method: 'POST',
      path: route,
      body: atlasBody,
    })
    expect(made.status).toBe(200)
    const before = (await sandboxJobs()).length

    const retry = await post(pointInTime(seconds), key)
    expect(retry.status).toBe(200)
    expect((retry.body as Job).id).toBe((made.body as Job).id)
    expect((await sandboxJobs()).length).toBe(before)
    expect(
      listAudit(t.bff.db, { action: 'restore.create', limit: 5 })[0],
    ).toMatchObject({ outcome: 'reconciled' })
  })
})
