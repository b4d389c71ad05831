import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

// P6: the snapshot time is set in UTC; the operator's local time is shown beside it. A zone's
// offset changes with daylight saving, so the local time is the one of the next such instant.

const DAY_MS = 86_400_000

export type LocalTime = {
  /** "19:30" */
  time: string
  /** "UTC+01:00" */
  offset: string
  /** -1, 0 or 1: the local calendar day relative to the UTC day. */
  dayShift: number
  /** The instant used (the next time the clock reads hour:minute UTC). */
  at: Date
}

export function localTimeOf(
  hour: number,
  minute: number,
  now: Date,
  timeZone: string,
): LocalTime | null {
  if (
    !Number.isInteger(hour) ||
    !Number.isInteger(minute) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59
  )
    return null
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
    hour,
    minute,
  )
  const at = new Date(today > now.getTime() ? today : today + DAY_MS)
  const local = new TZDate(at, timeZone)
  const utcDay = format(new TZDate(at, 'UTC'), 'yyyy-MM-dd')
  const localDay = format(local, 'yyyy-MM-dd')
  return {
    time: format(local, 'HH:mm'),
    offset: `UTC${format(local, 'xxx')}`,
    dayShift: localDay === utcDay ? 0 : localDay > utcDay ? 1 : -1,
    at,
  }
}

/** "19:30 in Europe/Berlin (UTC+01:00)", "01:30 the next day in Asia/Tokyo (UTC+09:00)". */
export function describeLocalTime(local: LocalTime, timeZone: string): string {
  const day =
    local.dayShift === 1
      ? ' the next day'
      : local.dayShift === -1
        ? ' the day before'
        : ''
  return `${local.time}${day} in ${timeZone} (${local.offset})`
}
