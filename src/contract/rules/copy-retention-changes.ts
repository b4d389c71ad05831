import { retentionUnits } from '../atlas/common'
import type { CopyKind } from './copy-kinds'
import type { CopyPolicyItemInput, CopySettingInput } from './copy-settings'
import { ruleErrorCodes } from './error-codes'
import { formatUtc } from './format-utc'
import { ok, refuse } from './result'
import type { RuleResult } from './result'
import { addRetention } from './retention'

// What a schedule PATCH does to copies already made in copy regions that stay (issue 9,
// ATLAS-CONTRACT.md §6). `updateCopySnapshots`: "apply the retention changes for updated copy
// policy items to Snapshot copies that MongoDB Cloud took previously" [spec]; the new expiry
// counts from when the snapshot was taken, as updateSnapshots does (P7), and a copy whose new
// expiry has passed goes on save. `deleteCopySnapshots`: "delete Snapshot copies … when their
// associated copyPolicyItems are removed from a copySetting" [spec]. Without either flag the
// copies keep their expiry. Copies of a removed copy setting are deleteCopiedBackups' business
// (copy-deletions.ts), and copies made by lastNumberOfSnapshots follow that count, not items.

export type ExistingCopyInput = {
  snapshotId: string
  /** When the snapshot was taken: a new copy retention counts from then. */
  createdAt: Date
  /** The kind of the snapshot copied (snapshotCopyKind). */
  kind: CopyKind | undefined
  zoneId: string
  regionName: string
  expiresAt: Date
  /** Made by a lastNumberOfSnapshots setting. */
  lastOf?: number | undefined
}

export type CopyChange = {
  snapshotId: string
  zoneId: string
  regionName: string
  kind: CopyKind
  expiresAt: Date
  /** The new expiry; absent for a copy deleted with its copy policy item. */
  newExpiresAt?: Date
}

export type CopyChanges = {
  /** New expiry still ahead. */
  updated: CopyChange[]
  /** New expiry at or before now: the copy goes on save. */
  removed: CopyChange[]
  /** Its kind's copy policy item was removed, with deleteCopySnapshots. */
  deleted: CopyChange[]
}

export type CopyChangesInput = {
  copies: readonly ExistingCopyInput[]
  /** Both in the current form (currentCopySettings). */
  oldSettings: readonly CopySettingInput[]
  newSettings: readonly CopySettingInput[]
  updateCopySnapshots: boolean
  deleteCopySnapshots: boolean
  now: Date
}

const samePlace = (
  setting: CopySettingInput,
  copy: { zoneId: string; regionName: string },
) => setting.zoneId === copy.zoneId && setting.regionName === copy.regionName

function itemOf(
  setting: CopySettingInput | undefined,
  kind: CopyKind,
): CopyPolicyItemInput | undefined {
  if (!setting || setting.lastNumberOfSnapshots != null) return undefined
  return setting.copyPolicyItems?.find((i) => i.frequencyType === kind)
}

/** The new expiry an item gives a copy, when both retentions are whole and differ. */
function newExpiry(
  copy: ExistingCopyInput,
  before: CopyPolicyItemInput,
  after: CopyPolicyItemInput,
): Date | undefined {
  if (after.frequencyType === 'ondemand') return undefined
  const unit = retentionUnits.find((u) => u === after.retentionUnit)
  const value = after.retentionValue
  if (!unit || typeof value !== 'number' || !Number.isInteger(value)) {
    return undefined
  }
  if (
    before.retentionUnit === after.retentionUnit &&
    before.retentionValue === after.retentionValue
  ) {
    return undefined
  }
  const next = addRetention(copy.createdAt, value, unit)
  return next.getTime() === copy.expiresAt.getTime() ? undefined : next
}

export function copyRetentionChanges(input: CopyChangesInput): CopyChanges {
  const changes: CopyChanges = { updated: [], removed: [], deleted: [] }
  if (!input.updateCopySnapshots && !input.deleteCopySnapshots) return changes
  for (const copy of input.copies) {
    const kind = copy.kind
    if (kind === undefined || copy.lastOf !== undefined) continue
    const after = input.newSettings.find((s) => samePlace(s, copy))
    if (!after) continue
    const oldItem = itemOf(
      input.oldSettings.find((s) => samePlace(s, copy)),
      kind,
    )
    if (!oldItem) continue
    const base = {
      snapshotId: copy.snapshotId,
      zoneId: copy.zoneId,
      regionName: copy.regionName,
      kind,
      expiresAt: copy.expiresAt,
    }
    const newItem = itemOf(after, kind)
    if (!newItem) {
      if (input.deleteCopySnapshots) changes.deleted.push(base)
      continue
    }
    if (!input.updateCopySnapshots) continue
    const newExpiresAt = newExpiry(copy, oldItem, newItem)
    if (!newExpiresAt) continue
    const change = { ...base, newExpiresAt }
    if (newExpiresAt.getTime() <= input.now.getTime()) {
      changes.removed.push(change)
    } else {
      changes.updated.push(change)
    }
  }
  return changes
}

const forbids = "This project's Backup Compliance Policy forbids"

/**
 * S3 for copies, as for snapshots (compliance-policy.ts): under a Backup Compliance Policy a
 * PATCH may neither delete copies (deleteCopySnapshots) nor make existing ones expire earlier
 * (updateCopySnapshots with a shorter copy retention). A longer one stays allowed.
 */
export function checkCopyChangeCompliance(input: {
  compliancePolicyEnabled: boolean
  deleteCopySnapshots?: boolean | null | undefined
  changes: CopyChanges
}): RuleResult {
  if (!input.compliancePolicyEnabled) return ok
  if (input.deleteCopySnapshots === true) {
    return refuse(
      `${forbids} deleting copied snapshots; the copies of removed copy policy items stay ` +
        'until they expire. Save without deleting them',
      'deleteCopySnapshots',
      ruleErrorCodes.compliancePolicy,
    )
  }
  const shortened = [
    ...input.changes.removed,
    ...input.changes.updated.filter(
      (c) => c.newExpiresAt !== undefined && c.newExpiresAt < c.expiresAt,
    ),
  ]
  const [first] = shortened
  if (first?.newExpiresAt) {
    const count =
      shortened.length === 1 ? 'a copy' : `${shortened.length} copies`
    return refuse(
      `${forbids} shortening the retention of existing copies: this change would make ` +
        `${count} in ${first.regionName} expire earlier (one at ${formatUtc(first.newExpiresAt)} ` +
        `instead of ${formatUtc(first.expiresAt)}). Apply the new copy retention to future copies only`,
      'updateCopySnapshots',
      ruleErrorCodes.compliancePolicy,
    )
  }
  return ok
}
