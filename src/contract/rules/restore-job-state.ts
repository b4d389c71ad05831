import type {
  DeliveryType,
  FlexDeliveryType,
  FlexStatus,
} from '../atlas/common'
import { ruleErrorCodes } from './error-codes'
import { ok, refuse } from './result'
import type { RuleResult } from './result'

// R10: a dedicated restore job has no status field. Derive it as the official CLI's
// `restores watch` does: finished when failed, cancelled or expired is true, finishedAt is set,
// or (download) deliveryUrl is non-empty; outcome precedence failed → expired → cancelled →
// success (ATLAS-CONTRACT.md §7).

export const restoreJobStates = [
  'queued',
  'inProgress',
  'completed',
  'failed',
  'cancelled',
  'expired',
  'downloadReady',
] as const
export type RestoreJobState = (typeof restoreJobStates)[number]

export type RestoreJobInput = {
  deliveryType: DeliveryType
  cancelled?: boolean | null | undefined
  failed?: boolean | null | undefined
  expired?: boolean | null | undefined
  finishedAt?: string | Date | null | undefined
  deliveryUrl?: readonly string[] | null | undefined
}

function hasDeliveryUrl(job: RestoreJobInput): boolean {
  return (job.deliveryUrl ?? []).some((url) => url !== '')
}

/**
 * 'queued' never comes out for a dedicated job: Atlas gives no signal that tells a waiting job
 * from a running one, so every unfinished job is 'inProgress'. Only Flex jobs (PENDING, QUEUED)
 * are 'queued'. A download whose link is ready is 'downloadReady', finished but worth its own
 * label because the operator has to act on it.
 */
export function restoreJobState(job: RestoreJobInput): RestoreJobState {
  if (job.failed === true) return 'failed'
  if (job.expired === true) return 'expired'
  if (job.cancelled === true) return 'cancelled'
  if (job.deliveryType === 'download' && hasDeliveryUrl(job)) {
    return 'downloadReady'
  }
  if (
    job.finishedAt !== undefined &&
    job.finishedAt !== null &&
    job.finishedAt !== ''
  ) {
    return 'completed'
  }
  return 'inProgress'
}

export function isTerminalState(state: RestoreJobState): boolean {
  return state !== 'queued' && state !== 'inProgress'
}

export function isRestoreJobFinished(job: RestoreJobInput): boolean {
  return isTerminalState(restoreJobState(job))
}

export type RestoreOutcome = 'failed' | 'expired' | 'cancelled' | 'success'

/** The CLI's exit outcome, or undefined while the job is still running. */
export function restoreJobOutcome(
  job: RestoreJobInput,
): RestoreOutcome | undefined {
  const state = restoreJobState(job)
  if (!isTerminalState(state)) return undefined
  if (state === 'failed' || state === 'expired' || state === 'cancelled')
    return state
  return 'success'
}

export type FlexRestoreJobInput = {
  status: FlexStatus
  deliveryType?: FlexDeliveryType | undefined
  snapshotUrl?: string | null | undefined
  expirationDate?: Date | null | undefined
}

/**
 * Flex jobs carry a status; the CLI treats COMPLETED and FAILED as terminal. A completed
 * download is 'downloadReady' until its link expires (four hours, R6), then 'expired'.
 */
export function flexRestoreJobState(
  job: FlexRestoreJobInput,
  now: Date,
): RestoreJobState {
  switch (job.status) {
    case 'PENDING':
    case 'QUEUED':
      return 'queued'
    case 'RUNNING':
      return 'inProgress'
    case 'FAILED':
      return 'failed'
    case 'COMPLETED':
      if (job.deliveryType !== 'DOWNLOAD') return 'completed'
      if (job.expirationDate && job.expirationDate.getTime() <= now.getTime()) {
        return 'expired'
      }
      return job.snapshotUrl ? 'downloadReady' : 'completed'
  }
}

/** Whether the console offers Cancel; Atlas may still answer 405 (explainCancelNotAllowed). */
export function checkCancelRestore(job: RestoreJobInput): RuleResult {
  const state = restoreJobState(job)
  if (!isTerminalState(state)) return ok
  const how =
    state === 'downloadReady' ? 'its download link is ready' : `it is ${state}`
  return refuse(
    `This restore job has already finished (${how}); there is nothing to cancel`,
    undefined,
    ruleErrorCodes.restoreJobFinished,
  )
}

/** The Flex API has no cancel operation (ATLAS-CONTRACT.md §2, ops 27–32). */
export function checkCancelFlexRestore(): RuleResult {
  return refuse(
    'Atlas offers no way to cancel a Flex restore; wait for it to finish',
    undefined,
    ruleErrorCodes.cancelNotAllowed,
  )
}

/** Plain words for a 405 from DELETE restoreJobs/{id}, instead of the raw envelope. */
export function explainCancelNotAllowed(errorCode?: string): string {
  const sharded = errorCode === ruleErrorCodes.cancelNotAllowed
  return (
    'Atlas refused to cancel this restore job' +
    (sharded
      ? ': a restore of a sharded cluster cannot be cancelled once it has started'
      : '') +
    '. The job continues; watch it until it finishes, then restore again if needed.'
  )
}
