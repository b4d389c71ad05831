import type { BackupSchedule } from '../../contract/atlas/schedule'
import type { PolicyItemInput } from '../../contract/rules/policy-items'
import { scheduledSnapshots } from '../../contract/rules/policy-schedule'
import { retentionNominalDays } from '../../contract/rules/retention'
import type { SandboxContext } from '../context'
import type { SimulationStep } from '../simulate'
import { type StoredCluster, listAllClusters } from '../state/clusters-repo'
import { getSchedule } from '../state/schedules-repo'
import { getCursor, setCursor } from '../state/settings-repo'
import { storeSnapshot } from '../state/snapshots-repo'
import {
  advanceSnapshotStatuses,
  deleteExpiredSnapshots,
} from './snapshot-life'

// The clock's snapshot side: each dedicated cluster with backup on takes the snapshots its
// policy schedules between its cursor and now (policy-schedule.ts, shared with the P7
// estimate), then snapshots move queued → inProgress → completed and expire by retention.

const DAY_MS = 86_400_000

type Dedicated = Extract<StoredCluster, { kind: 'dedicated' }>

export function scheduleItems(
  schedule: BackupSchedule | undefined,
): PolicyItemInput[] {
  return schedule?.policies[0]?.policyItems ?? []
}

function takeDueSnapshots(
  ctx: SandboxContext,
  cluster: Dedicated,
  schedule: BackupSchedule,
  from: number,
  now: number,
): void {
  const items = scheduleItems(schedule)
  if (items.length === 0) return
  // A snapshot whose item kept it for less than (now - at) has expired already: skip it
  // rather than insert and delete it (a cluster seeded months ago fills in one pass).
  // Nominal days are the upper bound of a unit, so the span never cuts a live snapshot.
  const spanOf = (item: PolicyItemInput) =>
    now - retentionNominalDays(item.retentionValue, item.retentionUnit) * DAY_MS
  const due = scheduledSnapshots(
    { ...schedule, items },
    new Date(from),
    new Date(now),
    spanOf,
  )
  for (const snapshot of due) {
    if (snapshot.expiresAt.getTime() <= now) continue
    const owner = items[snapshot.itemIndex]
    storeSnapshot(
      ctx.db,
      cluster.doc,
      {
        groupId: cluster.groupId,
        clusterName: cluster.name,
        at: snapshot.at.getTime(),
        snapshotType: 'scheduled',
        frequencyType: snapshot.frequencyType,
        expiresAt: snapshot.expiresAt.getTime(),
        ...(owner?.id ? { policyItemIds: [owner.id] } : {}),
      },
      now,
    )
  }
}

export const takeScheduledSnapshots: SimulationStep = (ctx, now) => {
  for (const cluster of listAllClusters(ctx.db)) {
    if (cluster.kind !== 'dedicated') continue
    const { groupId, name } = cluster
    const cursor = getCursor(ctx.db, 'snapshots', groupId, name)
    // A cluster never seen before starts now: no snapshots before the clock met it.
    if (cursor !== undefined && cursor < now && cluster.doc.backupEnabled) {
      const schedule = getSchedule(ctx.db, groupId, name)
      if (schedule) takeDueSnapshots(ctx, cluster, schedule, cursor, now)
    }
    if (cursor === undefined || cursor < now) {
      setCursor(ctx.db, 'snapshots', groupId, name, now)
    }
  }
  advanceSnapshotStatuses(ctx.db, now)
  deleteExpiredSnapshots(ctx.db, now)
}
