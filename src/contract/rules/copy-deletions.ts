import { ruleErrorCodes } from './error-codes'
import { type MaybeString, isAbsent } from './field-checks'
import { refuse } from './result'
import type { RuleRefusal } from './result'

// Removing a copy region asks whether to keep or delete the snapshots already copied there
// (reference 003: "Keep all snapshots in this region or Delete all snapshots in this region").
// The PATCH says "delete" by listing the removed setting in deleteCopiedBackups [spec]; kept
// copies "persist until their scheduled expiration date".

export type DeleteCopiedBackupInput = {
  zoneId?: MaybeString
  cloudProvider?: MaybeString
  regionName?: MaybeString
}

export type CopyDeletionInput = {
  copySettings?:
    readonly { zoneId?: MaybeString; regionName?: MaybeString }[] | undefined
  deleteCopiedBackups?: readonly DeleteCopiedBackupInput[] | undefined
}

const FIELDS = ['zoneId', 'cloudProvider', 'regionName'] as const

/**
 * Each entry names a whole copy setting that the update removes (one still in copySettings
 * keeps its copies). A Backup Compliance Policy keeps copied snapshots too (PEERS.md §1: "Keep
 * all snapshots when removing additional snapshot regions"): 403.
 */
export function validateCopyDeletions(
  input: CopyDeletionInput,
  compliancePolicyEnabled: boolean,
): RuleRefusal[] {
  const entries = input.deleteCopiedBackups ?? []
  if (entries.length === 0) return []
  if (compliancePolicyEnabled) {
    return [
      refuse(
        "This project's Backup Compliance Policy forbids deleting copied snapshots: remove the copy region and keep its snapshots until they expire",
        'deleteCopiedBackups',
        ruleErrorCodes.compliancePolicy,
      ),
    ]
  }
  const refusals: RuleRefusal[] = []
  entries.forEach((entry, k) => {
    const path = `deleteCopiedBackups.${k}`
    const missing = FIELDS.find((f) => isAbsent(entry[f]))
    if (missing) {
      refusals.push(
        refuse(
          `${missing} is required: name the zone, cloud provider and region whose copies go`,
          `${path}.${missing}`,
        ),
      )
      return
    }
    const kept = (input.copySettings ?? []).some(
      (s) => s.zoneId === entry.zoneId && s.regionName === entry.regionName,
    )
    if (kept) {
      refusals.push(
        refuse(
          `regionName ${entry.regionName ?? ''} is still a copy region: remove it from copySettings to delete its copies`,
          `${path}.regionName`,
        ),
      )
    }
  })
  return refusals
}
