import type { LiveJob } from '../../../../contract/bff/job-events'
import { formatInstant } from '../../../lib/format-time'
import { formatRelative } from '../../../lib/format-units'
import { useNow } from '../../../lib/use-now'
import { useTimeZone } from '../../../lib/time-zone'

/**
 * The BFF's last look at the job failed (a 429, an outage) or Atlas no longer knows the job:
 * what is shown is the last known state, with its age. A warning, not an error page.
 */
export function StaleWarning({ job }: { job: LiveJob }) {
  const { mode } = useTimeZone()
  // checkedAt is the BFF's clock, which is the browser's host's in practice, not Atlas's.
  const now = useNow(5_000)
  if (!job.stale) return null
  const problem = job.problem
  const gone = problem?.status === 404 || problem?.status === 410
  const checked = job.checkedAt ? Date.parse(job.checkedAt) : undefined
  return (
    <div className="banner banner-warn" role="status">
      <p>
        <strong>
          {gone
            ? 'Atlas no longer knows this job: the console stopped watching it.'
            : 'Atlas did not answer the last check of this job; the console keeps trying.'}
        </strong>{' '}
        {problem
          ? `${problem.detail} (${problem.status} ${problem.errorCode})`
          : ''}
      </p>
      <p>
        {checked !== undefined ? (
          <>
            Showing the state Atlas reported at{' '}
            <time dateTime={job.checkedAt ?? ''}>
              {formatInstant(checked, mode, { seconds: true })}
            </time>{' '}
            ({formatRelative(checked, now)}).
          </>
        ) : (
          'Showing the last state the console recorded; Atlas has not answered for this job since the console started.'
        )}
      </p>
    </div>
  )
}
