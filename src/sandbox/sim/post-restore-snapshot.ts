import { DEFAULT_RESTORE_WINDOW_DAYS } from '../../contract/rules/policy-default'
import { postRestoreSnapshotExpiry } from '../../contract/rules/restore-window'
import { SERVERLESS_PIT_WINDOW_HOURS } from '../../contract/rules/serverless-restore'
import type { SandboxContext } from '../context'
import { getCluster } from '../state/clusters-repo'
import { addLineageSegment } from '../state/lineage-repo'
import { getSchedule } from '../state/schedules-repo'
import {
  SERVERLESS_BASIC_KEEP_MS,
  insertServerlessSnapshot,
} from '../state/serverless-backups-repo'
import { takeSnapshot } from '../state/snapshots-repo'

// What follows a completed restore of any kind (dedicated, flex, serverless), whatever kind of
// target it wrote to: the target holds the source's data as of the snapshot or the instant
// restored (data lineage, issue 3), and R10: "After the restore completes, Atlas takes a
// snapshot of the restored cluster. This snapshot has a retention period equal to the
// cluster's continuous cloud backup window" (reference 000). That snapshot also ends the
// target's R4 blackout.
//
// What the snapshot looks like, decided here once: snapshotType 'scheduled' (Atlas takes it on
// its own: it is not on demand, and not a fallback, which replaces a failed regular snapshot),
// no frequencyType and no policyItems (no policy item produced it, and the spec's frequency enum
// has no value for it; the field is optional). A client then counts it among the policy
// snapshots (S2 "View Snapshots by Policy") and no frequency filter matches it.

const HOUR_MS = 3_600_000

type Target = { groupId: string; name: string }

/** Takes the snapshot of the target at `at`, unless already expired by `now`; returns its id. */
export function takePostRestoreSnapshot(
  ctx: SandboxContext,
  target: Target,
  at: number,
  now: number,
): string | undefined {
  const cluster = getCluster(ctx.db, target.groupId, target.name)
  if (cluster?.kind === 'dedicated') {
    if (!cluster.doc.backupEnabled) return undefined
    const days =
      getSchedule(ctx.db, target.groupId, target.name)?.restoreWindowDays ??
      DEFAULT_RESTORE_WINDOW_DAYS
    const expiresAt = postRestoreSnapshotExpiry(new Date(at), days).getTime()
    if (expiresAt <= now) return undefined
    return takeSnapshot(ctx, {
      groupId: target.groupId,
      clusterName: target.name,
      at,
      snapshotType: 'scheduled',
      expiresAt,
    }).id
  }
  if (cluster?.kind === 'serverless') {
    const continuous =
      cluster.doc.serverlessBackupOptions?.serverlessContinuousBackupEnabled !==
      false
    const expiresAt =
      at +
      (continuous
        ? SERVERLESS_PIT_WINDOW_HOURS * HOUR_MS
        : SERVERLESS_BASIC_KEEP_MS)
    if (expiresAt <= now) return undefined
    return insertServerlessSnapshot(
      ctx.db,
      { ...cluster.doc, ...target },
      at,
      { expiresAt },
      now,
    ).id
  }
  // Flex targets take only their daily snapshots (reference 003).
  return undefined
}

/** A completed restore: where its data went, when, and as of when the source had it. */
export type LandedRestore = {
  target: Target
  finishedAt: number
  originAt: number
}

/**
 * A restore job of any kind, stored under its source, completed: the target's new data
 * (lineage), then its snapshot. Returns the snapshot's id.
 */
export function landRestore(
  ctx: SandboxContext,
  job: { id: string; groupId: string; clusterName: string },
  { target, finishedAt, originAt }: LandedRestore,
  now: number,
): string | undefined {
  addLineageSegment(ctx.db, target.groupId, target.name, {
    since: finishedAt,
    origin: {
      groupId: job.groupId,
      clusterName: job.clusterName,
      at: originAt,
    },
    restoreJobId: job.id,
  })
  return takePostRestoreSnapshot(ctx, target, finishedAt, now)
}
