import { describe, expect, it } from 'vitest'

import { describeLocalTime, localTimeOf } from './local-time'

// P6: the UTC snapshot time with the operator's local time beside it, daylight saving included.

const WINTER = new Date('2026-01-15T12:00:00Z')
const SUMMER = new Date('2026-07-15T12:00:00Z')

describe('localTimeOf', () => {
  it('converts with the offset of the next such instant', () => {
    const winter = localTimeOf(18, 0, WINTER, 'Europe/Berlin')
    const summer = localTimeOf(18, 0, SUMMER, 'Europe/Berlin')
    expect(winter && describeLocalTime(winter, 'Europe/Berlin')).toBe(
      '19:00 in Europe/Berlin (UTC+01:00)',
    )
    expect(summer && describeLocalTime(summer, 'Europe/Berlin')).toBe(
      '20:00 in Europe/Berlin (UTC+02:00)',
    )
  })

  it('says when the local time falls on another day', () => {
    const tokyo = localTimeOf(23, 59, WINTER, 'Asia/Tokyo')
    expect(tokyo && describeLocalTime(tokyo, 'Asia/Tokyo')).toBe(
      '08:59 the next day in Asia/Tokyo (UTC+09:00)',
    )
    const hawaii = localTimeOf(0, 30, WINTER, 'Pacific/Honolulu')
    expect(hawaii && describeLocalTime(hawaii, 'Pacific/Honolulu')).toBe(
      '14:30 the day before in Pacific/Honolulu (UTC-10:00)',
    )
  })

  it('has nothing to say for a time out of range', () => {
    expect(localTimeOf(24, 0, WINTER, 'UTC')).toBeNull()
    expect(localTimeOf(23, 60, WINTER, 'UTC')).toBeNull()
    expect(localTimeOf(Number.NaN, 0, WINTER, 'UTC')).toBeNull()
  })
})
