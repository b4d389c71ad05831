import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { snapshotDeleteQuery } from '../../contract/bff/write-requests'
import { listAudit } from '../db/audit-repo'
import {
  startTestBff,
  type TestBff,
  type TestBrowser,
} from '../../testing/bff-harness'
import { claimAsCrashed } from '../../testing/crashed-write'

type Snapshot = {
  id: string
  status: string
  snapshotType: string
  description?: string
  createdAt: string
  expiresAt: string
}

let t: TestBff
let operator: TestBrowser
let admin: TestBrowser
let viewer: TestBrowser
let anonymous: TestBrowser
let groupId: string

let keySeq = 0
const newKey = () => `snap-key-${Date.now()}-${keySeq++}`
const base = (cluster = 'payments-rs') =>
  `/api/atlas/v2/groups/${groupId}/clusters/${cluster}/backup/snapshots`

/** The sandbox's own view, bypassing the BFF. */
async function sandboxSnapshots(cluster = 'payments-rs'): Promise<Snapshot[]> {
  const res = await t.sandbox.atlas({
    path: `/groups/${groupId}/clusters/${cluster}/backup/snapshots?itemsPerPage=500`,
  })
  return (res.body as { results: Snapshot[] }).results
}
const sandboxNow = async () =>
  Date.parse(
    ((await t.sandbox.control('GET', '/clock')).body as { now: string }).now,
  )
/** A completed scheduled snapshot taken more than two days ago. */
async function olderSnapshot(): Promise<Snapshot> {
  const now = await sandboxNow()
  return (await sandboxSnapshots()).find(
    (s) =>
      s.status === 'completed' &&
      s.snapshotType === 'scheduled' &&
      Date.parse(s.createdAt) < now - 2 * 86_400_000,
  )!
}
const onDemand = async () =>
  (await sandboxSnapshots()).filter((s) => s.snapshotType === 'onDemand')

function auditOf(action: string, atlasId?: string) {
  const rows = listAudit(t.bff.db, { action, limit: 200 })
  const outcome = rows.find(
    (r) =>
      r.phase === 'outcome' && (atlasId === undefined || r.atlasId === atlasId),
  )
  const intent = rows.find((r) => r.id === outcome?.intentId)
  return { intent, outcome }
}

beforeAll(async () => {
  t = await startTestBff()
  ;[operator, admin, viewer, anonymous] = await Promise.all([
    t.browser('operator'),
    t.browser('admin'),
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

describe('on-demand snapshots (S1)', () => {
  let seeded = 0
  const body = {
    description: 'before the schema migration',
    retentionInDays: 3,
  }

  it('refuses anonymous (401) and viewers (403)', async () => {
    const headers = { 'idempotency-key': newKey() }
    expect((await anonymous.call('POST', base(), body, headers)).status).toBe(
      401,
    )
    const res = await viewer.call('POST', base(), body, headers)
    expect(res.status).toBe(403)
    expect(res.body).toMatchObject({ errorCode: 'INSUFFICIENT_ROLE' })
  })

  it('refuses a body without description or retention, naming each field, sending nothing', async () => {
    const before = (await sandboxSnapshots()).length
    const res = await operator.call(
      'POST',
      base(),
      { retentionInDays: 0 },
      { 'idempotency-key': newKey() },
    )
    expect(res.status).toBe(400)
    const fields = (
      res.body as { badRequestDetail: { fields: { field: string }[] } }
    ).badRequestDetail.fields.map((f) => f.field)
    expect(fields).toEqual(['retentionInDays', 'description'])
    const blank = await operator.call(
      'POST',
      base(),
      { description: '  ', retentionInDays: 2 },
      { 'idempotency-key': newKey() },
    )
    expect(blank.body).toMatchObject({
      badRequestDetail: { fields: [{ field: 'description' }] },
    })
    const typed = await operator.call(
      'POST',
      base(),
      { description: 'x', retentionInDays: 'seven' },
      { 'idempotency-key': newKey() },
    )
    expect(typed.status).toBe(400)
    expect(typed.body).toMatchObject({
      badRequestDetail: { fields: [{ field: 'retentionInDays' }] },
    })
    expect(
      (await operator.call('POST', base(), body)).body, // no Idempotency-Key
    ).toMatchObject({ error: 400, errorCode: 'IDEMPOTENCY_KEY_REQUIRED' })
    expect((await sandboxSnapshots()).length).toBe(before)
  })

  it('takes one, once per key, refuses a second while it runs, and audits it', async () => {
    const existing = await onDemand()
    expect(existing.every((s) => s.status === 'completed')).toBe(true)
    seeded = existing.length
    const key = newKey()
    const [first, again] = await Promise.all([
      operator.call('POST', base(), body, { 'idempotency-key': key }),
      operator.call('POST', base(), body, { 'idempotency-key': key }),
    ])
    expect(first.status).toBe(200)
    const taken = first.body as Snapshot
    expect(taken).toMatchObject({
      snapshotType: 'onDemand',
      description: body.description,
    })
    expect(['queued', 'inProgress']).toContain(taken.status)
    expect((again.body as Snapshot).id).toBe(taken.id)
    // The repeat returns the first answer even though the snapshot now blocks new ones.
    const later = await operator.call('POST', base(), body, {
      'idempotency-key': key,
    })
    expect(later.status).toBe(200)
    expect((later.body as Snapshot).id).toBe(taken.id)
    expect(await onDemand()).toHaveLength(seeded + 1)

    const listed = (await viewer.call('GET', base())).body as {
      results: Snapshot[]
    }
    expect(listed.results.some((s) => s.id === taken.id)).toBe(true)

    const reused = await operator.call(
      'POST',
      base(),
      { ...body, retentionInDays: 4 },
      { 'idempotency-key': key },
    )
    expect(reused.status).toBe(422)
    expect(reused.body).toMatchObject({ errorCode: 'IDEMPOTENCY_KEY_REUSED' })

    const second = await operator.call(
      'POST',
      base(),
      { ...body, description: 'another one' },
      { 'idempotency-key': newKey() },
    )
    expect(second.status).toBe(409)
    expect(second.body).toMatchObject({
      errorCode: 'ON_DEMAND_SNAPSHOT_IN_PROGRESS',
    })
    expect(await onDemand()).toHaveLength(seeded + 1)

    const { intent, outcome } = auditOf('snapshot.take', taken.id)
    expect(outcome).toMatchObject({
      actor: 'operator',
      outcome: 'succeeded',
      groupId,
      clusterName: 'payments-rs',
    })
    expect(intent).toMatchObject({
      phase: 'intent',
      details: { request: body },
    })
  })

  it('allows the next one once the first has completed', async () => {
    await t.sandbox.control('POST', '/clock/advance', { hours: 2 })
    const res = await operator.call(
      'POST',
      base(),
      { description: 'after the migration', retentionInDays: 1 },
      { 'idempotency-key': newKey() },
    )
    expect(res.status).toBe(200)
    expect(await onDemand()).toHaveLength(seeded + 2)
  })

  it('after a crash between Atlas and the reply, a retry finds the snapshot instead of taking another', async () => {
    await t.sandbox.control('POST', '/clock/advance', { hours: 2 })
    const key = newKey()
    const route = `/groups/${groupId}/clusters/payments-rs/backup/snapshots`
    const sent = { description: 'cut off by a crash', retentionInDays: 2 }
    claimAsCrashed(t.bff.db, { key, userName: 'operator', route, body: sent })
    const made = await t.sandbox.atlas({
      method: 'POST',
      path: route,
      body: sent,
    })
    expect(made.status).toBe(200)
    const before = (await onDemand()).length
    const retry = await operator.call('POST', base(), sent, {
      'idempotency-key': key,
    })
    expect(retry.status).toBe(200)
    expect((retry.body as Snapshot).id).toBe((made.body as Snapshot).id)
    expect(await onDemand()).toHaveLength(before)
    expect(
      listAudit(t.bff.db, { action: 'snapshot.take', limit: 1 })[0],
    ).toMatchObject({ outcome: 'reconciled' })
  })
})

describe("a snapshot's expiry", () => {
  let snapshot: Snapshot
  const url = () => `${base()}/${snapshot.id}`

  beforeAll(async () => {
    snapshot = await olderSnapshot()
  })

  it('is an admin action', async () => {
    const body = { retentionUnit: 'DAYS', retentionValue: 30 }
    expect((await anonymous.call('PATCH', url(), body)).status).toBe(401)
    expect((await operator.call('PATCH', url(), body)).status).toBe(403)
  })

  it('refuses a bad body with the field named, changing nothing', async () => {
    const res = await admin.call('PATCH', url(), {
      retentionUnit: 'days',
      retentionValue: 30,
    })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({
      badRequestDetail: { fields: [{ field: 'retentionUnit' }] },
    })
    const gone = await admin.call('PATCH', url(), {
      retentionUnit: 'DAYS',
      retentionValue: 1,
    })
    // Created days ago: a one-day retention would already have run out.
    expect(gone.status).toBe(400)
    expect(gone.body).toMatchObject({
      badRequestDetail: { fields: [{ field: 'retentionValue' }] },
    })
    const now = (await sandboxSnapshots()).find((s) => s.id === snapshot.id)
    expect(now?.expiresAt).toBe(snapshot.expiresAt)
  })

  it('changes it, visibly, with before and after in the audit', async () => {
    const res = await admin.call('PATCH', url(), {
      retentionUnit: 'MONTHS',
      retentionValue: 6,
    })
    expect(res.status).toBe(200)
    const expected = new Date(snapshot.createdAt)
    expected.setUTCMonth(expected.getUTCMonth() + 6)
    const after = (res.body as Snapshot).expiresAt
    expect(Date.parse(after)).toBe(expected.getTime())
    const read = (await viewer.call('GET', url())).body as Snapshot
    expect(read.expiresAt).toBe(after)
    const { intent, outcome } = auditOf('snapshot.expiry', snapshot.id)
    expect(outcome).toMatchObject({ outcome: 'succeeded', actor: 'admin' })
    expect(intent?.details).toMatchObject({
      snapshotId: snapshot.id,
      before: snapshot.expiresAt,
      after: expected.toISOString(),
    })
  })

  it("passes on Atlas's refusal to shorten it under a Backup Compliance Policy", async () => {
    await t.sandbox.control('POST', `/groups/${groupId}/compliance`, {
      enabled: true,
    })
    try {
      const res = await admin.call('PATCH', url(), {
        retentionUnit: 'DAYS',
        retentionValue: 20,
      })
      expect(res.status).toBe(403)
      expect(res.body).toMatchObject({
        errorCode: 'BACKUP_COMPLIANCE_POLICY_VIOLATION',
      })
      expect(auditOf('snapshot.expiry').outcome).toMatchObject({
        outcome: 'refused',
      })
    } finally {
      await t.sandbox.control('POST', `/groups/${groupId}/compliance`, {
        enabled: false,
      })
    }
  })
})

describe('deleting a snapshot (S3)', () => {
  let snapshot: Snapshot
  const url = (query = '') => `${base()}/${snapshot.id}${query}`

  beforeAll(async () => {
    snapshot = await olderSnapshot()
  })
  const stillThere = async () =>
    (await sandboxSnapshots()).some((s) => s.id === snapshot.id)

  it('is an admin action', async () => {
    const query = snapshotDeleteQuery(snapshot.id)
    expect((await anonymous.call('DELETE', url(query))).status).toBe(401)
    expect((await operator.call('DELETE', url(query))).status).toBe(403)
    expect(await stillThere()).toBe(true)
  })

  it('needs ?confirm=<snapshotId>', async () => {
    for (const query of ['', '?confirm=yes', '?confirm=']) {
      const res = await admin.call('DELETE', url(query))
      expect(res.status).toBe(400)
      expect(res.body).toMatchObject({
        errorCode: 'CONFIRMATION_REQUIRED',
        badRequestDetail: { fields: [{ field: 'confirm' }] },
      })
    }
    expect(await stillThere()).toBe(true)
  })

  it("passes on Atlas's refusal under a Backup Compliance Policy", async () => {
    await t.sandbox.control('POST', `/groups/${groupId}/compliance`, {
      enabled: true,
    })
    try {
      const res = await admin.call(
        'DELETE',
        url(snapshotDeleteQuery(snapshot.id)),
      )
      expect(res.status).toBe(403)
      expect(res.body).toMatchObject({
        errorCode: 'BACKUP_COMPLIANCE_POLICY_VIOLATION',
      })
      expect(await stillThere()).toBe(true)
    } finally {
      await t.sandbox.control('POST', `/groups/${groupId}/compliance`, {
        enabled: false,
      })
    }
  })

  it('deletes a confirmed one and keeps its details in the audit', async () => {
    const res = await admin.call(
      'DELETE',
      url(snapshotDeleteQuery(snapshot.id)),
    )
    expect(res.status).toBe(204)
    expect(await stillThere()).toBe(false)
    expect((await viewer.call('GET', url())).status).toBe(404)
    const { intent, outcome } = auditOf('snapshot.delete', snapshot.id)
    expect(outcome).toMatchObject({ outcome: 'succeeded', actor: 'admin' })
    expect(intent?.details).toMatchObject({
      snapshot: { id: snapshot.id, createdAt: snapshot.createdAt },
    })
  })

  it('deletes a sharded cluster snapshot at its own path', async () => {
    const list = (
      await viewer.call('GET', `${base('payments-sharded')}/shardedClusters`)
    ).body as { results: Snapshot[] }
    const sharded = list.results.find((s) => s.status === 'completed')!
    const url = `${base('payments-sharded')}/shardedCluster/${sharded.id}`
    expect((await admin.call('DELETE', url)).status).toBe(400)
    const res = await admin.call(
      'DELETE',
      `${url}${snapshotDeleteQuery(sharded.id)}`,
    )
    expect(res.status).toBe(204)
    expect((await viewer.call('GET', url)).status).toBe(404)
    expect(
      auditOf('snapshot.delete', sharded.id).intent?.details,
    ).toMatchObject({ snapshot: { id: sharded.id, type: 'shardedCluster' } })
  })
})
