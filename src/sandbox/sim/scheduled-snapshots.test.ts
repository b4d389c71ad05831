import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { BackupSchedule } from '../../contract/atlas/schedule'
import type { SnapshotDoc } from '../state/snapshots-repo'
import {
  startTestSandbox,
  type TestSandbox,
} from '../../testing/sandbox-harness'

// The clock's snapshot side, checked against an independent reading of the default policy
// (P8): 18:00 UTC, hourly every 6 h kept 2 days, daily kept 7 days, weekly on Saturday kept
// 4 weeks, monthly on the last day kept 12 months; a shared instant belongs to the item with
// the longest retention.

const PAYMENTS = '6650a1b2c3d4e5f600000001'
const ANALYTICS = '6650a1b2c3d4e5f600000002'
const HOUR = 3_600_000
const DAY = 24 * HOUR

let sb: TestSandbox

beforeAll(async () => {
  sb = await startTestSandbox()
})
afterAll(async () => {
  await sb.close()
})

async function snapshots(groupId: string, cluster: string) {
  const res = await sb.atlas({
    path: `/groups/${groupId}/clusters/${cluster}/backup/snapshots?itemsPerPage=500`,
  })
  expect(res.status).toBe(200)
  return (res.body as { results: SnapshotDoc[] }).results
}

async function clockNow(): Promise<number> {
  const res = await sb.control('GET', '/clock')
  return Date.parse((res.body as { now: string }).now)
}

async function createdAtOf(groupId: string, cluster: string) {
  const res = await sb.atlas({
    path: `/groups/${groupId}/clusters/${cluster}`,
    version: '2024-08-05',
  })
  return Date.parse((res.body as { createDate: string }).createDate)
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z')

/** The default policy's snapshots of a cluster created at `from`, alive at `now`. */
function expectedDefault(from: number, now: number, hourlyEvery: number) {
  const expected: Record<string, string[]> = {
    hourly: [],
    daily: [],
    weekly: [],
    monthly: [],
  }
  for (let day = Math.floor(from / DAY) * DAY; day <= now; day += DAY) {
    for (let h = 18 % hourlyEvery; h < 24; h += hourlyEvery) {
      const at = day + h * HOUR
      if (at <= from || at > now) continue
      const date = new Date(at)
      const lastOfMonth = new Date(at + DAY).getUTCDate() === 1
      const [type, keptMs] =
        h !== 18
          ? ['hourly', 2 * DAY]
          : lastOfMonth
            ? ['monthly', 300 * DAY]
            : date.getUTCDay() === 6
              ? ['weekly', 28 * DAY]
              : ['daily', 7 * DAY]
      if (at + keptMs > now) expected[type]?.push(iso(at))
    }
  }
  return expected
}

function byFrequency(docs: SnapshotDoc[]) {
  const found: Record<string, string[]> = {
    hourly: [],
    daily: [],
    weekly: [],
    monthly: [],
  }
  for (const doc of [...docs].reverse()) {
    found[doc.frequencyType ?? 'none']?.push(doc.createdAt ?? '')
  }
  return found
}

describe('scheduled snapshots', () => {
  it('fills a 45-day-old cluster with what the default policy keeps', async () => {
    const from = await createdAtOf(PAYMENTS, 'payments-staging')
    const docs = await snapshots(PAYMENTS, 'payments-staging')
    const now = await clockNow()
    const expected = expectedDefault(from, now, 6)
    expect(byFrequency(docs)).toEqual(expected)
    expect(expected.hourly).toHaveLength(6)
    expect(expected.daily?.length).toBeGreaterThanOrEqual(5)
    expect(expected.weekly?.length).toBeGreaterThanOrEqual(3)
    expect(expected.monthly?.length).toBeGreaterThanOrEqual(1)
    // Expired ones are gone; each carries its owning item's id and retention.
    const schedule = (
      await sb.atlas({
        path: `/groups/${PAYMENTS}/clusters/payments-staging/backup/schedule`,
        version: '2024-08-05',
      })
    ).body as BackupSchedule
    const items = schedule.policies[0]?.policyItems ?? []
    // Policy snapshots only: the seed's past restores add on-demand ones and their follow-ups.
    for (const doc of docs.filter((d) => d.frequencyType !== undefined)) {
      expect(Date.parse(doc.expiresAt ?? '')).toBeGreaterThan(now)
      const item = items.find((i) => i.frequencyType === doc.frequencyType)
      expect(doc.policyItems).toEqual([item?.id])
      expect(doc).toMatchObject({
        snapshotType: 'scheduled',
        type: 'replicaSet',
        cloudProvider: 'AWS',
        replicaSetName: 'payments-staging-shard-0',
        mongodVersion: '7.0.12',
      })
    }
    const kept = { hourly: 2, daily: 7, weekly: 28 } as Record<string, number>
    const hourly = docs.find((d) => d.frequencyType === 'hourly')
    expect(
      Date.parse(hourly?.expiresAt ?? '') - Date.parse(hourly?.createdAt ?? ''),
    ).toBe((kept.hourly ?? 0) * DAY)
  })

  it('takes NVMe hourly snapshots every 12 hours only', async () => {
    const from = await createdAtOf(ANALYTICS, 'events-nvme')
    const docs = await snapshots(ANALYTICS, 'events-nvme')
    const now = await clockNow()
    expect(byFrequency(docs)).toEqual(expectedDefault(from, now, 12))
    for (const doc of docs.filter((d) => d.frequencyType === 'hourly')) {
      expect(new Date(doc.createdAt ?? '').getUTCHours()).toBe(6)
    }
  })

  it('gives sharded snapshots one member per shard plus the config server', async () => {
    const docs = await snapshots(PAYMENTS, 'payments-sharded')
    expect(docs.length).toBeGreaterThan(10)
    for (const doc of docs) {
      expect(doc.type).toBe('shardedCluster')
      expect(doc.configServerType).toBe('DEDICATED')
      expect(doc.members?.map((m) => m.replicaSetName)).toEqual([
        'payments-sharded-shard-0',
        'payments-sharded-shard-1',
        'payments-sharded-shard-2',
        'payments-sharded-config-0',
      ])
      expect(doc.snapshotIds).toEqual(doc.members?.map((m) => m.id))
    }
  })

  it('grows the stored size over time', async () => {
    const docs = await snapshots(PAYMENTS, 'ledger-archive')
    const oldest = docs.at(-1)?.storageSizeBytes ?? 0
    const newest = docs[0]?.storageSizeBytes ?? 0
    expect(oldest).toBeGreaterThan(1024 ** 3)
    expect(newest).toBeGreaterThan(oldest)
  })

  it('adds the next snapshot at its instant when the clock moves 6 hours', async () => {
    const before = await snapshots(PAYMENTS, 'payments-staging')
    const t0 = await clockNow()
    await sb.control('POST', '/clock/advance', { hours: 6 })
    const after = await snapshots(PAYMENTS, 'payments-staging')
    const known = new Set(before.map((d) => d.id))
    const added = after.filter(
      (d) =>
        !known.has(d.id) && d.snapshotType === 'scheduled' && d.frequencyType,
    )
    expect(added).toHaveLength(1)
    const at = Date.parse(added[0]?.createdAt ?? '')
    expect(at).toBeGreaterThan(t0)
    expect(at).toBeLessThanOrEqual(t0 + 6 * HOUR)
    const date = new Date(at)
    expect(date.getUTCHours() % 6).toBe(0)
    expect(date.getUTCMinutes()).toBe(0)
    if (date.getUTCHours() !== 18) {
      expect(added[0]?.frequencyType).toBe('hourly')
    }
    // And the oldest hourly one expired meanwhile: the policy keeps 2 days of them.
    const now = await clockNow()
    expect(after.every((d) => Date.parse(d.expiresAt ?? '') > now - 1000)).toBe(
      true,
    )
  })

  it('moves a fresh snapshot from queued through inProgress to completed', async () => {
    const res = await sb.atlas({
      method: 'POST',
      path: `/groups/${PAYMENTS}/clusters/payments-rs/backup/snapshots`,
      body: { description: 'before migration', retentionInDays: 3 },
    })
    const id = (res.body as SnapshotDoc).id ?? ''
    expect((res.body as SnapshotDoc).status).toBe('queued')
    const path = `/groups/${PAYMENTS}/clusters/payments-rs/backup/snapshots/${id}`
    await sb.control('POST', '/clock/advance', { minutes: 2 })
    expect(((await sb.atlas({ path })).body as SnapshotDoc).status).toBe(
      'inProgress',
    )
    await sb.control('POST', '/clock/advance', { minutes: 10 })
    expect(((await sb.atlas({ path })).body as SnapshotDoc).status).toBe(
      'completed',
    )
  })
})
