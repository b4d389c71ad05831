import type { LiveJob } from '../../../../contract/bff/job-events'
import type { RestoreJobState } from '../../../../contract/rules/restore-job-state'
import { linkExpiresAtMs } from './job-model'

// The seven states of R10 as the pages show them: a word and an icon, never colour alone.

export const stateLabels: Record<RestoreJobState, string> = {
  queued: 'Queued',
  inProgress: 'In progress',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  expired: 'Expired',
  downloadReady: 'Download ready',
}

export const stateIcons: Record<RestoreJobState, string> = {
  queued: '◷',
  inProgress: '↻',
  completed: '✓',
  failed: '✕',
  cancelled: '⊘',
  expired: '⌛',
  downloadReady: '⤓',
}

/**
 * The state to show at `nowMs` (Atlas's clock). The BFF stops watching a download once its link
 * is ready, so it never sees the link expire: past the expiry the page says so by itself.
 */
export function shownState(job: LiveJob, nowMs: number): RestoreJobState {
  if (job.state !== 'downloadReady') return job.state
  const expires = linkExpiresAtMs(job)
  return expires !== undefined && expires <= nowMs ? 'expired' : job.state
}
