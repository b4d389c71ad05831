import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

import type { TimeZoneMode } from './time-zone'

// Times are never ambiguous (issue 5): every instant is written with its zone, UTC as "UTC" and
// local time with its offset from UTC, which stays correct across daylight-saving changes.

export type Instant = Date | string | number

function toDate(instant: Instant): Date {
  return instant instanceof Date ? instant : new Date(instant)
}

/** "2026-03-01 12:00 UTC" or "2026-03-01 13:00 UTC+01:00". */
export function formatInstant(
  instant: Instant,
  mode: TimeZoneMode,
  options: { seconds?: boolean } = {},
): string {
  const date = toDate(instant)
  const pattern = options.seconds ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm'
  if (mode === 'utc') return `${format(new TZDate(date, 'UTC'), pattern)} UTC`
  return `${format(date, pattern)} ${localOffsetLabel(date)}`
}

/** "UTC+01:00" for the browser's zone at that instant. */
export function localOffsetLabel(instant: Instant = new Date()): string {
  return `UTC${format(toDate(instant), 'xxx')}`
}

export function otherMode(mode: TimeZoneMode): TimeZoneMode {
  return mode === 'utc' ? 'local' : 'utc'
}

/** The browser's IANA zone, e.g. "Europe/Berlin", for labels. */
export function localZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** The value of an <input type="datetime-local"> showing the instant in the page's zone. */
export function toDateTimeInput(instant: Instant, mode: TimeZoneMode): string {
  const date = toDate(instant)
  const shown = mode === 'utc' ? new TZDate(date, 'UTC') : date
  return format(shown, "yyyy-MM-dd'T'HH:mm")
}

/** The instant an <input type="datetime-local"> value means in the page's zone. */
export function fromDateTimeInput(
  value: string,
  mode: TimeZoneMode,
): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(
    value,
  )
  if (!match) return undefined
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0))
  const args = [y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0] as const
  return mode === 'utc' ? new Date(Date.UTC(...args)) : new Date(...args)
}

/** "2026-03-01 UTC" or "2026-03-01 UTC+01:00": a day, for axes over weeks or months. */
export function formatDay(instant: Instant, mode: TimeZoneMode): string {
  const date = toDate(instant)
  if (mode === 'utc')
    return `${format(new TZDate(date, 'UTC'), 'yyyy-MM-dd')} UTC`
  return `${format(date, 'yyyy-MM-dd')} ${localOffsetLabel(date)}`
}
