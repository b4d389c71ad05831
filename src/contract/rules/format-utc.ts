// Reasons name instants in UTC, the zone the Atlas API speaks (R4, P6); the UI adds local time.

/** "2026-03-01 12:00:00 UTC" for an epoch-ms value or a Date. */
export function formatUtc(instant: Date | number): string {
  const date = typeof instant === 'number' ? new Date(instant) : instant
  const iso = date.toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`
}

/** The same for epoch seconds, the unit of pointInTimeUTCSeconds and oplogTs. */
export function formatUtcSeconds(seconds: number): string {
  return formatUtc(seconds * 1000)
}
