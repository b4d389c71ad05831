import type {
  BackupSchedule,
  BackupScheduleUpdate,
  PolicyItem,
} from '../../contract/atlas/schedule'
import type { PolicyItemInput } from '../../contract/rules/policy-items'
import {
  type RetentionChanges,
  retentionChanges,
} from '../../contract/rules/policy-retention-changes'
import { scheduledSnapshots } from '../../contract/rules/policy-schedule'
import type { SandboxContext } from '../context'
import { newObjectId } from '../state/ids'
import {
  deleteSnapshot,
  listSnapshots,
  setSnapshotExpiry,
} from '../state/snapshots-repo'
import { isoSeconds } from './snapshot-doc'

// The schedule's moving parts: the next snapshot it will take (from the same generator the
// clock uses), how a PATCH merges into the stored schedule, and what it does to existing
// snapshots (P7: updateSnapshots, deleteSnapshots).

const DAY_MS = 86_400_000

/** The first instant after now; a yearly-only policy may look a year ahead. */
export function nextSnapshotAt(
  schedule: BackupSchedule,
  now: number,
): number | undefined {
  const items = schedule.policies[0]?.policyItems ?? []
  if (items.length === 0) return undefined
  for (const days of [2, 32, 400]) {
    const [first] = scheduledSnapshots(
      { ...schedule, items },
      new Date(now),
      new Date(now + days * DAY_MS),
    )
    if (first) return first.at.getTime()
  }
  return undefined
}

/** The schedule as GET returns it; a cluster without Cloud Backup takes no next snapshot. */
export function scheduleView(
  schedule: BackupSchedule,
  now: number,
  backupEnabled: boolean,
) {
  const next = backupEnabled ? nextSnapshotAt(schedule, now) : undefined
  return next === undefined
    ? schedule
    : { ...schedule, nextSnapshot: isoSeconds(next) }
}

/**
 * Items keep their ids; an item sent without one takes the id of the stored item of the same
 * frequency and interval (the item it edits), or a new id when it is new.
 */
function mergeItems(
  stored: readonly PolicyItem[],
  sent: readonly PolicyItem[],
  at: number,
): PolicyItem[] {
  const storedIds = new Set(stored.map((i) => i.id))
  const claimed = new Set(
    sent.flatMap((i) => (i.id && storedIds.has(i.id) ? [i.id] : [])),
  )
  return sent.map((item) => {
    if (item.id && storedIds.has(item.id)) return item
    const match = stored.find(
      (s) =>
        s.id !== undefined &&
        !claimed.has(s.id) &&
        s.frequencyType === item.frequencyType &&
        s.frequencyInterval === item.frequencyInterval,
    )
    const id = match?.id ?? newObjectId(at)
    claimed.add(id)
    return { ...item, id }
  })
}

const writeOnly = [
  'updateSnapshots',
  'deleteSnapshots',
  'updateCopySnapshots',
  'deleteCopySnapshots',
  'deleteCopiedBackups',
] as const
const readOnly = ['clusterId', 'clusterName', 'nextSnapshot', 'links'] as const

/** "provide only the fields that you want to update" [spec]: the rest stays as stored. */
export function mergeSchedule(
  stored: BackupSchedule,
  body: BackupScheduleUpdate,
  now: number,
): BackupSchedule {
  const dropped = new Set<string>([...writeOnly, ...readOnly])
  const fields = Object.fromEntries(
    Object.entries(body).filter(([key]) => !dropped.has(key)),
  )
  const storedPolicy = stored.policies[0]
  const sentPolicy = body.policies[0]
  const policies = sentPolicy
    ? [
        {
          ...sentPolicy,
          id: storedPolicy?.id ?? sentPolicy.id ?? newObjectId(now),
          policyItems: mergeItems(
            storedPolicy?.policyItems ?? [],
            sentPolicy.policyItems,
            now,
          ),
        },
      ]
    : stored.policies
  return { ...stored, ...fields, policies }
}

/** What updateSnapshots would do to the cluster's snapshots (P7, through the shared rule). */
export function planRetentionChanges(
  ctx: SandboxContext,
  where: { groupId: string; clusterName: string },
  items: { old: readonly PolicyItemInput[]; new: readonly PolicyItemInput[] },
  updateSnapshots: boolean,
  now: number,
): RetentionChanges {
  const snapshots = listSnapshots(ctx, where.groupId, where.clusterName)
  return retentionChanges({
    snapshots: snapshots.map((s) => ({
      id: s.id,
      createdAt: new Date(s.createdAt),
      expiresAt: new Date(s.sim.expiresAt),
      snapshotType: s.doc.snapshotType ?? 'scheduled',
      frequencyType: s.doc.frequencyType,
      policyItemIds: s.doc.policyItems,
      retentionOverridden: s.sim.retentionOverridden,
    })),
    oldItems: items.old,
    newItems: items.new,
    updateSnapshots,
    now: new Date(now),
  })
}

/** Applies the planned retention changes, then deleteSnapshots, to the cluster's snapshots. */
export function applyPolicyToSnapshots(
  ctx: SandboxContext,
  where: { groupId: string; clusterName: string },
  items: { old: readonly PolicyItemInput[]; new: readonly PolicyItemInput[] },
  changes: RetentionChanges,
  deleteSnapshots: boolean,
): void {
  const snapshots = listSnapshots(ctx, where.groupId, where.clusterName)
  const byId = new Map(snapshots.map((s) => [s.id, s]))
  for (const change of changes.updated) {
    const snapshot = byId.get(change.id)
    if (snapshot) {
      setSnapshotExpiry(ctx, snapshot, change.newExpiresAt.getTime(), false)
    }
  }
  for (const change of changes.removed) deleteSnapshot(ctx, change.id)
  if (!deleteSnapshots) return
  // "Delete existing snapshots when deleting the associated policy" [spec].
  const kept = new Set(items.new.map((i) => i.id))
  const removed = new Set(
    items.old.flatMap((i) => (i.id && !kept.has(i.id) ? [i.id] : [])),
  )
  for (const snapshot of snapshots) {
    const ids = snapshot.doc.policyItems ?? []
    if (snapshot.doc.snapshotType === 'onDemand' || ids.length === 0) continue
    if (ids.every((id) => removed.has(id))) deleteSnapshot(ctx, snapshot.id)
  }
}
