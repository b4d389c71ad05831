import { ruleErrorCodes } from './error-codes'
import { formatUtc } from './format-utc'
import type { RetentionChanges } from './policy-retention-changes'
import { ok, refuse } from './result'
import type { RuleResult } from './result'

// S3 on the backup schedule: a Backup Compliance Policy "prevents any user, regardless of role,
// from modifying or deleting existing snapshots prior to their expiration" and forbids deleting
// its policy items (Atlas docs on BCP, PEERS.md §1). So under a BCP a schedule update may not
// delete snapshots (deleteSnapshots) nor shorten existing ones (updateSnapshots with a shorter
// retention), and the schedule may not be deleted. Lengthening retention stays allowed, and so
// does a shorter retention for future snapshots only (without updateSnapshots). Reference 003
// itself says nothing about compliance policies.

export type ScheduleChangeComplianceInput = {
  compliancePolicyEnabled: boolean
  /** The PATCH's deleteSnapshots: delete the snapshots of removed policy items. */
  deleteSnapshots?: boolean | null | undefined
  /** What the change does to existing snapshots (retentionChanges, P7). */
  retentionChanges: RetentionChanges
}

const forbids = "This project's Backup Compliance Policy forbids"

export function checkScheduleChangeCompliance(
  input: ScheduleChangeComplianceInput,
): RuleResult {
  if (!input.compliancePolicyEnabled) return ok
  if (input.deleteSnapshots === true) {
    return refuse(
      `${forbids} deleting snapshots; the snapshots of removed policy items stay until ` +
        'they expire. Save the policy without deleting them',
      'deleteSnapshots',
      ruleErrorCodes.compliancePolicy,
    )
  }
  const { updated, removed } = input.retentionChanges
  const shortened = [
    ...removed,
    ...updated.filter((c) => c.newExpiresAt < c.expiresAt),
  ].sort((a, b) => a.newExpiresAt.getTime() - b.newExpiresAt.getTime())
  const [first] = shortened
  if (first) {
    const count =
      shortened.length === 1 ? 'a snapshot' : `${shortened.length} snapshots`
    return refuse(
      `${forbids} shortening the retention of existing snapshots: this change would make ` +
        `${count} expire earlier (one at ${formatUtc(first.newExpiresAt)} instead of ` +
        `${formatUtc(first.expiresAt)}). Apply the new retention to future snapshots only`,
      'updateSnapshots',
      ruleErrorCodes.compliancePolicy,
    )
  }
  return ok
}

/** Deleting the schedule removes every policy item, which a Backup Compliance Policy forbids. */
export function checkScheduleDeletionCompliance(
  compliancePolicyEnabled: boolean,
): RuleResult {
  return compliancePolicyEnabled
    ? refuse(
        `${forbids} removing the backup schedule of its clusters; change its policy ` +
          'items instead, keeping at least the retention the policy requires',
        undefined,
        ruleErrorCodes.compliancePolicy,
      )
    : ok
}
