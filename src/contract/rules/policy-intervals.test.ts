import { describe, expect, it } from 'vitest'
import { allowedIntervals } from './policy-intervals'

const plain = { nvme: false }
const nvme = { nvme: true }

describe('P2 allowedIntervals', () => {
  it('lists the hourly choices, only 12 on NVMe', () => {
    expect(allowedIntervals('hourly', plain).map((o) => o.value)).toEqual([
      1, 2, 4, 6, 8, 12,
    ])
    expect(allowedIntervals('hourly', nvme)).toEqual([
      { value: 12, label: 'Every 12 hours' },
    ])
    expect(allowedIntervals('hourly', plain)[0]?.label).toBe('Every hour')
  })

  it('labels weekdays from Monday = 1', () => {
    const weekly = allowedIntervals('weekly', plain)
    expect(weekly[0]).toEqual({ value: 1, label: 'Monday' })
    expect(weekly[5]).toEqual({ value: 6, label: 'Saturday' })
    expect(weekly[6]).toEqual({ value: 7, label: 'Sunday' })
  })

  it('lists monthly days 1–28 and the last day', () => {
    const monthly = allowedIntervals('monthly', plain)
    expect(monthly).toHaveLength(29)
    expect(monthly.slice(0, 3).map((o) => o.label)).toEqual([
      '1st',
      '2nd',
      '3rd',
    ])
    expect(monthly[10]?.label).toBe('11th')
    expect(monthly[20]?.label).toBe('21st')
    expect(monthly[28]).toEqual({ value: 40, label: 'Last day' })
  })

  it('lists months for yearly and one choice for daily', () => {
    expect(allowedIntervals('yearly', plain).map((o) => o.label)).toHaveLength(
      12,
    )
    expect(allowedIntervals('yearly', plain)[11]).toEqual({
      value: 12,
      label: 'December',
    })
    expect(allowedIntervals('daily', plain)).toEqual([
      { value: 1, label: 'Every day' },
    ])
    expect(allowedIntervals('ondemand', plain)).toEqual([])
  })
})
