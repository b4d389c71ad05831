import { describe, expect, it } from 'vitest'

import type {
  BackupSchedule,
  PolicyItem,
} from '../../../contract/atlas/schedule'
import { toFormValues } from './form-values'
import { rebaseEdits } from './rebase'

// A conflict (412): the operator's edits are applied to the version someone else saved.

const A = '65f0000000000000000000a1'
const B = '65f0000000000000000000a2'
const C = '65f0000000000000000000a3'

const item = (
  id: string | undefined,
  frequencyType: PolicyItem['frequencyType'],
  retentionValue: number,
): PolicyItem => ({
  ...(id ? { id } : {}),
  frequencyType,
  frequencyInterval: frequencyType === 'weekly' ? 6 : 1,
  retentionUnit: frequencyType === 'weekly' ? 'weeks' : 'days',
  retentionValue,
})

const schedule = (
  hour: number,
  items: PolicyItem[],
  restoreWindowDays = 2,
): BackupSchedule => ({
  referenceHourOfDay: hour,
  referenceMinuteOfHour: 0,
  restoreWindowDays,
  policies: [{ policyItems: items }],
})

const before = schedule(18, [item(A, 'daily', 7), item(B, 'weekly', 4)])

describe('rebaseEdits', () => {
  it('keeps what the operator changed and takes the rest from their version', () => {
    const mine = toFormValues(before)
    mine.policies[0].policyItems[1] = {
      ...mine.policies[0].policyItems[1]!,
      retentionValue: 8,
    }
    const theirs = schedule(6, [item(A, 'daily', 10), item(B, 'weekly', 4)], 3)
    const merged = rebaseEdits(before, mine, theirs)
    expect(merged.referenceHourOfDay).toBe(6)
    expect(merged.restoreWindowDays).toBe(3)
    expect(
      merged.policies[0].policyItems.map((i) => [i.itemId, i.retentionValue]),
    ).toEqual([
      [A, 10],
      [B, 8],
    ])
  })

  it("keeps the operator's choices for existing snapshots and copies", () => {
    const mine = {
      ...toFormValues(before),
      updateSnapshots: true,
      updateCopySnapshots: true,
      deleteCopySnapshots: true,
    }
    const merged = rebaseEdits(before, mine, schedule(6, [item(A, 'daily', 7)]))
    expect([
      merged.updateSnapshots,
      merged.updateCopySnapshots,
      merged.deleteCopySnapshots,
    ]).toEqual([true, true, true])
    const untouched = rebaseEdits(before, toFormValues(before), before)
    expect([
      untouched.updateCopySnapshots,
      untouched.deleteCopySnapshots,
    ]).toEqual([false, false])
  })

  it("the operator's value wins where both changed the same field", () => {
    const mine = { ...toFormValues(before), referenceHourOfDay: 3 }
    const merged = rebaseEdits(
      before,
      mine,
      schedule(6, before.policies[0]!.policyItems),
    )
    expect(merged.referenceHourOfDay).toBe(3)
  })

  it('follows removals and additions on both sides', () => {
    const mine = toFormValues(before)
    // The operator removes the daily item and adds a yearly one.
    mine.policies[0].policyItems = [
      mine.policies[0].policyItems[1]!,
      {
        frequencyType: 'yearly',
        frequencyInterval: 1,
        retentionUnit: 'years',
        retentionValue: 1,
      },
    ]
    // They add a monthly item.
    const theirs = schedule(18, [
      item(A, 'daily', 7),
      item(B, 'weekly', 4),
      item(C, 'monthly', 12),
    ])
    const merged = rebaseEdits(before, mine, theirs)
    expect(merged.policies[0].policyItems.map((i) => i.frequencyType)).toEqual([
      'weekly',
      'monthly',
      'yearly',
    ])
  })

  it('keeps an edit to an item they removed, as a new item', () => {
    const mine = toFormValues(before)
    mine.policies[0].policyItems[0] = {
      ...mine.policies[0].policyItems[0]!,
      retentionValue: 9,
    }
    const theirs = schedule(18, [item(B, 'weekly', 4)])
    const merged = rebaseEdits(before, mine, theirs)
    expect(
      merged.policies[0].policyItems.map((i) => [
        i.itemId,
        i.frequencyType,
        i.retentionValue,
      ]),
    ).toEqual([
      [B, 'weekly', 4],
      [undefined, 'daily', 9],
    ])
  })
})
