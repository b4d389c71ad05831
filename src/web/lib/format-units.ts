// Compact, exact durations and sizes for dense tables: "3 h 5 min" rather than "about 3 hours".

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** 45 s, 12 min, 3 h 5 min, 2 d 4 h. Negative durations are shown as their size. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.abs(Math.round(totalSeconds))
  if (s < MINUTE) return `${s} s`
  if (s < HOUR) return `${Math.floor(s / MINUTE)} min`
  if (s < DAY) {
    const minutes = Math.floor((s % HOUR) / MINUTE)
    return `${Math.floor(s / HOUR)} h${minutes ? ` ${minutes} min` : ''}`
  }
  const hours = Math.floor((s % DAY) / HOUR)
  return `${Math.floor(s / DAY)} d${hours ? ` ${hours} h` : ''}`
}

/** "3 h ago" or "in 2 h", from the seconds between then and now. */
export function formatRelative(thenMs: number, nowMs: number): string {
  const seconds = (nowMs - thenMs) / 1000
  if (Math.abs(seconds) < 30) return 'just now'
  const size = formatDuration(seconds)
  return seconds > 0 ? `${size} ago` : `in ${size}`
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const

/** Decimal units, as Atlas shows storage: 13.4 GB. */
export function formatBytes(bytes: number): string {
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit += 1
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  return `${value.toFixed(digits)} ${UNITS[unit] ?? 'B'}`
}
