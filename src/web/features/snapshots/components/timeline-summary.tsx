import type {
  RestoreBlackout,
  TimeRange,
} from '../../../../contract/rules/restore-window'
import { formatInstant } from '../../../lib/format-time'
import { formatDuration } from '../../../lib/format-units'
import { useTimeZone } from '../../../lib/time-zone'

type TimelineSummaryProps = {
  pitEnabled: boolean
  windowDays: number | undefined
  window: TimeRange | undefined
  blackouts: readonly RestoreBlackout[]
  gaps: readonly TimeRange[]
  shown: number
  total: number
}

const MAX_LISTED = 5

/** The picture in words: the restore window, the blackouts and the gaps, for everyone. */
export function TimelineSummary({
  pitEnabled,
  windowDays,
  window,
  blackouts,
  gaps,
  shown,
  total,
}: TimelineSummaryProps) {
  const { mode } = useTimeZone()
  const span = (r: { start: Date; end?: Date | undefined }) =>
    `${formatInstant(r.start, mode)} to ${r.end ? formatInstant(r.end, mode) : 'the snapshot Atlas takes once the restore completes'}`
  return (
    <div className="timeline-summary">
      <p>
        {shown} of {total} snapshots in this span.{' '}
        {pitEnabled && window
          ? `Point-in-time restore: any second from ${span(window)} (${windowDays ?? '?'}-day window).`
          : pitEnabled
            ? 'Continuous backup is on; its window is not known yet.'
            : 'Continuous backup is off: restores go back to snapshots only.'}
      </p>
      {blackouts.length > 0 ? (
        <>
          <p>Post-restore blackouts (not restorable):</p>
          <ul>
            {blackouts.map((b) => (
              <li key={b.start.getTime()}>{span(b)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {gaps.length > 0 ? (
        <>
          <p>Gaps without a completed snapshot:</p>
          <ul>
            {gaps
              .slice(-MAX_LISTED)
              .reverse()
              .map((g) => (
                <li key={g.start.getTime()}>
                  {formatDuration((g.end.getTime() - g.start.getTime()) / 1000)}
                  : {span(g)}
                </li>
              ))}
          </ul>
          {gaps.length > MAX_LISTED ? (
            <p>…and {gaps.length - MAX_LISTED} earlier gaps.</p>
          ) : null}
        </>
      ) : (
        <p>No gaps: every stretch has the snapshots its policy expects.</p>
      )}
    </div>
  )
}
