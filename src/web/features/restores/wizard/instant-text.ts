import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

// The point in time as the operator types it: "YYYY-MM-DD HH:mm:ss" in the zone they chose
// (UTC or their own), to the second (R4: the API takes whole UTC epoch seconds). An explicit
// "Z" or "+02:00" at the end wins over the chosen zone, since it cannot be misread.

const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?$/i

const SHOWN = 'yyyy-MM-dd HH:mm:ss'

export const INSTANT_FORMAT_HINT = 'YYYY-MM-DD HH:mm:ss'

/** The browser's IANA zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

function offsetMinutes(text: string): number {
  if (text.toUpperCase() === 'Z') return 0
  const sign = text.startsWith('-') ? -1 : 1
  const digits = text.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)))
}

export type ParsedInstant =
  { ok: true; seconds: number } | { ok: false; reason: string }

/** Epoch seconds of the typed text in `timeZone` ('UTC' or an IANA name). */
export function parseInstantText(
  text: string,
  timeZone: string,
): ParsedInstant {
  const match = PATTERN.exec(text.trim())
  if (!match) {
    return {
      ok: false,
      reason: `Enter the date and time as ${INSTANT_FORMAT_HINT}, for example 2026-03-01 14:30:00`,
    }
  }
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map((p) => Number(p ?? 0))
  const fields = [
    y ?? 0,
    (mo ?? 1) - 1,
    d ?? 1,
    h ?? 0,
    mi ?? 0,
    s ?? 0,
  ] as const
  const offset = match[7]
  const ms =
    offset === undefined
      ? new TZDate(...fields, timeZone).getTime()
      : Date.UTC(...fields) - offsetMinutes(offset) * 60_000
  // Reading the instant back catches 2026-02-30 and local times skipped by daylight saving.
  const typed = `${match[1]}-${match[2]}-${match[3]} ${match[4]}:${match[5]}:${match[6] ?? '00'}`
  const zoneBack = offset === undefined ? timeZone : 'UTC'
  const back = format(
    new TZDate(offset === undefined ? ms : Date.UTC(...fields), zoneBack),
    SHOWN,
  )
  if (Number.isNaN(ms) || back !== typed) {
    return {
      ok: false,
      reason: `${typed} does not exist${offset === undefined && timeZone !== 'UTC' ? ` in ${timeZone} (a daylight-saving change skips it)` : ''}; check the date and time`,
    }
  }
  return { ok: true, seconds: Math.floor(ms / 1000) }
}

/** "2026-03-01 14:30:00" in the zone. */
export function formatInstantText(seconds: number, timeZone: string): string {
  return format(new TZDate(seconds * 1000, timeZone), SHOWN)
}

/** "UTC+01:00" of the zone at that instant. */
export function offsetLabel(seconds: number, timeZone: string): string {
  return `UTC${format(new TZDate(seconds * 1000, timeZone), 'xxx')}`
}

/** "2026-03-01 14:30:00 UTC" or "2026-03-01 15:30:00 UTC+01:00 (Europe/Berlin)". */
export function describeInstant(seconds: number, timeZone: string): string {
  const text = formatInstantText(seconds, timeZone)
  if (timeZone === 'UTC') return `${text} UTC`
  return `${text} ${offsetLabel(seconds, timeZone)} (${timeZone})`
}
