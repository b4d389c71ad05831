import { describe, expect, it } from 'vitest'
import {
  addRetention,
  addUtcMonths,
  describeRetention,
  retentionNominalDays,
} from './retention'

describe('retentionNominalDays', () => {
  it('counts a month as 31 days and a year as 12 months', () => {
    expect(retentionNominalDays(2, 'days')).toBe(2)
    expect(retentionNominalDays(4, 'weeks')).toBe(28)
    expect(retentionNominalDays(1, 'months')).toBe(31)
    expect(retentionNominalDays(1, 'years')).toBe(
      retentionNominalDays(12, 'months'),
    )
  })
})

describe('describeRetention', () => {
  it('uses the singular for one', () => {
    expect(describeRetention(1, 'weeks')).toBe('1 week')
    expect(describeRetention(12, 'months')).toBe('12 months')
  })
})

describe('addRetention', () => {
  const jan31 = new Date('2026-01-31T18:00:00Z')

  it('adds days and weeks as exact durations', () => {
    expect(addRetention(jan31, 2, 'days')).toEqual(
      new Date('2026-02-02T18:00:00Z'),
    )
    expect(addRetention(jan31, 4, 'weeks')).toEqual(
      new Date('2026-02-28T18:00:00Z'),
    )
  })

  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addRetention(jan31, 1, 'months')).toEqual(
      new Date('2026-02-28T18:00:00Z'),
    )
    expect(addUtcMonths(new Date('2028-01-31T00:00:00Z'), 1)).toEqual(
      new Date('2028-02-29T00:00:00Z'),
    )
    expect(addRetention(jan31, 12, 'months')).toEqual(
      new Date('2027-01-31T18:00:00Z'),
    )
  })

  it('adds years as 12 months, clamping 29 February', () => {
    expect(addRetention(new Date('2028-02-29T06:00:00Z'), 1, 'years')).toEqual(
      new Date('2029-02-28T06:00:00Z'),
    )
  })

  it('goes backwards for negative months across a year', () => {
    expect(addUtcMonths(new Date('2026-03-31T00:00:00Z'), -13)).toEqual(
      new Date('2025-02-28T00:00:00Z'),
    )
  })
})
