import { describe, expect, it } from 'vitest'

import type { CopySettingInput } from './copy-settings'
import {
  type ExistingCopyInput,
  checkCopyChangeCompliance,
  copyRetentionChanges,
} from './copy-retention-changes'

const ZONE = '6650a1b2c3d4e5f600000000'
const DAY = 86_400_000
const now = new Date('2026-05-20T00:00:00Z')
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY)

const setting = (
  items: CopySettingInput['copyPolicyItems'],
  fields: Partial<CopySettingInput> = {},
): CopySettingInput => ({
  zoneId: ZONE,
  cloudProvider: 'AWS',
  regionName: 'US_EAST_2',
  copyPolicyItems: items,
  ...fields,
})
const daily = (retentionValue: number) => ({
  frequencyType: 'daily',
  retentionUnit: 'days',
  retentionValue,
})
const hourly = {
  frequencyType: 'hourly',
  retentionUnit: 'days',
  retentionValue: 2,
}

const copyOf = (
  id: string,
  takenDaysAgo: number,
  fields: Partial<ExistingCopyInput> = {},
): ExistingCopyInput => ({
  snapshotId: id,
  createdAt: daysAgo(takenDaysAgo),
  kind: 'daily',
  zoneId: ZONE,
  regionName: 'US_EAST_2',
  expiresAt: new Date(daysAgo(takenDaysAgo).getTime() + 7 * DAY),
  ...fields,
})

const base = {
  copies: [copyOf('a', 1), copyOf('b', 5), copyOf('h', 1, { kind: 'hourly' })],
  oldSettings: [setting([daily(7), hourly])],
  now,
}

describe('copyRetentionChanges (updateCopySnapshots, deleteCopySnapshots)', () => {
  it('changes nothing without either flag', () => {
    expect(
      copyRetentionChanges({
        ...base,
        newSettings: [setting([daily(3)])],
        updateCopySnapshots: false,
        deleteCopySnapshots: false,
      }),
    ).toEqual({ updated: [], removed: [], deleted: [] })
  })

  it('gives copies of a changed item the new retention from when the snapshot was taken; past it they go', () => {
    const changes = copyRetentionChanges({
      ...base,
      newSettings: [setting([daily(3), hourly])],
      updateCopySnapshots: true,
      deleteCopySnapshots: false,
    })
    expect(changes.updated.map((c) => [c.snapshotId, c.newExpiresAt])).toEqual([
      ['a', new Date(daysAgo(1).getTime() + 3 * DAY)],
    ])
    expect(changes.removed.map((c) => c.snapshotId)).toEqual(['b'])
    expect(changes.deleted).toEqual([])
  })

  it('lengthens as well', () => {
    const changes = copyRetentionChanges({
      ...base,
      newSettings: [setting([daily(14), hourly])],
      updateCopySnapshots: true,
      deleteCopySnapshots: false,
    })
    expect(changes.updated.map((c) => c.snapshotId)).toEqual(['a', 'b'])
    expect(changes.removed).toEqual([])
  })

  it('deletes the copies of a removed copy policy item with deleteCopySnapshots only', () => {
    const input = {
      ...base,
      newSettings: [setting([daily(7)])],
      updateCopySnapshots: true,
    }
    expect(
      copyRetentionChanges({ ...input, deleteCopySnapshots: false }).deleted,
    ).toEqual([])
    expect(
      copyRetentionChanges({
        ...input,
        deleteCopySnapshots: true,
      }).deleted.map((c) => [c.snapshotId, c.kind]),
    ).toEqual([['h', 'hourly']])
  })

  it('leaves the copies of a removed region, another region and lastNumberOfSnapshots alone', () => {
    const changes = copyRetentionChanges({
      copies: [
        ...base.copies,
        copyOf('w', 1, { regionName: 'US_WEST_2' }),
        copyOf('n', 1, { lastOf: 3 }),
      ],
      oldSettings: [
        ...base.oldSettings,
        setting([daily(7)], { regionName: 'US_WEST_2' }),
      ],
      newSettings: [setting([daily(3), hourly], { regionName: 'US_WEST_1' })],
      updateCopySnapshots: true,
      deleteCopySnapshots: true,
      now,
    })
    expect(changes).toEqual({ updated: [], removed: [], deleted: [] })
  })

  it('skips an item whose new retention is not a whole number', () => {
    const changes = copyRetentionChanges({
      ...base,
      newSettings: [setting([daily(Number.NaN), hourly])],
      updateCopySnapshots: true,
      deleteCopySnapshots: false,
    })
    expect(changes.updated).toEqual([])
  })
})

describe('checkCopyChangeCompliance', () => {
  const shorter = copyRetentionChanges({
    ...base,
    newSettings: [setting([daily(3), hourly])],
    updateCopySnapshots: true,
    deleteCopySnapshots: false,
  })
  const longer = copyRetentionChanges({
    ...base,
    newSettings: [setting([daily(14), hourly])],
    updateCopySnapshots: true,
    deleteCopySnapshots: false,
  })

  it('allows anything without a compliance policy', () => {
    expect(
      checkCopyChangeCompliance({
        compliancePolicyEnabled: false,
        deleteCopySnapshots: true,
        changes: shorter,
      }).ok,
    ).toBe(true)
  })

  it('refuses deleting copies and shortening them, allows lengthening', () => {
    expect(
      checkCopyChangeCompliance({
        compliancePolicyEnabled: true,
        deleteCopySnapshots: true,
        changes: longer,
      }),
    ).toMatchObject({
      ok: false,
      field: 'deleteCopySnapshots',
      errorCode: 'BACKUP_COMPLIANCE_POLICY_VIOLATION',
    })
    expect(
      checkCopyChangeCompliance({
        compliancePolicyEnabled: true,
        changes: shorter,
      }),
    ).toMatchObject({ ok: false, field: 'updateCopySnapshots' })
    expect(
      checkCopyChangeCompliance({
        compliancePolicyEnabled: true,
        changes: longer,
      }).ok,
    ).toBe(true)
  })
})
