import { afterEach, describe, expect, it } from 'vitest'

import {
  formatDay,
  formatInstant,
  fromDateTimeInput,
  toDateTimeInput,
} from './format-time'
import { formatBytes, formatDuration, formatRelative } from './format-units'

const originalTz = process.env.TZ
afterEach(() => {
  process.env.TZ = originalTz
})

const instant = '2026-03-29T00:30:00Z' // 01:30 in Berlin, just before the switch to summer time

describe('times are never ambiguous', () => {
  it('writes UTC with its name and local time with its offset', () => {
    process.env.TZ = 'Europe/Berlin'
    expect(formatInstant(instant, 'utc')).toBe('2026-03-29 00:30 UTC')
    expect(formatInstant(instant, 'local')).toBe('2026-03-29 01:30 UTC+01:00')
    expect(
      formatInstant('2026-03-29T01:30:00Z', 'local', { seconds: true }),
    ).toBe('2026-03-29 03:30:00 UTC+02:00')
    expect(formatDay(instant, 'utc')).toBe('2026-03-29 UTC')
  })

  it('reads a date-time input in the page zone', () => {
    process.env.TZ = 'America/New_York'
    expect(toDateTimeInput(instant, 'utc')).toBe('2026-03-29T00:30')
    expect(fromDateTimeInput('2026-03-29T00:30', 'utc')?.toISOString()).toBe(
      '2026-03-29T00:30:00.000Z',
    )
    expect(toDateTimeInput(instant, 'local')).toBe('2026-03-28T20:30')
    expect(fromDateTimeInput('2026-03-28T20:30', 'local')?.toISOString()).toBe(
      '2026-03-29T00:30:00.000Z',
    )
    expect(fromDateTimeInput('not a time', 'utc')).toBeUndefined()
  })

  it('sizes durations and bytes compactly', () => {
    expect(formatDuration(45)).toBe('45 s')
    expect(formatDuration(3 * 3600 + 5 * 60)).toBe('3 h 5 min')
    expect(formatDuration(2 * 86400 + 4 * 3600)).toBe('2 d 4 h')
    expect(formatRelative(0, 7_200_000)).toBe('2 h ago')
    expect(formatRelative(7_200_000, 0)).toBe('in 2 h')
    expect(formatBytes(13_421_447_556)).toBe('13.4 GB')
    expect(formatBytes(512)).toBe('512 B')
  })
})
