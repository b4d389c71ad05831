import type { DeliveryType } from '../../../../contract/atlas/common'
import {
  type RestoreJobState,
  isTerminalState,
} from '../../../../contract/rules/restore-job-state'
import { formatInstant } from '../../../lib/format-time'
import { formatDuration } from '../../../lib/format-units'
import { useNow } from '../../../lib/use-now'
import { useTimeZone } from '../../../lib/time-zone'
import { type Estimate, progressOf } from './estimate'
import { formatClock } from './job-text'

type JobProgressProps = {
  state: RestoreJobState
  delivery: DeliveryType | undefined
  startedAtMs: number
  finishedAtMs: number | undefined
  estimate: Estimate | undefined
  /** Atlas's clock minus the browser's (use-atlas-clock). */
  clockOffsetMs: number
}

const finishedJobs: Record<DeliveryType, string> = {
  automated: 'automated restores',
  download: 'downloads',
  pointInTime: 'point-in-time restores',
}

function estimateText(estimate: Estimate): string {
  const kind = finishedJobs[estimate.delivery]
  const where = estimate.source ? `of ${estimate.source}` : 'in this console'
  const of =
    estimate.count === 1
      ? `the one finished ${kind.replace(/s$/, '')} ${where}`
      : `the median of ${estimate.count} finished ${kind} ${where}`
  return `about ${formatDuration(estimate.medianMs / 1000)} (${of})`
}

/**
 * Elapsed time, ticking every second, and an estimate from the restores that finished before
 * (Atlas reports no progress of its own). Without an estimate the bar is indeterminate.
 */
export function JobProgress({
  state,
  delivery,
  startedAtMs,
  finishedAtMs,
  estimate,
  clockOffsetMs,
}: JobProgressProps) {
  const { mode } = useTimeZone()
  const now = useNow(1_000) + clockOffsetMs
  if (isTerminalState(state)) {
    if (finishedAtMs === undefined) {
      return <p>Ended. Atlas gives no time at which it ended.</p>
    }
    return (
      <p>
        Finished at{' '}
        <time dateTime={new Date(finishedAtMs).toISOString()}>
          {formatInstant(finishedAtMs, mode, { seconds: true })}
        </time>{' '}
        after <strong>{formatClock(finishedAtMs - startedAtMs)}</strong>.
      </p>
    )
  }
  const elapsed = Math.max(0, now - startedAtMs)
  const progress = progressOf(elapsed, estimate)
  const valueText = !estimate
    ? `${formatClock(elapsed)} elapsed; no estimate yet`
    : progress.overdue
      ? `${formatClock(elapsed)} elapsed; longer than the usual ${formatDuration(estimate.medianMs / 1000)}`
      : `${formatClock(elapsed)} of about ${formatDuration(estimate.medianMs / 1000)}: ${progress.percent}%`
  const kind = delivery ? finishedJobs[delivery] : 'restores'
  return (
    <>
      <progress
        className="job-progress"
        aria-label="Restore progress"
        max={100}
        value={progress.percent}
        aria-valuetext={valueText}
      />
      <p>
        {state === 'queued' ? 'Queued, waiting for Atlas to start it: ' : ''}
        Elapsed <strong>{formatClock(elapsed)}</strong>.
      </p>
      <p>
        {!estimate
          ? `No estimate yet: no ${kind} have finished in this console.`
          : progress.overdue
            ? `Taking longer than usual: such jobs take ${estimateText(estimate)}.`
            : `Estimate: ${estimateText(estimate)}; about ${formatClock(progress.remainingMs ?? 0)} left.`}
      </p>
    </>
  )
}
