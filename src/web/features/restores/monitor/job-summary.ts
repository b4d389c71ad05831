import type { LiveJob } from '../../../../contract/bff/job-events'
import type { RestoreJobState } from '../../../../contract/rules/restore-job-state'
import { deliveryOf, targetOf } from './job-model'

// One sentence per state: what it means for the operator now.

export function jobTitle(job: LiveJob): string {
  const delivery = deliveryOf(job)
  const target = targetOf(job)
  const what =
    delivery === 'download'
      ? 'Download'
      : delivery === 'pointInTime'
        ? 'Point-in-time restore'
        : 'Restore'
  return `${what} of ${job.clusterName}${target ? ` onto ${target.name}` : ''}`
}

export function stateSentence(job: LiveJob, state: RestoreJobState): string {
  const download = deliveryOf(job) === 'download'
  const target = targetOf(job)?.name ?? 'the target'
  switch (state) {
    case 'queued':
      return 'Atlas has queued the job; it has not started yet.'
    case 'inProgress':
      return download
        ? 'Atlas is preparing the download archive.'
        : `Atlas is restoring ${job.clusterName} onto ${target}; ${target} is unavailable until it finishes.`
    case 'completed':
      return download
        ? 'The download finished.'
        : `The restore completed: ${target} now holds the restored data of ${job.clusterName}.`
    case 'downloadReady':
      return 'The download link is ready.'
    case 'failed':
      return download
        ? 'Atlas reports that the download failed. It gives no reason; its record is below.'
        : `Atlas reports that the restore failed. It gives no reason; its record is below. Check ${target} before using it, and quote the Atlas job id to MongoDB support.`
    case 'cancelled':
      return download
        ? 'The download was cancelled.'
        : `The restore was cancelled. Check ${target} before using it: its data may be partly replaced.`
    case 'expired':
      return download
        ? 'The download link has expired.'
        : 'Atlas has expired this job.'
  }
}
