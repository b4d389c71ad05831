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
    <dl className="conversions">
      <div>
        <dt>UTC</dt>
        <dd>{describeInstant(instant.seconds, 'UTC')}</dd>
      </div>
      <div>
        <dt>Local</dt>
        <dd>{describeInstant(instant.seconds, timeZone)}</dd>
      </div>
      <div>
        <dt>Epoch seconds</dt>
        <dd>{instant.seconds}</dd>
      </div>
    </dl>
  )
}
