import type { SnapshotFrequencyType, SnapshotType } from '../atlas/common'
import type { PolicyItemInput } from './policy-items'
import { addRetention } from './retention'

// P7: what saving a policy does to existing snapshots. With `updateSnapshots`, the new retention
// applies to "only snapshots created by the updated policy items and whose retention has not
// been updated individually" (reference 003); the new expiry counts from the snapshot's
// creation. A snapshot whose new expiry has already passed is removed. Deleted items leave their
// snapshots in place until they expire (reference 003), so they change nothing here.

export type ExistingSnapshotInput = {
  id: string
  createdAt: Date
  expiresAt: Date
  snapshotType: SnapshotType
  frequencyType?: SnapshotFrequencyType | undefined
  /** The ids of the policy items that produced it (DiskBackupSnapshot.policyItems). */
  policyItemIds?: readonly string[] | undefined
  /** Its expiry was changed on the snapshot itself (PATCH snapshot). */
  retentionOverridden?: boolean | undefined
}

export type RetentionChange = {
  id: string
  expiresAt: Date
  newExpiresAt: Date
}

export type RetentionChanges = {
  /** New expiry still ahead: extended or shortened. */
  updated: RetentionChange[]
  /** New expiry at or before now: Atlas deletes these on save. */
  removed: RetentionChange[]
}

export type RetentionChangesInput = {
  snapshots: readonly ExistingSnapshotInput[]
  oldItems: readonly PolicyItemInput[]
  newItems: readonly PolicyItemInput[]
  updateSnapshots: boolean
  now: Date
}

/**
 * The item of `items` that produced the snapshot: by id when the snapshot lists policy items,
 * otherwise the only item of its frequency (two weekly items without ids are ambiguous, and an
 * ambiguous match changes nothing rather than guessing).
 */
function producingItem(
  items: readonly PolicyItemInput[],
  snapshot: ExistingSnapshotInput,
): PolicyItemInput | undefined {
  const ids = snapshot.policyItemIds ?? []
  if (ids.length > 0) {
    // Several ids when overlapping items produced it; it belongs to the one of its frequency.
    const byId = items.filter(
      (item) => item.id !== undefined && ids.includes(item.id),
    )
    return (
      byId.find((item) => item.frequencyType === snapshot.frequencyType) ??
      byId[0]
    )
  }
  const sameType = items.filter(
    (item) => item.frequencyType === snapshot.frequencyType,
  )
  return sameType.length === 1 ? sameType[0] : undefined
}

export function retentionChanges(
  input: RetentionChangesInput,
): RetentionChanges {
  const changes: RetentionChanges = { updated: [], removed: [] }
  if (!input.updateSnapshots) return changes
  for (const snapshot of input.snapshots) {
    if (
      snapshot.snapshotType === 'onDemand' ||
      snapshot.retentionOverridden === true
    )
      continue
    const before = producingItem(input.oldItems, snapshot)
    const after = producingItem(input.newItems, snapshot)
    if (!before || !after) continue
    if (
      before.retentionValue === after.retentionValue &&
      before.retentionUnit === after.retentionUnit
    ) {
      continue
    }
    const newExpiresAt = addRetention(
      snapshot.createdAt,
      after.retentionValue,
      after.retentionUnit,
    )
    if (newExpiresAt.getTime() === snapshot.expiresAt.getTime()) continue
    const change = {
      id: snapshot.id,
      expiresAt: snapshot.expiresAt,
      newExpiresAt,
    }
    if (newExpiresAt.getTime() <= input.now.getTime())
      changes.removed.push(change)
    else changes.updated.push(change)
  }
  return changes
}
