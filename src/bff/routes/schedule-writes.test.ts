import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { scheduleDeleteQuery } from '../../contract/bff/write-requests'
import { listAudit } from '../db/audit-repo'
import {
  startTestBff,
  type BffResponse,
  type TestBff,
  type TestBrowser,
} from '../../testing/bff-harness'

type Item = {
  id?: string
  frequencyType: string
  frequencyInterval: number
  retentionUnit: string
  retentionValue: number
}
type Schedule = {
  policies: { id?: string; policyItems: Item[] }[]
  referenceHourOfDay?: number
  restoreWindowDays?: number
  nextSnapshot?: string
}

let t: TestBff
let admin: TestBrowser
let otherAdmin: TestBrowser
let operator: TestBrowser
let viewer: TestBrowser
let anonymous: TestBrowser
let groupId: string

const url = (cluster = 'payments-rs') =>
  `/api/atlas/v2/groups/${groupId}/clusters/${cluster}/backup/schedule`

async function sandboxSchedule(cluster = 'payments-rs'): Promise<Schedule> {
  const res = await t.sandbox.atlas({
    path: `/groups/${groupId}/clusters/${cluster}/backup/schedule`,
    version: '2024-08-05',
  })
  return res.body as Schedule
}

/** What the editor does: read the schedule and its ETag. */
async function open(browser: TestBrowser, cluster = 'payments-rs') {
  const res = await browser.call('GET', url(cluster))
  expect(res.status).toBe(200)
  const etag = res.headers.etag
  expect(typeof etag).toBe('string')
  return { schedule: res.body as Schedule, etag: etag as string }
}

function withItem(
  schedule: Schedule,
  frequencyType: string,
  change: Partial<Item>,
): Schedule {
  const policy = schedule.policies[0]!
  return {
    ...schedule,
    policies: [
      {
        ...policy,
        policyItems: policy.policyItems.map((item) =>
          item.frequencyType === frequencyType ? { ...item, ...change } : item,
        ),
      },
    ],
  }
}

const fieldsOf = (res: BffResponse) =>
  (
    res.body as { badRequestDetail?: { fields: { field: string }[] } }
  ).badRequestDetail?.fields.map((f) => f.field) ?? []

beforeAll(async () => {
  t = await startTestBff()
  ;[admin, otherAdmin, operator, viewer, anonymous] = await Promise.all([
    t.browser('admin'),
    t.browser('admin'),
    t.browser('operator'),
    t.browser('viewer'),
    t.browser(),
  ])
  const groups = (await viewer.call('GET', '/api/atlas/v2/groups')).body as {
    results: { id: string; name: string }[]
  }
  groupId = groups.results.find((g) => g.name === 'payments-prod')!.id
})
afterAll(async () => {
  await t.close()
})

describe('the backup schedule read', () => {
  it('carries an ETag that ignores the moving nextSnapshot', async () => {
    const first = await open(viewer)
    expect(first.etag).toMatch(/^"[\w-]+"$/)
    await t.sandbox.control('POST', '/clock/advance', { hours: 7 })
    const later = await open(viewer)
    expect(later.schedule.nextSnapshot).not.toBe(first.schedule.nextSnapshot)
    expect(later.etag).toBe(first.etag)
    expect((await anonymous.call('GET', url())).status).toBe(401)
  })
})

describe('editing the backup schedule (P1–P6)', () => {
  it('is an admin action', async () => {
    const { schedule, etag } = await open(viewer)
    const headers = { 'if-match': etag }
    expect(
      (await anonymous.call('PATCH', url(), schedule, headers)).status,
    ).toBe(401)
    const res = await operator.call('PATCH', url(), schedule, headers)
    expect(res.status).toBe(403)
    expect((res.body as { detail: string }).detail).toContain('admin')
  })

  it('needs If-Match (428)', async () => {
    const { schedule } = await open(admin)
    const res = await admin.call('PATCH', url(), schedule)
    expect(res.status).toBe(428)
    expect(res.body).toMatchObject({
      errorCode: 'PRECONDITION_REQUIRED',
      badRequestDetail: { fields: [{ field: 'If-Match' }] },
    })
  })

  it('refuses a mistyped body with the field named, changing nothing', async () => {
    const before = await sandboxSchedule()
    const { schedule, etag } = await open(admin)
    const res = await admin.call(
      'PATCH',
      url(),
      { ...schedule, referenceHourOfDay: 'six' },
      { 'if-match': etag },
    )
    expect(res.status).toBe(400)
    expect(fieldsOf(res)).toEqual(['referenceHourOfDay'])
    const noPolicies = await admin.call(
      'PATCH',
      url(),
      { referenceHourOfDay: 3 },
      { 'if-match': etag },
    )
    expect(fieldsOf(noPolicies)).toEqual(['policies'])
    expect(await sandboxSchedule()).toEqual(before)
  })

  it('refuses a weekly retention below the daily one on its field path (P4)', async () => {
    const { schedule, etag } = await open(admin)
    const items = schedule.policies[0]!.policyItems
    const weekly = items.findIndex((i) => i.frequencyType === 'weekly')
    const edited = withItem(
      withItem(schedule, 'daily', { retentionValue: 14 }),
      'weekly',
      { retentionUnit: 'weeks', retentionValue: 1 },
    )
    const res = await admin.call('PATCH', url(), edited, { 'if-match': etag })
    expect(res.status).toBe(400)
    expect(fieldsOf(res)).toEqual([
      `policies.0.policyItems.${weekly}.retentionValue`,
    ])
    expect((res.body as { detail: string }).detail).toContain('daily')
    expect(await sandboxSchedule()).toMatchObject({
      policies: [{ policyItems: items }],
    })
  })

  it('refuses a restore window longer than the hourly retention (P5), with every other refusal too', async () => {
    const { schedule, etag } = await open(admin)
    const hourlyDays = schedule.policies[0]!.policyItems.find(
      (i) => i.frequencyType === 'hourly',
    )!.retentionValue
    const tooLong = await admin.call(
      'PATCH',
      url(),
      { ...schedule, restoreWindowDays: hourlyDays + 1 },
      { 'if-match': etag },
    )
    expect(tooLong.status).toBe(400)
    expect(tooLong.body).toMatchObject({
      errorCode: 'INVALID_RESTORE_WINDOW',
      badRequestDetail: { fields: [{ field: 'restoreWindowDays' }] },
    })
    const atEdge = withItem(schedule, 'hourly', { frequencyInterval: 5 })
    const several = await admin.call(
      'PATCH',
      url(),
      { ...atEdge, restoreWindowDays: hourlyDays + 1, referenceHourOfDay: 24 },
      { 'if-match': etag },
    )
    expect(several.status).toBe(400)
    expect(fieldsOf(several)).toEqual(
      expect.arrayContaining([
        'policies.0.policyItems.0.frequencyInterval',
        'referenceHourOfDay',
        'restoreWindowDays',
      ]),
    )
    expect((await sandboxSchedule()).restoreWindowDays).toBe(
      schedule.restoreWindowDays,
    )
  })

  it('saves a valid edit, answers with the new ETag, and audits before and after', async () => {
    const { schedule, etag } = await open(admin)
    const edited = withItem({ ...schedule, referenceHourOfDay: 3 }, 'daily', {
      retentionValue: 10,
    })
    const res = await admin.call('PATCH', url(), edited, { 'if-match': etag })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ referenceHourOfDay: 3 })
    expect(res.headers.etag).not.toBe(etag)
    const reread = await open(viewer)
    expect(reread.schedule.referenceHourOfDay).toBe(3)
    expect(reread.etag).toBe(res.headers.etag)
    expect((await sandboxSchedule()).referenceHourOfDay).toBe(3)

    const [outcome] = listAudit(t.bff.db, { action: 'policy.update', limit: 1 })
    expect(outcome).toMatchObject({ outcome: 'succeeded', actor: 'admin' })
    const intent = listAudit(t.bff.db, {
      action: 'policy.update',
      limit: 10,
    }).find((e) => e.id === outcome?.intentId)
    expect(intent?.details).toMatchObject({
      before: { referenceHourOfDay: schedule.referenceHourOfDay },
      after: { referenceHourOfDay: 3 },
    })
    const daily = (s: unknown) =>
      (s as Schedule).policies[0]!.policyItems.find(
        (i) => i.frequencyType === 'daily',
      )!.retentionValue
    expect(daily(intent?.details.before)).toBe(7)
    expect(daily(intent?.details.after)).toBe(10)
  })

  it('refuses an edit of a schedule someone else changed meanwhile (412)', async () => {
    const mine = await open(admin)
    const theirs = await open(otherAdmin)
    const saved = await otherAdmin.call(
      'PATCH',
      url(),
      { ...theirs.schedule, referenceMinuteOfHour: 30 },
      { 'if-match': theirs.etag },
    )
    expect(saved.status).toBe(200)
    const late = await admin.call(
      'PATCH',
      url(),
      { ...mine.schedule, referenceHourOfDay: 9 },
      { 'if-match': mine.etag },
    )
    expect(late.status).toBe(412)
    expect(late.body).toMatchObject({ errorCode: 'SCHEDULE_CHANGED' })
    expect((late.body as { detail: string }).detail).toContain('Someone else')
    expect(await sandboxSchedule()).toMatchObject({
      referenceHourOfDay: 3,
      referenceMinuteOfHour: 30,
    })

    // A change made in Atlas itself (its UI, the CLI) counts as well.
    const again = await open(admin)
    await t.sandbox.atlas({
      method: 'PATCH',
      path: `/groups/${groupId}/clusters/payments-rs/backup/schedule`,
      version: '2024-08-05',
      body: { ...(await sandboxSchedule()), referenceHourOfDay: 4 },
    })
    const stale = await admin.call('PATCH', url(), again.schedule, {
      'if-match': again.etag,
    })
    expect(stale.status).toBe(412)
  })
})

describe('removing the backup schedule', () => {
  const cluster = 'payments-staging'

  it('is an admin action and needs ?confirm=<clusterName>', async () => {
    const query = scheduleDeleteQuery(cluster)
    expect((await anonymous.call('DELETE', url(cluster) + query)).status).toBe(
      401,
    )
    expect((await operator.call('DELETE', url(cluster) + query)).status).toBe(
      403,
    )
    for (const bad of ['', '?confirm=payments-rs']) {
      const res = await admin.call('DELETE', url(cluster) + bad)
      expect(res.status).toBe(400)
      expect(res.body).toMatchObject({
        errorCode: 'CONFIRMATION_REQUIRED',
        badRequestDetail: { fields: [{ field: 'confirm' }] },
      })
    }
    const stale = await admin.call(
      'DELETE',
      url(cluster) + scheduleDeleteQuery(cluster),
      undefined,
      { 'if-match': '"an-older-version"' },
    )
    expect(stale.status).toBe(412)
    const items = (await sandboxSchedule(cluster)).policies[0]!.policyItems
    expect(items.length).toBeGreaterThan(0)
  })

  it('removes every policy item and audits what was there', async () => {
    const before = await sandboxSchedule(cluster)
    const res = await admin.call(
      'DELETE',
      url(cluster) + scheduleDeleteQuery(cluster),
    )
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ policies: [{ policyItems: [] }] })
    const reread = await open(viewer, cluster)
    expect(reread.schedule.policies[0]?.policyItems).toEqual([])
    expect(reread.etag).toBe(res.headers.etag)
    const rows = listAudit(t.bff.db, { action: 'policy.delete', limit: 2 })
    expect(rows.map((r) => r.phase)).toEqual(['outcome', 'intent'])
    expect(rows[0]).toMatchObject({
      outcome: 'succeeded',
      clusterName: cluster,
    })
    expect(rows[1]?.details).toMatchObject({
      before: { policies: before.policies },
    })
  })
})
