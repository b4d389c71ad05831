import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Cluster } from '../../contract/atlas/cluster'
import type { BackupSchedule } from '../../contract/atlas/schedule'
import type { SnapshotDoc } from '../state/snapshots-repo'
import {
  startTestSandbox,
  type TestSandbox,
} from '../../testing/sandbox-harness'
import { PAYMENTS, expectError } from '../atlas-test-kit'
import { caller } from './snapshot-test-kit'

// updateCopySnapshots and deleteCopySnapshots over real HTTP (issue 9, ATLAS-CONTRACT.md §6):
// without them existing copies keep their expiry; with updateCopySnapshots the copies of a
// changed copy policy item take its new retention from when the snapshot was taken (those past
// it go now); with deleteCopySnapshots the copies of a removed item go. Under a Backup
// Compliance Policy neither may delete or shorten copies (403).

const HOUR = 3_600_000
const CLUSTER = 'payments-rs'
const REGION = 'US_EAST_2'

let sb: TestSandbox

beforeAll(async () => {
  sb = await startTestSandbox({ SANDBOX_RATE_CAPACITY: '100000' })
})
afterAll(async () => {
  await sb.close()
})

const call = caller(() => sb, '2024-08-05')
const snapshotCall = caller(() => sb)
const schedulePath = `/groups/${PAYMENTS}/clusters/${CLUSTER}/backup/schedule`

async function patch(fields: Record<string, unknown>) {
  const current = await call('GET', schedulePath)
  expect(current.status).toBe(200)
  return call('PATCH', schedulePath, {
    ...(current.body as BackupSchedule),
    ...fields,
  })
}

async function copiedIds(kind: string): Promise<string[]> {
  const res = await snapshotCall(
    'GET',
    `/groups/${PAYMENTS}/clusters/${CLUSTER}/backup/snapshots?itemsPerPage=500`,
  )
  return (res.body as { results: SnapshotDoc[] }).results
    .filter((s) => s.frequencyType === kind && s.status === 'completed')
    .filter((s) => s.copyRegions?.includes(REGION))
    .map((s) => s.id ?? '')
}

async function snapshotIds(): Promise<Set<string>> {
  const res = await snapshotCall(
    'GET',
    `/groups/${PAYMENTS}/clusters/${CLUSTER}/backup/snapshots?itemsPerPage=500`,
  )
  return new Set(
    (res.body as { results: SnapshotDoc[] }).results.map((s) => s.id ?? ''),
  )
}

async function createdAt(id: string): Promise<number> {
  const res = await snapshotCall(
    'GET',
    `/groups/${PAYMENTS}/clusters/${CLUSTER}/backup/snapshots/${id}`,
  )
  return Date.parse((res.body as SnapshotDoc).createdAt ?? '')
}

async function clockNow(): Promise<number> {
  const res = await sb.control('GET', '/clock')
  return Date.parse((res.body as { now: string }).now)
}

let zoneId = ''
const item = (frequencyType: string, retentionValue: number) => ({
  frequencyType,
  retentionUnit: 'days',
  retentionValue,
})
const copyTo = (...items: object[]) => ({
  copyPolicyItemsEnabled: true,
  copySettings: [
    {
      zoneId,
      cloudProvider: 'AWS',
      regionName: REGION,
      shouldCopyOplogs: false,
      copyPolicyItems: items,
    },
  ],
})

describe('existing copies in a region that stays', () => {
  let oldDaily = ''
  let newDaily = ''

  beforeAll(async () => {
    const cluster = await call('GET', `/groups/${PAYMENTS}/clusters/${CLUSTER}`)
    zoneId = (cluster.body as Cluster).replicationSpecs?.[0]?.zoneId ?? ''
    const res = await patch(copyTo(item('hourly', 3), item('daily', 7)))
    expect(res.status).toBe(200)
    await sb.control('POST', '/clock/advance', { days: 2, hours: 1 })
    const now = await clockNow()
    const daily = await copiedIds('daily')
    const ages = await Promise.all(
      daily.map(async (id) => ({ id, age: now - (await createdAt(id)) })),
    )
    oldDaily = ages.find((a) => a.age > 25 * HOUR)?.id ?? ''
    newDaily = ages.find((a) => a.age < 23 * HOUR)?.id ?? ''
    expect(oldDaily).not.toBe('')
    expect(newDaily).not.toBe('')
  })

  it('keep their expiry when the copy retention changes without updateCopySnapshots', async () => {
    const res = await patch(copyTo(item('hourly', 3), item('daily', 1)))
    expect(res.status).toBe(200)
    expect(await copiedIds('daily')).toContain(oldDaily)
  })

  it('take the new copy retention with updateCopySnapshots: those past it go, the snapshots stay', async () => {
    expect(
      (await patch(copyTo(item('hourly', 3), item('daily', 7)))).status,
    ).toBe(200)
    const res = await patch({
      ...copyTo(item('hourly', 3), item('daily', 1)),
      updateCopySnapshots: true,
    })
    expect(res.status).toBe(200)
    const daily = await copiedIds('daily')
    expect(daily).not.toContain(oldDaily)
    expect(daily).toContain(newDaily)
    const ids = await snapshotIds()
    expect(ids.has(oldDaily)).toBe(true)
  })

  it('are kept longer with updateCopySnapshots and a longer retention', async () => {
    const res = await patch({
      ...copyTo(item('hourly', 3), item('daily', 7)),
      updateCopySnapshots: true,
    })
    expect(res.status).toBe(200)
    // One day on, the newer daily copy would have gone under the 1-day retention.
    await sb.control('POST', '/clock/advance', { days: 1 })
    expect(await copiedIds('daily')).toContain(newDaily)
  })

  it('refuses deleteCopySnapshots unless copyPolicyItemsEnabled is true', async () => {
    expectError(
      await patch({
        copyPolicyItemsEnabled: false,
        copySettings: [
          {
            zoneId,
            cloudProvider: 'AWS',
            regionName: REGION,
            shouldCopyOplogs: false,
            frequencies: ['DAILY'],
          },
        ],
        deleteCopySnapshots: true,
      }),
      400,
      'VALIDATION_ERROR',
      'deleteCopySnapshots',
    )
  })

  it('of a removed copy policy item stay without deleteCopySnapshots', async () => {
    const hourly = await copiedIds('hourly')
    expect(hourly.length).toBeGreaterThan(0)
    const res = await patch(copyTo(item('daily', 7)))
    expect(res.status).toBe(200)
    expect(await copiedIds('hourly')).toEqual(hourly)
  })

  it('of a removed copy policy item go with deleteCopySnapshots; the other kinds stay', async () => {
    expect(
      (await patch(copyTo(item('hourly', 3), item('daily', 7)))).status,
    ).toBe(200)
    const daily = await copiedIds('daily')
    const res = await patch({
      ...copyTo(item('daily', 7)),
      deleteCopySnapshots: true,
    })
    expect(res.status).toBe(200)
    expect(await copiedIds('hourly')).toEqual([])
    expect(await copiedIds('daily')).toEqual(daily)
  })
})

describe('under a Backup Compliance Policy', () => {
  beforeAll(async () => {
    await sb.control('POST', `/groups/${PAYMENTS}/compliance`, {
      enabled: true,
    })
  })
  afterAll(async () => {
    await sb.control('POST', `/groups/${PAYMENTS}/compliance`, {
      enabled: false,
    })
  })

  it('refuses deleteCopySnapshots (403)', async () => {
    expectError(
      await patch({ ...copyTo(item('daily', 7)), deleteCopySnapshots: true }),
      403,
      'BACKUP_COMPLIANCE_POLICY_VIOLATION',
      'deleteCopySnapshots',
    )
  })

  it('refuses shortening existing copies, takes the shorter retention for future copies only', async () => {
    const daily = await copiedIds('daily')
    expectError(
      await patch({
        ...copyTo(item('daily', 1)),
        updateCopySnapshots: true,
      }),
      403,
      'BACKUP_COMPLIANCE_POLICY_VIOLATION',
      'updateCopySnapshots',
    )
    expect(await copiedIds('daily')).toEqual(daily)
    expect((await patch(copyTo(item('daily', 1)))).status).toBe(200)
    expect(await copiedIds('daily')).toEqual(daily)
  })
})
