import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { BackupSchedule, PolicyItem } from '../../contract/atlas/schedule'
import type { SnapshotDoc } from '../state/snapshots-repo'
import {
  startTestSandbox,
  type TestSandbox,
} from '../../testing/sandbox-harness'
import { ANALYTICS, DEV_TOOLS, PAYMENTS, expectError } from '../atlas-test-kit'
import { caller } from './snapshot-test-kit'

// The backup schedule (ops 15–17) over real HTTP: P1–P6 at their edges on PATCH, the merge,
// updateSnapshots on existing snapshots (P7), DELETE, a Backup Compliance Policy (S3), and a
// restart over the same DATA_DIR.

const DAY = 86_400_000
const HOUR = 3_600_000

let sb: TestSandbox

beforeAll(async () => {
  sb = await startTestSandbox({ SANDBOX_RATE_CAPACITY: '100000' })
})
afterAll(async () => {
  await sb.close()
})

const call = caller(() => sb, '2024-08-05')
const snapshotCall = caller(() => sb)
const schedulePath = (group: string, cluster: string) =>
  `/groups/${group}/clusters/${cluster}/backup/schedule`

async function getSchedule(group: string, cluster: string) {
  const res = await call('GET', schedulePath(group, cluster))
  expect(res.status).toBe(200)
  return res.body as BackupSchedule
}

function items(schedule: BackupSchedule): PolicyItem[] {
  return schedule.policies[0]?.policyItems ?? []
}

/** The schedule sent back whole, as the editor does (P1), with some changes. */
async function patch(
  group: string,
  cluster: string,
  change: (s: BackupSchedule) => Record<string, unknown>,
) {
  const current = await getSchedule(group, cluster)
  return call('PATCH', schedulePath(group, cluster), change(current))
}

function withItem(
  s: BackupSchedule,
  index: number,
  fields: Partial<PolicyItem>,
): BackupSchedule['policies'] {
  return [
    {
      ...s.policies[0],
      policyItems: items(s).map((item, i) =>
        i === index ? { ...item, ...fields } : item,
      ),
    },
  ]
}

async function snapshots(group: string, cluster: string) {
  const res = await snapshotCall(
    'GET',
    `/groups/${group}/clusters/${cluster}/backup/snapshots?itemsPerPage=500`,
  )
  return (res.body as { results: SnapshotDoc[] }).results
}

const keptMs = (s: SnapshotDoc) =>
  Date.parse(s.expiresAt ?? '') - Date.parse(s.createdAt ?? '')

describe('get the schedule (15)', () => {
  it('returns the default policy with item ids and the next snapshot', async () => {
    const before = Date.now()
    const schedule = await getSchedule(PAYMENTS, 'payments-staging')
    expect(schedule).toMatchObject({
      clusterName: 'payments-staging',
      referenceHourOfDay: 18,
      referenceMinuteOfHour: 0,
    })
    expect(items(schedule).map((i) => i.frequencyType)).toEqual([
      'hourly',
      'daily',
      'weekly',
      'monthly',
    ])
    expect(
      items(schedule).every((i) => /^[a-f0-9]{24}$/.test(i.id ?? '')),
    ).toBe(true)
    const next = Date.parse(schedule.nextSnapshot ?? '')
    expect(next).toBeGreaterThan(before - 1000)
    expect(next).toBeLessThanOrEqual(before + 6 * HOUR + 1000)
    expect(new Date(next).getUTCHours() % 6).toBe(0)
  })

  it('names no next snapshot for a cluster without Cloud Backup', async () => {
    const schedule = await getSchedule(ANALYTICS, 'legacy-reporting')
    expect(items(schedule)).toHaveLength(4)
    expect(schedule.nextSnapshot).toBeUndefined()
  })

  it('answers 404 for an unknown cluster and 400 for a flex cluster', async () => {
    expectError(
      await call('GET', schedulePath(PAYMENTS, 'nope')),
      404,
      'CLUSTER_NOT_FOUND',
    )
    // Not through `call`: op 15 declares no 400, yet a flex name in the cluster API is
    // answered with the same 400 on every cluster path (routes/lookup.ts).
    expectError(
      await sb.atlas({
        path: schedulePath(ANALYTICS, 'reports-flex'),
        version: '2024-08-05',
      }),
      400,
      'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API',
    )
    const old = await sb.atlas({
      path: schedulePath(PAYMENTS, 'payments-rs'),
      version: '2023-01-01',
    })
    expect(old.status).toBe(406)
  })
})

describe('update the schedule (16): P1–P6', () => {
  it('accepts a restore window equal to the hourly retention, refuses one day more (P5)', async () => {
    // payments-rs keeps hourly snapshots 7 days and has continuous backup.
    const ok = await patch(PAYMENTS, 'payments-rs', (s) => ({
      ...s,
      restoreWindowDays: 7,
    }))
    expect(ok.status).toBe(200)
    expectError(
      await patch(PAYMENTS, 'payments-rs', (s) => ({
        ...s,
        restoreWindowDays: 8,
      })),
      400,
      'INVALID_RESTORE_WINDOW',
      'restoreWindowDays',
    )
    expectError(
      await patch(PAYMENTS, 'payments-rs', (s) => ({
        ...s,
        restoreWindowDays: 0,
      })),
      400,
      'INVALID_RESTORE_WINDOW',
      'restoreWindowDays',
    )
  })

  it('refuses a weekly retention below the daily one, naming the field (P4)', async () => {
    const res = await patch(PAYMENTS, 'payments-staging', (s) => ({
      policies: withItem(s, 2, { retentionUnit: 'days', retentionValue: 6 }),
    }))
    expectError(
      res,
      400,
      'VALIDATION_ERROR',
      'policies.0.policyItems.2.retentionValue',
    )
    const edge = await patch(PAYMENTS, 'payments-staging', (s) => ({
      policies: withItem(s, 2, { retentionUnit: 'days', retentionValue: 7 }),
    }))
    expect(edge.status).toBe(200)
  })

  it('refuses hourly every 6 hours on NVMe, accepts 12 (P2)', async () => {
    expectError(
      await patch(ANALYTICS, 'events-nvme', (s) => ({
        policies: withItem(s, 0, { frequencyInterval: 6 }),
      })),
      400,
      'VALIDATION_ERROR',
      'policies.0.policyItems.0.frequencyInterval',
    )
    const ok = await patch(ANALYTICS, 'events-nvme', (s) => ({
      policies: withItem(s, 0, { frequencyInterval: 12 }),
    }))
    expect(ok.status).toBe(200)
  })

  it('refuses a second hourly item (P3), a bad hour (P6) and a missing policies (P1)', async () => {
    expectError(
      await patch(PAYMENTS, 'payments-staging', (s) => ({
        policies: [
          {
            ...s.policies[0],
            policyItems: [
              ...items(s),
              {
                frequencyType: 'hourly',
                frequencyInterval: 12,
                retentionUnit: 'days',
                retentionValue: 2,
              },
            ],
          },
        ],
      })),
      400,
      'VALIDATION_ERROR',
      'policies.0.policyItems.4.frequencyType',
    )
    expectError(
      await patch(PAYMENTS, 'payments-staging', (s) => ({
        ...s,
        referenceHourOfDay: 24,
      })),
      400,
      'VALIDATION_ERROR',
      'referenceHourOfDay',
    )
    expectError(
      await call('PATCH', schedulePath(PAYMENTS, 'payments-staging'), {
        referenceHourOfDay: 3,
      }),
      400,
      'VALIDATION_ERROR',
      'policies',
    )
  })

  it('merges the fields sent, gives new items ids, and GET reads it back', async () => {
    const res = await patch(PAYMENTS, 'payments-staging', (s) => ({
      referenceHourOfDay: 3,
      referenceMinuteOfHour: 30,
      policies: [
        {
          ...s.policies[0],
          policyItems: [
            ...items(s),
            {
              frequencyType: 'yearly',
              frequencyInterval: 1,
              retentionUnit: 'years',
              retentionValue: 1,
            },
          ],
        },
      ],
    }))
    expect(res.status).toBe(200)
    const saved = await getSchedule(PAYMENTS, 'payments-staging')
    expect(saved).toEqual(res.body)
    expect(saved).toMatchObject({
      referenceHourOfDay: 3,
      referenceMinuteOfHour: 30,
      restoreWindowDays: 2,
    })
    const yearly = items(saved).find((i) => i.frequencyType === 'yearly')
    expect(yearly?.id).toMatch(/^[a-f0-9]{24}$/)
    expect(new Date(saved.nextSnapshot ?? '').getUTCMinutes()).toBe(30)
  })
})

describe('existing snapshots on update (P7)', () => {
  const cluster = 'ledger-archive'

  it('leaves expiries alone without updateSnapshots', async () => {
    const before = await snapshots(PAYMENTS, cluster)
    const res = await patch(PAYMENTS, cluster, (s) => ({
      policies: withItem(s, 1, { retentionValue: 9 }),
    }))
    expect(res.status).toBe(200)
    expect(await snapshots(PAYMENTS, cluster)).toEqual(before)
  })

  it('applies the new retention with updateSnapshots, except to snapshots changed one by one', async () => {
    const daily = (await snapshots(PAYMENTS, cluster)).filter(
      (s) => s.frequencyType === 'daily',
    )
    expect(daily.length).toBeGreaterThan(2)
    const own = daily[0]
    await snapshotCall(
      'PATCH',
      `/groups/${PAYMENTS}/clusters/${cluster}/backup/snapshots/${own?.id ?? ''}`,
      { retentionUnit: 'DAYS', retentionValue: 10 },
    )
    const res = await patch(PAYMENTS, cluster, (s) => ({
      policies: withItem(s, 1, { retentionValue: 14 }),
      updateSnapshots: true,
    }))
    expect(res.status).toBe(200)
    const after = (await snapshots(PAYMENTS, cluster)).filter(
      (s) => s.frequencyType === 'daily',
    )
    for (const s of after) {
      expect(keptMs(s)).toBe((s.id === own?.id ? 10 : 14) * DAY)
    }
    // Shrinking removes the snapshots whose new expiry has passed.
    const shrunk = await patch(PAYMENTS, cluster, (s) => ({
      policies: withItem(s, 1, { retentionValue: 3 }),
      updateSnapshots: true,
    }))
    expect(shrunk.status).toBe(200)
    const now = Date.parse(
      ((await sb.control('GET', '/clock')).body as { now: string }).now,
    )
    const left = (await snapshots(PAYMENTS, cluster)).filter(
      (s) => s.frequencyType === 'daily' && s.id !== own?.id,
    )
    expect(left.length).toBeGreaterThan(0)
    for (const s of left) {
      expect(keptMs(s)).toBe(3 * DAY)
      expect(Date.parse(s.expiresAt ?? '')).toBeGreaterThan(now)
    }
  })
})

describe('delete the schedule (17)', () => {
  it('answers 200 with the schedule emptied, and no snapshots follow', async () => {
    const res = await call(
      'DELETE',
      schedulePath(ANALYTICS, 'warehouse-sharded'),
    )
    expect(res.status).toBe(200)
    const body = res.body as BackupSchedule
    expect(items(body)).toEqual([])
    expect(body.nextSnapshot).toBeUndefined()
    expect(await getSchedule(ANALYTICS, 'warehouse-sharded')).toEqual(body)
    const before = await snapshots(ANALYTICS, 'warehouse-sharded')
    await sb.control('POST', '/clock/advance', { days: 1 })
    const after = await snapshots(ANALYTICS, 'warehouse-sharded')
    const known = new Set(before.map((s) => s.id))
    expect(after.filter((s) => !known.has(s.id))).toEqual([])
  })
})

describe('Backup Compliance Policy (S3)', () => {
  const cluster = 'failing-restore-target'
  const daily = (s: BackupSchedule) =>
    items(s).findIndex((i) => i.frequencyType === 'daily')
  const dailyKept = async () =>
    (await snapshots(DEV_TOOLS, cluster))
      .filter((s) => s.frequencyType === 'daily')
      .map(keptMs)
  beforeAll(async () => {
    await sb.control('POST', `/groups/${DEV_TOOLS}/compliance`, {
      enabled: true,
    })
  })
  afterAll(async () => {
    await sb.control('POST', `/groups/${DEV_TOOLS}/compliance`, {
      enabled: false,
    })
  })

  it('keeps existing retention with updateSnapshots (edge), refuses one day less with 403', async () => {
    const before = await snapshots(DEV_TOOLS, cluster)
    expect((await dailyKept()).length).toBeGreaterThan(2)
    const shorter = await patch(DEV_TOOLS, cluster, (s) => ({
      policies: withItem(s, daily(s), { retentionValue: 6 }),
      updateSnapshots: true,
    }))
    expectError(
      shorter,
      403,
      'BACKUP_COMPLIANCE_POLICY_VIOLATION',
      'updateSnapshots',
    )
    expect(await snapshots(DEV_TOOLS, cluster)).toEqual(before)
    const same = await patch(DEV_TOOLS, cluster, (s) => ({
      policies: withItem(s, daily(s), { retentionValue: 7 }),
      updateSnapshots: true,
    }))
    expect(same.status).toBe(200)
    // Longer is allowed, and applies to the existing snapshots.
    const longer = await patch(DEV_TOOLS, cluster, (s) => ({
      policies: withItem(s, daily(s), { retentionValue: 8 }),
      updateSnapshots: true,
    }))
    expect(longer.status).toBe(200)
    for (const kept of await dailyKept()) expect(kept).toBe(8 * DAY)
    // Shorter for future snapshots only leaves the existing ones as they are.
    const future = await patch(DEV_TOOLS, cluster, (s) => ({
      policies: withItem(s, daily(s), { retentionValue: 7 }),
    }))
    expect(future.status).toBe(200)
    for (const kept of await dailyKept()) expect(kept).toBe(8 * DAY)
  })

  it('refuses deleteSnapshots and deleting the schedule with 403', async () => {
    const current = await getSchedule(DEV_TOOLS, cluster)
    expectError(
      await patch(DEV_TOOLS, cluster, (s) => ({
        policies: s.policies,
        deleteSnapshots: true,
      })),
      403,
      'BACKUP_COMPLIANCE_POLICY_VIOLATION',
      'deleteSnapshots',
    )
    const removed = await call('DELETE', schedulePath(DEV_TOOLS, cluster))
    expectError(removed, 403, 'BACKUP_COMPLIANCE_POLICY_VIOLATION')
    expect(await getSchedule(DEV_TOOLS, cluster)).toEqual(current)
    // Without the policy both go through.
    await sb.control('POST', `/groups/${DEV_TOOLS}/compliance`, {
      enabled: false,
    })
    const ok = await patch(DEV_TOOLS, cluster, (s) => ({
      policies: s.policies,
      deleteSnapshots: true,
    }))
    expect(ok.status).toBe(200)
    expect(
      (await call('DELETE', schedulePath(DEV_TOOLS, cluster))).status,
    ).toBe(200)
  })
})

describe('restart', () => {
  it('keeps the schedule, snapshots and clock over the same DATA_DIR', async () => {
    const first = await startTestSandbox()
    const dataDir = first.dataDir
    try {
      const path = schedulePath(PAYMENTS, 'payments-rs')
      const current = (await first.atlas({ path, version: '2024-08-05' }))
        .body as BackupSchedule
      const patched = await first.atlas({
        method: 'PATCH',
        path,
        version: '2024-08-05',
        body: { ...current, referenceHourOfDay: 5 },
      })
      expect(patched.status).toBe(200)
      const taken = await first.atlas({
        method: 'POST',
        path: `/groups/${PAYMENTS}/clusters/payments-rs/backup/snapshots`,
        body: { description: 'kept across restarts', retentionInDays: 4 },
      })
      const id = (taken.body as SnapshotDoc).id ?? ''
      await first.control('POST', '/clock/advance', { hours: 1 })
      const clock = Date.now() + HOUR
      await first.sandbox.close()

      const second = await startTestSandbox({ DATA_DIR: dataDir })
      try {
        const schedule = (await second.atlas({ path, version: '2024-08-05' }))
          .body as BackupSchedule
        expect(schedule).toMatchObject({ referenceHourOfDay: 5 })
        const snapshot = await second.atlas({
          path: `/groups/${PAYMENTS}/clusters/payments-rs/backup/snapshots/${id}`,
        })
        expect(snapshot.body).toMatchObject({
          description: 'kept across restarts',
          status: 'completed',
        })
        const now = Date.parse(
          ((await second.control('GET', '/clock')).body as { now: string }).now,
        )
        expect(now).toBeGreaterThanOrEqual(clock - 1000)
      } finally {
        await second.close()
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
