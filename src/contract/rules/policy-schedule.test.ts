import { describe, expect, it } from 'vitest'
import type { PolicyItemInput } from './policy-items'
import {
  itemInstants,
  owningItemIndex,
  scheduledSnapshots,
} from './policy-schedule'

const item = (
  frequencyType: PolicyItemInput['frequencyType'],
  frequencyInterval: number,
  retentionValue = 7,
  retentionUnit: PolicyItemInput['retentionUnit'] = 'days',
): PolicyItemInput => ({
  frequencyType,
  frequencyInterval,
  retentionUnit,
  retentionValue,
})
const at18 = { referenceHourOfDay: 18, referenceMinuteOfHour: 30 }
const iso = (ms: number[]) => ms.map((t) => new Date(t).toISOString())
const range = (from: string, to: string) =>
  [Date.parse(from), Date.parse(to)] as const

describe('itemInstants', () => {
  it('spaces hourly snapshots from the reference time, within (from, to]', () => {
    const [from, to] = range('2026-03-02T00:30:00Z', '2026-03-03T00:30:00Z')
    expect(iso(itemInstants(item('hourly', 6), at18, from, to))).toEqual([
      '2026-03-02T06:30:00.000Z',
      '2026-03-02T12:30:00.000Z',
      '2026-03-02T18:30:00.000Z',
      '2026-03-03T00:30:00.000Z',
    ])
  })

  it('takes weekly snapshots on the given weekday, Monday = 1', () => {
    const [from, to] = range('2026-03-01T00:00:00Z', '2026-03-15T00:00:00Z')
    // 2026-03-02 is a Monday, 2026-03-07 a Saturday, 2026-03-08 a Sunday.
    expect(iso(itemInstants(item('weekly', 1), at18, from, to))).toEqual([
      '2026-03-02T18:30:00.000Z',
      '2026-03-09T18:30:00.000Z',
    ])
    expect(iso(itemInstants(item('weekly', 7), at18, from, to))).toEqual([
      '2026-03-01T18:30:00.000Z',
      '2026-03-08T18:30:00.000Z',
    ])
  })

  it('takes monthly snapshots on the day, or the last day for 40', () => {
    const [from, to] = range('2026-01-01T00:00:00Z', '2028-03-31T00:00:00Z')
    const lastDays = iso(
      itemInstants(item('monthly', 40), at18, from, to),
    ).filter((d) => d.includes('-02-'))
    expect(lastDays).toEqual([
      '2026-02-28T18:30:00.000Z',
      '2027-02-28T18:30:00.000Z',
      '2028-02-29T18:30:00.000Z',
    ])
    const [janFrom, janTo] = range(
      '2026-01-01T00:00:00Z',
      '2026-03-01T00:00:00Z',
    )
    expect(
      iso(itemInstants(item('monthly', 28), at18, janFrom, janTo)),
    ).toEqual(['2026-01-28T18:30:00.000Z', '2026-02-28T18:30:00.000Z'])
  })

  it('takes yearly snapshots on the first day of the month', () => {
    const [from, to] = range('2026-01-01T00:00:00Z', '2027-12-31T00:00:00Z')
    expect(iso(itemInstants(item('yearly', 12), at18, from, to))).toEqual([
      '2026-12-01T18:30:00.000Z',
      '2027-12-01T18:30:00.000Z',
    ])
  })
})

describe('scheduledSnapshots', () => {
  it('gives an overlapping instant to the item with the longest retention', () => {
    const items = [
      item('hourly', 12, 2),
      item('daily', 1, 7),
      item('weekly', 6, 4, 'weeks'),
    ]
    const snapshots = scheduledSnapshots(
      { ...at18, items },
      new Date('2026-03-07T00:00:00Z'),
      new Date('2026-03-08T00:00:00Z'),
    )
    expect(
      snapshots.map((s) => [
        s.at.toISOString(),
        s.frequencyType,
        s.itemIndexes,
      ]),
    ).toEqual([
      ['2026-03-07T06:30:00.000Z', 'hourly', [0]],
      ['2026-03-07T18:30:00.000Z', 'weekly', [0, 1, 2]],
    ])
    expect(snapshots[1]?.expiresAt).toEqual(new Date('2026-04-04T18:30:00Z'))
  })

  it('breaks a tie in favour of the less frequent item', () => {
    const items = [item('daily', 1, 7), item('weekly', 6, 1, 'weeks')]
    expect(owningItemIndex(items, [0, 1])).toBe(1)
    expect(owningItemIndex(items, [1, 0])).toBe(1)
  })
})
