import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Cluster } from '../../contract/atlas/cluster'
import type { BackupSchedule } from '../../contract/atlas/schedule'
import type { SnapshotDoc } from '../state/snapshots-repo'
import {
  startTestSandbox,
  type TestSandbox,
} from '../../testing/sandbox-harness'
import { DEV_TOOLS, PAYMENTS, expectError } from '../atlas-test-kit'
import { caller } from './snapshot-test-kit'

// Copies to other regions and exports on the schedule (issue 9) over real HTTP: the PATCH
// refuses what the rules refuse, each on its field; the clock copies snapshots into copy
// regions with their own retention; deleteCopiedBackups; the deprecated frequencies form.

const HOUR = 3_600_000
const BUCKET = '6650a1b2c3d4e5f6000000bb'

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

async function zoneOf(group: string, cluster: string): Promise<string> {
  const res = await call('GET', `/groups/${group}/clusters/${cluster}`)
  const zoneId = (res.body as Cluster).replicationSpecs?.[0]?.zoneId
  expect(zoneId).toMatch(/^[a-f0-9]{24}$/)
  return zoneId ?? ''
}

/** The schedule sent back whole with these fields, as the editor does. */
async function patch(
  group: string,
  cluster: string,
  fields: Record<string, unknown>,
) {
  const current = await getSchedule(group, cluster)
  return call('PATCH', schedulePath(group, cluster), { ...current, ...fields })
}

async function snapshots(group: string, cluster: string) {
  const res = await snapshotCall(
    'GET',
    `/groups/${group}/clusters/${cluster}/backup/snapshots?itemsPerPage=500`,
  )
  return (res.body as { results: SnapshotDoc[] }).results
}

const advance = (body: Record<string, number>) =>
  sb.control('POST', '/clock/advance', body)

const copy = (zoneId: string, fields: Record<string, unknown> = {}) => ({
  zoneId,
  cloudProvider: 'AWS',
  regionName: 'US_WEST_2',
  shouldCopyOplogs: false,
  copyPolicyItems: [
    { frequencyType: 'daily', retentionUnit: 'days', retentionValue: 7 },
  ],
  ...fields,
})

describe('PATCH refuses what Atlas refuses, on the field', () => {
  it.each([
    [
      'a 7th copy policy item',
      (zone: string) =>
        copy(zone, {
          copyPolicyItems: Array.from({ length: 7 }, () => ({
            frequencyType: 'ondemand',
          })),
        }),
      'copySettings.0.copyPolicyItems',
    ],
    [
      'lastNumberOfSnapshots 501',
      (zone: string) =>
        copy(zone, { copyPolicyItems: undefined, lastNumberOfSnapshots: 501 }),
      'copySettings.0.lastNumberOfSnapshots',
    ],
    [
      'lastNumberOfSnapshots beside copyPolicyItems',
      (zone: string) => copy(zone, { lastNumberOfSnapshots: 3 }),
      'copySettings.0.lastNumberOfSnapshots',
    ],
    [
      'another cloud provider than the zone',
      (zone: string) =>
        copy(zone, { cloudProvider: 'GCP', regionName: 'WESTERN_EUROPE' }),
      'copySettings.0.cloudProvider',
    ],
    [
      'the region the snapshots are taken in',
      (zone: string) => copy(zone, { regionName: 'US_EAST_1' }),
      'copySettings.0.regionName',
    ],
    [
      'a region Atlas does not have',
      (zone: string) => copy(zone, { regionName: 'MARS_1' }),
      'copySettings.0.regionName',
    ],
    [
      'a zone of another cluster',
      () => copy('6650a1b2c3d4e5f6000000ff'),
      'copySettings.0.zoneId',
    ],
    [
      'a kind the policy does not take',
      (zone: string) =>
        copy(zone, {
          copyPolicyItems: [
            {
              frequencyType: 'yearly',
              retentionUnit: 'years',
              retentionValue: 1,
            },
          ],
        }),
      'copySettings.0.copyPolicyItems.0.frequencyType',
    ],
  ])('refuses %s', async (_what, setting, field) => {
    const zone = await zoneOf(PAYMENTS, 'payments-rs')
    const res = await patch(PAYMENTS, 'payments-rs', {
      copyPolicyItemsEnabled: true,
      copySettings: [setting(zone)],
    })
    expectError(res, 400, 'VALIDATION_ERROR', field)
  })

  it('refuses oplog copies without continuous backup, takes them with it', async () => {
    const staging = await zoneOf(PAYMENTS, 'payments-staging')
    const refused = await patch(PAYMENTS, 'payments-staging', {
      copyPolicyItemsEnabled: true,
      copySettings: [copy(staging, { shouldCopyOplogs: true })],
    })
    expectError(
      refused,
      400,
      'VALIDATION_ERROR',
      'copySettings.0.shouldCopyOplogs',
    )
    expect(
      (refused.body as { detail: string }).detail.startsWith(
        'shouldCopyOplogs needs continuous cloud backup',
      ),
    ).toBe(true)
  })

  it('refuses copyPolicyItems unless copyPolicyItemsEnabled is true', async () => {
    const zone = await zoneOf(PAYMENTS, 'payments-staging')
    expectError(
      await patch(PAYMENTS, 'payments-staging', {
        copyPolicyItemsEnabled: false,
        copySettings: [copy(zone)],
      }),
      400,
      'VALIDATION_ERROR',
      'copySettings.0.copyPolicyItems',
    )
  })

  it('refuses automatic export without a bucket and frequency', async () => {
    const res = await patch(PAYMENTS, 'payments-staging', {
      autoExportEnabled: true,
    })
    expectError(res, 400, 'VALIDATION_ERROR', 'export.exportBucketId')
    expectError(res, 400, 'VALIDATION_ERROR', 'export.frequencyType')
  })
})

describe('export settings', () => {
  it('are stored and returned', async () => {
    const res = await patch(PAYMENTS, 'payments-staging', {
      autoExportEnabled: true,
      export: { exportBucketId: BUCKET, frequencyType: 'yearly' },
      useOrgAndGroupNamesInExportPrefix: true,
    })
    expect(res.status).toBe(200)
    expect(await getSchedule(PAYMENTS, 'payments-staging')).toMatchObject({
      autoExportEnabled: true,
      export: { exportBucketId: BUCKET, frequencyType: 'yearly' },
      useOrgAndGroupNamesInExportPrefix: true,
    })
  })
})

describe('the deprecated frequencies form', () => {
  it('is returned while copyPolicyItemsEnabled is false, and its kinds are copied', async () => {
    const schedule = await getSchedule(PAYMENTS, 'ledger-archive')
    expect(schedule.copyPolicyItemsEnabled).toBe(false)
    expect(schedule.copySettings).toEqual([
      {
        zoneId: await zoneOf(PAYMENTS, 'ledger-archive'),
        cloudProvider: 'AWS',
        regionName: 'US_WEST_2',
        shouldCopyOplogs: false,
        frequencies: ['DAILY', 'MONTHLY'],
      },
    ])
    const docs = await snapshots(PAYMENTS, 'ledger-archive')
    const completed = docs.filter((s) => s.status === 'completed')
    for (const s of completed) {
      const copied = ['daily', 'monthly'].includes(s.frequencyType ?? '')
      expect(
        s.copyRegions,
        `${s.frequencyType ?? ''} ${s.createdAt ?? ''}`,
      ).toEqual(copied ? ['US_WEST_2'] : [])
    }
    expect(completed.some((s) => s.frequencyType === 'hourly')).toBe(true)
  })

  it('is answered in the current form once written back with copyPolicyItemsEnabled', async () => {
    const zone = await zoneOf(PAYMENTS, 'ledger-archive')
    const res = await patch(PAYMENTS, 'ledger-archive', {
      copyPolicyItemsEnabled: true,
      copySettings: [copy(zone)],
    })
    expect(res.status).toBe(200)
    const setting = (res.body as BackupSchedule).copySettings?.[0]
    expect(setting?.frequencies).toBeUndefined()
    expect(setting?.copyPolicyItems).toEqual([
      { frequencyType: 'daily', retentionUnit: 'days', retentionValue: 7 },
    ])
  })
})

describe('copies appear with their own retention; removal keeps or deletes them', () => {
  it('copies new snapshots to the copy region, each kind kept as long as its copy item says', async () => {
    const zone = await zoneOf(PAYMENTS, 'payments-rs')
    const before = new Set(
      (await snapshots(PAYMENTS, 'payments-rs')).map((s) => s.id),
    )
    const res = await patch(PAYMENTS, 'payments-rs', {
      copyPolicyItemsEnabled: true,
      copySettings: [
        copy(zone, {
          regionName: 'US_EAST_2',
          shouldCopyOplogs: true,
          copyPolicyItems: [
            {
              frequencyType: 'hourly',
              retentionUnit: 'days',
              retentionValue: 1,
            },
            {
              frequencyType: 'daily',
              retentionUnit: 'days',
              retentionValue: 7,
            },
          ],
        }),
      ],
    })
    expect(res.status).toBe(200)
    await advance({ days: 1, hours: 1 })
    let docs = await snapshots(PAYMENTS, 'payments-rs')
    const fresh = docs.filter(
      (s) => !before.has(s.id) && s.status === 'completed',
    )
    expect(fresh.length).toBeGreaterThan(3)
    for (const s of fresh) expect(s.copyRegions).toEqual(['US_EAST_2'])
    // Older snapshots were taken before the copy setting: not copied.
    for (const s of docs.filter((d) => before.has(d.id))) {
      expect(s.copyRegions).toEqual([])
    }

    // Two days on, the hourly copies (kept 1 day) are gone while the snapshots (7 days) stay.
    await advance({ days: 1 })
    docs = await snapshots(PAYMENTS, 'payments-rs')
    const now = Date.parse(
      ((await sb.control('GET', '/clock')).body as { now: string }).now,
    )
    const firstHourly = docs.find(
      (s) => s.id === fresh.find((f) => f.frequencyType === 'hourly')?.id,
    )
    expect(now - Date.parse(firstHourly?.createdAt ?? '')).toBeGreaterThan(
      24 * HOUR,
    )
    expect(firstHourly?.copyRegions).toEqual([])
    const firstDaily = docs.find(
      (s) => s.id === fresh.find((f) => f.frequencyType === 'daily')?.id,
    )
    expect(firstDaily?.copyRegions).toEqual(['US_EAST_2'])
  })

  it('keeps the copies when the region is removed without deleteCopiedBackups', async () => {
    const res = await patch(PAYMENTS, 'payments-rs', { copySettings: [] })
    expect(res.status).toBe(200)
    const docs = await snapshots(PAYMENTS, 'payments-rs')
    expect(docs.some((s) => s.copyRegions?.includes('US_EAST_2'))).toBe(true)
  })

  it('deletes the copies with deleteCopiedBackups, and refuses it for a region still copied to', async () => {
    const zone = await zoneOf(PAYMENTS, 'payments-rs')
    const gone = { zoneId: zone, cloudProvider: 'AWS', regionName: 'US_EAST_2' }
    expectError(
      await patch(PAYMENTS, 'payments-rs', {
        copySettings: [copy(zone, { regionName: 'US_EAST_2' })],
        deleteCopiedBackups: [gone],
      }),
      400,
      'VALIDATION_ERROR',
      'deleteCopiedBackups.0.regionName',
    )
    const res = await patch(PAYMENTS, 'payments-rs', {
      copySettings: [],
      deleteCopiedBackups: [gone],
    })
    expect(res.status).toBe(200)
    const docs = await snapshots(PAYMENTS, 'payments-rs')
    expect(docs.every((s) => (s.copyRegions ?? []).length === 0)).toBe(true)
  })

  it('refuses deleteCopiedBackups under a Backup Compliance Policy (403)', async () => {
    await sb.control('POST', `/groups/${DEV_TOOLS}/compliance`, {
      enabled: true,
    })
    const zone = await zoneOf(DEV_TOOLS, 'failing-restore-target')
    expectError(
      await patch(DEV_TOOLS, 'failing-restore-target', {
        deleteCopiedBackups: [
          { zoneId: zone, cloudProvider: 'AWS', regionName: 'US_WEST_1' },
        ],
      }),
      403,
      'BACKUP_COMPLIANCE_POLICY_VIOLATION',
      'deleteCopiedBackups',
    )
    await sb.control('POST', `/groups/${DEV_TOOLS}/compliance`, {
      enabled: false,
    })
  })
})
