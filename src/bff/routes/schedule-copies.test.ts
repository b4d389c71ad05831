import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { BackupSchedule } from '../../contract/atlas/schedule'
import { listAudit } from '../db/audit-repo'
import {
  startTestBff,
  type BffResponse,
  type TestBff,
  type TestBrowser,
} from '../../testing/bff-harness'

// The BFF re-checks copies to other regions and exports (issue 9) with the shared rules before
// Atlas sees the PATCH: refused on the field, nothing audited, the sandbox unchanged. What
// passes reaches the sandbox, deleteCopiedBackups included.

let t: TestBff
let admin: TestBrowser
let groupId: string
let zoneId: string

const url = (cluster: string) =>
  `/api/atlas/v2/groups/${groupId}/clusters/${cluster}/backup/schedule`

async function open(cluster: string) {
  const res = await admin.call('GET', url(cluster))
  expect(res.status).toBe(200)
  return {
    schedule: res.body as BackupSchedule,
    etag: String(res.headers.etag),
  }
}

async function send(cluster: string, fields: Record<string, unknown>) {
  const { schedule, etag } = await open(cluster)
  return admin.call(
    'PATCH',
    url(cluster),
    { ...schedule, ...fields },
    {
      'if-match': etag,
    },
  )
}

const fieldsOf = (res: BffResponse) =>
  (
    res.body as { badRequestDetail?: { fields: { field: string }[] } }
  ).badRequestDetail?.fields.map((f) => f.field) ?? []

const attempts = () =>
  listAudit(t.bff.db, { action: 'policy.update', limit: 100 }).length

const copy = (fields: Record<string, unknown> = {}) => ({
  zoneId,
  cloudProvider: 'AWS',
  regionName: 'US_WEST_2',
  shouldCopyOplogs: false,
  copyPolicyItems: [
    { frequencyType: 'daily', retentionUnit: 'days', retentionValue: 7 },
  ],
  ...fields,
})

beforeAll(async () => {
  t = await startTestBff()
  admin = await t.browser('admin')
  const groups = (await admin.call('GET', '/api/atlas/v2/groups')).body as {
    results: { id: string; name: string }[]
  }
  groupId = groups.results.find((g) => g.name === 'payments-prod')!.id
  const cluster = await admin.call(
    'GET',
    `/api/atlas/v2/groups/${groupId}/clusters/payments-staging`,
  )
  zoneId = (cluster.body as { replicationSpecs: { zoneId: string }[] })
    .replicationSpecs[0]!.zoneId
})
afterAll(async () => {
  await t.close()
})

describe('copies and exports are checked by the BFF (issue 9)', () => {
  it.each([
    [
      'oplog copies without continuous backup',
      () => ({ copySettings: [copy({ shouldCopyOplogs: true })] }),
      ['copySettings.0.shouldCopyOplogs'],
    ],
    [
      'lastNumberOfSnapshots beside copyPolicyItems',
      () => ({ copySettings: [copy({ lastNumberOfSnapshots: 2 })] }),
      ['copySettings.0.lastNumberOfSnapshots'],
    ],
    [
      'another provider than the zone',
      () => ({ copySettings: [copy({ cloudProvider: 'AZURE' })] }),
      ['copySettings.0.cloudProvider'],
    ],
    [
      'a kind the policy does not take',
      () => ({
        copySettings: [
          copy({
            copyPolicyItems: [
              {
                frequencyType: 'yearly',
                retentionUnit: 'years',
                retentionValue: 1,
              },
            ],
          }),
        ],
      }),
      ['copySettings.0.copyPolicyItems.0.frequencyType'],
    ],
    [
      'deleting the copies of a region still copied to',
      () => ({
        copySettings: [copy()],
        deleteCopiedBackups: [
          { zoneId, cloudProvider: 'AWS', regionName: 'US_WEST_2' },
        ],
      }),
      ['deleteCopiedBackups.0.regionName'],
    ],
    [
      'automatic export without a bucket',
      () => ({ autoExportEnabled: true, export: { frequencyType: 'monthly' } }),
      ['export.exportBucketId'],
    ],
  ])('refuses %s on its field', async (_what, fields, expected) => {
    const before = attempts()
    const res = await send('payments-staging', {
      copyPolicyItemsEnabled: true,
      ...fields(),
    })
    expect(res.status).toBe(400)
    expect(fieldsOf(res)).toEqual(expected)
    expect(attempts()).toBe(before)
  })

  it('passes a valid copy region and export on to Atlas', async () => {
    const res = await send('payments-staging', {
      copyPolicyItemsEnabled: true,
      copySettings: [copy()],
      autoExportEnabled: true,
      export: {
        exportBucketId: '6650a1b2c3d4e5f6000000bb',
        frequencyType: 'monthly',
      },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      copyPolicyItemsEnabled: true,
      copySettings: [{ regionName: 'US_WEST_2' }],
      autoExportEnabled: true,
    })
    const removed = await send('payments-staging', {
      copySettings: [],
      deleteCopiedBackups: [
        { zoneId, cloudProvider: 'AWS', regionName: 'US_WEST_2' },
      ],
    })
    expect(removed.status).toBe(200)
    expect((removed.body as BackupSchedule).copySettings).toEqual([])
  })
})
