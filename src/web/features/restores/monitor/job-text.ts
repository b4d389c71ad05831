import type { LiveJob } from '../../../../contract/bff/job-events'
import { formatInstant } from '../../../lib/format-time'
import { formatDuration } from '../../../lib/format-units'
import type { TimeZoneMode } from '../../../lib/time-zone'
import type { JobInstant } from './job-instant'

// Short texts shared by the jobs table and the job page.

/** "snapshot of 2026-03-01 12:00:00 UTC", "point in time …", "oplog 1767225600.3 (…)". */
export function instantText(
  instant: JobInstant | undefined,
  mode: TimeZoneMode,
): string {
  if (!instant) return 'Not known yet'
  const at = (ms: number) => formatInstant(ms, mode, { seconds: true })
  switch (instant.kind) {
    case 'snapshot':
      return instant.at !== undefined
        ? `Snapshot of ${at(instant.at)}`
        : `Snapshot ${instant.snapshotId ?? '(unknown)'}`
    case 'pointInTime':
      return `Point in time ${at(instant.at)}`
    case 'oplog':
      return `Oplog ${instant.ts}.${instant.inc} (${at(instant.at)})`
  }
}

/** Who started the job: a console user, or someone outside the console (Atlas keeps no author). */
export function starterText(job: LiveJob): string {
  return job.createdBy === null
    ? 'outside Backup Console'
    : `by ${job.createdBy}`
}

/** "1 h 5 min 12 s": exact to the second, for elapsed times and countdowns. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  if (total < 60) return `${total} s`
  const seconds = total % 60
  return `${formatDuration(total - seconds)}${seconds ? ` ${seconds} s` : ''}`
}
