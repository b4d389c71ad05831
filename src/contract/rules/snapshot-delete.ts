import { MAX_INT32, snapshotRetentionUnits } from '../atlas/common'
import type { RetentionUnit, SnapshotRetentionUnit } from '../atlas/common'
import type { DeploymentKind } from './delivery-type'
import { ruleErrorCodes } from './error-codes'
import { checkIntegerInRange } from './field-checks'
import { formatUtc } from './format-utc'
import { firstRefusal, ok, refuse } from './result'
import type { RuleResult } from './result'
import { addRetention } from './retention'

// S3: deleting a snapshot asks for confirmation, and "Deletion is blocked when a Backup
// Compliance Policy (BCP) is enabled"; under a BCP no one can "delete snapshots, or decrease
// their retention" (PEERS.md §1, Atlas docs on BCP). Also the change of one snapshot's expiry
// (updateGroupClusterBackupSnapshot, body BackupSnapshotRetention with UPPERCASE units).

/** The BFF request field (query or body) that carries the operator's confirmation. */
export const SNAPSHOT_DELETE_CONFIRMATION_FIELD = 'confirm'

export type SnapshotDeletionInput = {
  kind?: DeploymentKind | undefined
  compliancePolicyEnabled: boolean
  confirmed?: boolean | null | undefined
}

export function checkSnapshotDeletion(
  input: SnapshotDeletionInput,
): RuleResult {
  if (input.kind !== undefined && input.kind !== 'dedicated') {
    // The Flex and serverless APIs have no delete operation (ATLAS-CONTRACT.md §2).
    return refuse(
      'Atlas offers no way to delete Flex or serverless snapshots; they expire on their own',
      undefined,
      ruleErrorCodes.featureUnsupported,
    )
  }
  if (input.compliancePolicyEnabled) {
    return refuse(
      "This project's Backup Compliance Policy forbids deleting snapshots; they are removed " +
        'only when they expire',
      undefined,
      ruleErrorCodes.compliancePolicy,
    )
  }
  if (input.confirmed !== true) {
    return refuse(
      'Deleting a snapshot cannot be undone: confirm the deletion to go ahead',
      SNAPSHOT_DELETE_CONFIRMATION_FIELD,
      ruleErrorCodes.confirmationRequired,
    )
  }
  return ok
}

export type SnapshotExpiryChangeInput = {
  retentionUnit: SnapshotRetentionUnit
  retentionValue: number
  createdAt: Date
  currentExpiresAt: Date
  compliancePolicyEnabled: boolean
  now: Date
}

/**
 * The snapshot's expiry after the change. The retention counts from the snapshot's creation,
 * as a policy item's does (our reading: the spec only says how long Atlas "retains the snapshot").
 */
export function snapshotExpiryAfterChange(
  createdAt: Date,
  retentionValue: number,
  retentionUnit: SnapshotRetentionUnit,
): Date {
  return addRetention(
    createdAt,
    retentionValue,
    retentionUnit.toLowerCase() as RetentionUnit,
  )
}

/** The last year an ISO 8601 date-time (and Atlas's `expiresAt`) can name. */
export const MAX_EXPIRY_YEAR = 9999

export function checkSnapshotExpiryChange(
  input: SnapshotExpiryChangeInput,
): RuleResult {
  const fields = firstRefusal([
    (snapshotRetentionUnits as readonly string[]).includes(input.retentionUnit)
      ? ok
      : refuse(
          'retentionUnit must be DAYS, WEEKS, MONTHS or YEARS',
          'retentionUnit',
        ),
    checkIntegerInRange(input.retentionValue, 'retentionValue', 1, MAX_INT32),
  ])
  if (!fields.ok) return fields
  const expiresAt = snapshotExpiryAfterChange(
    input.createdAt,
    input.retentionValue,
    input.retentionUnit,
  )
  // An expiry no calendar holds (ISO 8601 dates end with the year 9999) would be stored as
  // an invalid date and break every later read of the snapshot list (found by src/bff/fuzz).
  if (
    Number.isNaN(expiresAt.getTime()) ||
    expiresAt.getUTCFullYear() > MAX_EXPIRY_YEAR
  ) {
    return refuse(
      `With this retention the snapshot would expire after the year ${MAX_EXPIRY_YEAR}; ` +
        'choose a shorter retention',
      'retentionValue',
    )
  }
  if (input.compliancePolicyEnabled && expiresAt < input.currentExpiresAt) {
    return refuse(
      "This project's Backup Compliance Policy forbids shortening a snapshot's retention: " +
        `it must stay until at least ${formatUtc(input.currentExpiresAt)}`,
      'retentionValue',
      ruleErrorCodes.compliancePolicy,
    )
  }
  if (expiresAt.getTime() <= input.now.getTime()) {
    return refuse(
      `With this retention the snapshot would expire at ${formatUtc(expiresAt)}, which has ` +
        'already passed; choose a longer retention, or delete the snapshot instead',
      'retentionValue',
    )
  }
  return ok
}
