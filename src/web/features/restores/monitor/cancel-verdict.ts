import type { LiveJob } from '../../../../contract/bff/job-events'
import {
  checkCancelFlexRestore,
  checkCancelRestore,
} from '../../../../contract/rules/restore-job-state'
import { type RuleResult, refuse } from '../../../../contract/rules/result'
import { type Role, canPerform } from '../../../../contract/rules/roles'

/**
 * Whether the operator may cancel this job now, and if not why: the same rules the BFF and
 * Atlas apply. Atlas may still refuse (405, a sharded restore under way); that answer is shown.
 */
export function cancelVerdict(
  job: LiveJob,
  role: Role | undefined,
): RuleResult {
  if (job.kind === 'flex') return checkCancelFlexRestore()
  // The serverless restore API has no cancel operation either (ATLAS-CONTRACT.md §2).
  if (job.kind === 'serverless') {
    return refuse(
      'Atlas offers no way to cancel a serverless restore; wait for it to finish',
    )
  }
  if (!job.doc) return refuse('The state of this job is not known yet')
  const running = checkCancelRestore(job.doc)
  if (!running.ok) return running
  if (!role) return refuse('Checking your role')
  return canPerform(role, 'cancelRestore')
}
