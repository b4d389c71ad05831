import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { explainVersionGone } from '../../contract/rules/serverless-restore'
import { listAudit } from '../db/audit-repo'
import { startTestBff, type TestBff } from '../../testing/bff-harness'

// R5: Atlas sunset the serverless backup endpoints on 2026-01-22 and answers them with 410
// VERSION_GONE; the browser gets that explained in words, not raw.
let t: TestBff

beforeAll(async () => {
  t = await startTestBff({}, { sandboxEnv: { SANDBOX_SERVERLESS_SUNSET: '1' } })
})
afterAll(async () => {
  await t.close()
})

describe('serverless endpoints past their sunset', () => {
  it('explain the 410 of a restore, and audit the refusal', async () => {
    const operator = await t.browser('operator')
    const groups = (await operator.call('GET', '/api/atlas/v2/groups'))
      .body as { results: { id: string; name: string }[] }
    const devTools = groups.results.find((g) => g.name === 'dev-tools')!.id
    const clock = await t.sandbox.control('GET', '/clock')
    const now = Math.floor(
      Date.parse((clock.body as { now: string }).now) / 1000,
    )
    const res = await operator.call(
      'POST',
      `/api/atlas/v2/groups/${devTools}/serverless/dev-serverless/backup/restoreJobs`,
      {
        deliveryType: 'pointInTime',
        targetGroupId: devTools,
        targetClusterName: 'dev-serverless',
        pointInTimeUTCSeconds: now - 3600,
        confirmTargetName: 'dev-serverless',
      },
      { 'idempotency-key': `sunset-${Date.now()}` },
    )
    expect(res.status).toBe(410)
    expect(res.body).toMatchObject({
      error: 410,
      errorCode: 'VERSION_GONE',
      detail: explainVersionGone(),
    })
    expect((res.body as { requestId: string }).requestId).toBe(
      res.headers['x-request-id'],
    )
    expect(
      listAudit(t.bff.db, { action: 'restore.create', limit: 1 })[0],
    ).toMatchObject({ phase: 'outcome', outcome: 'refused' })

    const list = await operator.call(
      'GET',
      `/api/atlas/v2/groups/${devTools}/serverless/dev-serverless/backup/snapshots`,
    )
    expect(list.status).toBe(410)
    expect(list.body).toMatchObject({ detail: explainVersionGone() })
  })
})
