import type { RetentionUnit } from '../atlas/common'

// Two views of a retention such as "12 months":
//
// - Nominal days, for comparing retentions of different units (P4, P5). A month counts 31 days
//   and a year 12 months (372 days): the upper bound of each unit. With that scale the documented
//   minimums agree with each other: monthly ≥ 31 days = 1 month ≤ 5 weeks, yearly ≥ 1 year =
//   12 months, and the documented default (monthly kept 12 months beside yearly kept 1 year) is
//   valid. A 30-day month would wrongly refuse "daily 31 days, monthly 1 month".
// - Calendar arithmetic, for real expiry dates (P7, S3, sandbox): a snapshot taken on 31 January
//   and kept 1 month expires on 28 (or 29) February, as date-fns addMonths would, but in UTC so
//   the result does not depend on the machine's time zone.

export const NOMINAL_DAYS_PER_UNIT: Record<RetentionUnit, number> = {
  days: 1,
  weeks: 7,
  months: 31,
  years: 372,
}

export function retentionNominalDays(value: number, unit: RetentionUnit) {
  return value * NOMINAL_DAYS_PER_UNIT[unit]
}

const singular: Record<RetentionUnit, string> = {
  days: 'day',
  weeks: 'week',
  months: 'month',
  years: 'year',
}

/** "7 days", "1 week", "12 months". */
export function describeRetention(value: number, unit: RetentionUnit) {
  return `${value} ${value === 1 ? singular[unit] : unit}`
}

const DAY_MS = 86_400_000

/** The instant `value` `unit`s after `from`, in UTC calendar terms. */
export function addRetention(
  from: Date,
  value: number,
  unit: RetentionUnit,
): Date {
  if (unit === 'days') return new Date(from.getTime() + value * DAY_MS)
  if (unit === 'weeks') return new Date(from.getTime() + value * 7 * DAY_MS)
  return addUtcMonths(from, unit === 'months' ? value : value * 12)
}

/** Adds months, clamping the day to the end of a shorter month (31 Jan + 1 → 28 Feb). */
export function addUtcMonths(from: Date, months: number): Date {
  const year = from.getUTCFullYear()
  const month = from.getUTCMonth() + months
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const day = Math.min(from.getUTCDate(), lastDay)
  return new Date(
    Date.UTC(
      year,
      month,
      day,
      from.getUTCHours(),
      from.getUTCMinutes(),
      from.getUTCSeconds(),
      from.getUTCMilliseconds(),
    ),
  )
}
