import { describe, expect, it } from 'vitest'

import type { PolicyItemInput } from '../../../contract/rules/policy-items'
import type { PolicyShape } from './form-values'
import { describeDiff, diffPolicy, isEmptyDiff } from './policy-diff'

// The saved policy against the edited one, in words: top-level fields, and items added,
// removed and changed, paired by id first, then by frequency and interval, then by frequency.

const ID = {
  hourly: '65f0000000000000000000a1',
  daily: '65f0000000000000000000a2',
  weekly: '65f0000000000000000000a3',
  monthly: '65f0000000000000000000a4',
}

const saved: PolicyShape = {
  referenceHourOfDay: 18,
  referenceMinuteOfHour: 0,
  restoreWindowDays: 2,
  items: [
    {
      id: ID.hourly,
      frequencyType: 'hourly',
      frequencyInterval: 6,
      retentionUnit: 'days',
      retentionValue: 2,
    },
    {
      id: ID.daily,
      frequencyType: 'daily',
      frequencyInterval: 1,
      retentionUnit: 'days',
      retentionValue: 7,
    },
    {
      id: ID.weekly,
      frequencyType: 'weekly',
      frequencyInterval: 6,
      retentionUnit: 'weeks',
      retentionValue: 4,
    },
    {
      id: ID.monthly,
      frequencyType: 'monthly',
      frequencyInterval: 40,
      retentionUnit: 'months',
      retentionValue: 12,
    },
  ],
}

const pit = { pitEnabled: true }
const withItems = (items: PolicyItemInput[]): PolicyShape => ({
  ...saved,
  items,
})
const [hourly, daily, weekly, monthly] = saved.items as [
  PolicyItemInput,
  PolicyItemInput,
  PolicyItemInput,
  PolicyItemInput,
]

describe('diffPolicy', () => {
  it('finds nothing when nothing changed', () => {
    const diff = diffPolicy(saved, withItems([...saved.items]), pit)
    expect(isEmptyDiff(diff)).toBe(true)
    expect(describeDiff(diff)).toEqual([])
  })

  it('words the snapshot time and the restore window', () => {
    const diff = diffPolicy(
      saved,
      {
        ...saved,
        referenceHourOfDay: 5,
        referenceMinuteOfHour: 37,
        restoreWindowDays: 1,
      },
      pit,
    )
    expect(describeDiff(diff)).toEqual([
      'Snapshot time: 18:00 UTC → 05:37 UTC',
      'Restore window: 2 days → 1 day',
    ])
  })

  it('leaves the restore window out without continuous backup', () => {
    const diff = diffPolicy(
      saved,
      { ...saved, restoreWindowDays: 5 },
      {
        pitEnabled: false,
      },
    )
    expect(isEmptyDiff(diff)).toBe(true)
  })

  it('pairs items by id, so an edited item reads as changed', () => {
    const diff = diffPolicy(
      saved,
      withItems([
        hourly,
        daily,
        { ...weekly, frequencyInterval: 7, retentionValue: 8 },
        monthly,
      ]),
      pit,
    )
    expect(diff.changed).toHaveLength(1)
    expect(describeDiff(diff)).toEqual([
      'Weekly item: on Saturday → on Sunday, kept 4 weeks → kept 8 weeks',
    ])
  })

  it('names added and removed items', () => {
    const yearly: PolicyItemInput = {
      frequencyType: 'yearly',
      frequencyInterval: 1,
      retentionUnit: 'years',
      retentionValue: 1,
    }
    const diff = diffPolicy(
      saved,
      withItems([hourly, daily, weekly, yearly]),
      pit,
    )
    expect(describeDiff(diff)).toEqual([
      'Added: Yearly on 1 January, kept 1 year',
      'Removed: Monthly on the last day, kept 12 months',
    ])
  })

  it('pairs items without ids (a reset, a re-added row) by frequency and interval', () => {
    const strip = (item: PolicyItemInput): PolicyItemInput => ({
      frequencyType: item.frequencyType,
      frequencyInterval: item.frequencyInterval,
      retentionUnit: item.retentionUnit,
      retentionValue: item.retentionValue,
    })
    const diff = diffPolicy(
      saved,
      withItems([
        strip(hourly),
        strip({ ...daily, retentionValue: 10 }),
        strip(weekly),
        strip(monthly),
      ]),
      pit,
    )
    expect(describeDiff(diff)).toEqual([
      'Daily item: kept 7 days → kept 10 days',
    ])
  })

  it('reads a change of frequency as a change of that item', () => {
    const diff = diffPolicy(
      saved,
      withItems([
        hourly,
        { ...daily, frequencyType: 'hourly' },
        weekly,
        monthly,
      ]),
      pit,
    )
    expect(describeDiff(diff)).toEqual([
      'Daily item: daily → hourly, every day → every hour',
    ])
  })

  it('shows a half-typed value as a dash', () => {
    const diff = diffPolicy(
      saved,
      withItems([
        { ...hourly, retentionValue: Number.NaN },
        daily,
        weekly,
        monthly,
      ]),
      pit,
    )
    expect(describeDiff(diff)).toEqual([
      'Hourly item: kept 2 days → kept — days',
    ])
  })
})
