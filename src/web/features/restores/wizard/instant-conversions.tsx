import { describeInstant } from './instant-text'

type InstantConversionsProps = {
  instant: { ok: true; seconds: number } | { ok: false }
  timeZone: string
}

/** The typed instant in UTC, in local time and as the epoch seconds the API takes (R4). */
export function InstantConversions({
  instant,
  timeZone,
}: InstantConversionsProps) {
  if (!instant.ok) return null
  return (
    <p className="conversions">
      <span>UTC: {describeInstant(instant.seconds, 'UTC')}</span>
      <span>Local: {describeInstant(instant.seconds, timeZone)}</span>
      <span>Epoch seconds: {instant.seconds}</span>
    </p>
  )
}
