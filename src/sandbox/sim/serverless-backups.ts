import type {
  ServerlessRestoreJob,
  ServerlessSnapshot,
} from '../../contract/atlas/serverless'
import type { PolicyItemInput } from '../../contract/rules/policy-items'
import { scheduledSnapshots } from '../../contract/rules/policy-schedule'
import { retentionNominalDays } from '../../contract/rules/retention'
import { SERVERLESS_PIT_WINDOW_HOURS } from '../../contract/rules/serverless-restore'
import type { SandboxContext } from '../context'
import { seedGroups } from '../seed-organisation'
import { listAllClusters } from '../state/clusters-repo'
import { updateDocument } from '../state/documents-repo'
import { listOfKind, unfinishedOfKind } from '../state/flex-backups-repo'
import {
  SERVERLESS_BASIC_KEEP_MS,
  type ServerlessJobSim,
  type ServerlessSnapshotSim,
  insertServerlessRestore,
  insertServerlessSnapshot,
  serverlessSnapshotStatus,
} from '../state/serverless-backups-repo'
import { getCursor, setCursor } from '../state/settings-repo'
import { landRestore } from './post-restore-snapshot'
import { isoSeconds } from './snapshot-doc'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

// Reference 003, serverless instance backups: no custom policy; "Atlas always takes snapshots
// every six hours". Serverless Continuous Backup also "takes daily snapshots and retains these
// daily snapshots for 35 days" and restores to any point of the last 72 hours, so its six-hourly
// snapshots are kept 72 hours here. Basic Backup "retains only the two most recent snapshots":
// each lasts until the second one after it, 12 hours. The six-hour grid starts at creation.
function serverlessItems(continuous: boolean): PolicyItemInput[] {
  const sixHourly: PolicyItemInput = {
    frequencyType: 'hourly',
    frequencyInterval: 6,
    retentionUnit: 'days',
    retentionValue: SERVERLESS_PIT_WINDOW_HOURS / 24,
  }
  if (!continuous) return [sixHourly]
  const daily: PolicyItemInput = {
    frequencyType: 'daily',
    frequencyInterval: 1,
    retentionUnit: 'days',
    retentionValue: 35,
  }
  return [sixHourly, daily]
}

/** Scheduled snapshots up to now, their status by the clock, and expiry. */
export function serverlessSnapshotStep(ctx: SandboxContext, now: number): void {
  for (const cluster of listAllClusters(ctx.db)) {
    if (cluster.kind !== 'serverless') continue
    const { groupId, name, doc } = cluster
    const created = Date.parse(doc.createDate ?? '')
    if (Number.isNaN(created)) continue
    const continuous =
      doc.serverlessBackupOptions?.serverlessContinuousBackupEnabled !== false
    const items = serverlessItems(continuous)
    const cursor =
      getCursor(ctx.db, 'serverlessSnapshots', groupId, name) ?? created
    const due = scheduledSnapshots(
      {
        referenceHourOfDay: new Date(created).getUTCHours(),
        referenceMinuteOfHour: new Date(created).getUTCMinutes(),
        items,
      },
      new Date(cursor),
      new Date(now),
      // Skip what has expired already: a long-idle sandbox fills in in one pass.
      (item) =>
        now -
        retentionNominalDays(item.retentionValue, item.retentionUnit) * DAY_MS,
    )
    for (const s of due) {
      const at = s.at.getTime()
      const expiresAt = continuous
        ? s.expiresAt.getTime()
        : at + SERVERLESS_BASIC_KEEP_MS
      if (expiresAt <= now || at <= created) continue
      const frequencyType = s.frequencyType === 'daily' ? 'daily' : 'hourly'
      insertServerlessSnapshot(
        ctx.db,
        { ...doc, groupId, name },
        at,
        { frequencyType, expiresAt },
        now,
      )
    }
    setCursor(ctx.db, 'serverlessSnapshots', groupId, name, now)
  }
  ctx.db
    .prepare(
      `DELETE FROM snapshots WHERE json_extract(sim, '$.kind') = 'serverless' AND json_extract(sim, '$.expiresAt') <= ?`,
    )
    .run(now)
  const pending = unfinishedOfKind<ServerlessSnapshot, ServerlessSnapshotSim>(
    ctx.db,
    'snapshots',
    'serverless',
  )
  for (const { id, doc, sim } of pending) {
    doc.status = serverlessSnapshotStatus(sim, now)
    sim.done = doc.status === 'completed'
    updateDocument(ctx.db, 'snapshots', { id, doc, sim })
  }
}

/**
 * A job finishes (finishedAt) or fails (failed) at its finishAt (R10). A finished restore
 * replaces the target's data (lineage) and is followed by a snapshot of the target (R10).
 */
export function serverlessRestoreStep(ctx: SandboxContext, now: number): void {
  const jobs = unfinishedOfKind<ServerlessRestoreJob, ServerlessJobSim>(
    ctx.db,
    'restore_jobs',
    'serverless',
  )
  for (const job of jobs) {
    const { doc, sim } = job
    if (now < sim.finishAt) continue
    sim.done = true
    if (sim.fails) {
      doc.failed = true
    } else {
      doc.finishedAt = isoSeconds(sim.finishAt)
      landRestore(
        ctx,
        job,
        {
          target: { groupId: doc.targetGroupId, name: doc.targetClusterName },
          finishedAt: sim.finishAt,
          originAt: sim.dataAt,
        },
        now,
      )
    }
    updateDocument(ctx.db, 'restore_jobs', { id: job.id, doc, sim })
  }
}

/**
 * Seeded history (issue 3: past jobs in every end state): dev-serverless restored onto itself
 * from a snapshot two days ago, and a point-in-time restore that failed yesterday.
 */
export function seedServerlessBackups(ctx: SandboxContext, now: number): void {
  serverlessSnapshotStep(ctx, now)
  const groupId = seedGroups.find((g) => g.name === 'dev-tools')?.id ?? ''
  const clusterName = 'dev-serverless'
  const target = { targetGroupId: groupId, targetClusterName: clusterName }
  const snapshot = listOfKind<ServerlessSnapshot, ServerlessSnapshotSim>(
    ctx.db,
    'snapshots',
    'serverless',
    groupId,
    clusterName,
  ).find((s) => s.createdAt < now - 2 * DAY_MS)
  if (!snapshot) return
  insertServerlessRestore(ctx.db, {
    groupId,
    clusterName,
    at: snapshot.createdAt + 3 * HOUR_MS,
    body: { deliveryType: 'automated', snapshotId: snapshot.id, ...target },
    snapshot,
    dataAt: snapshot.createdAt,
    fails: false,
  })
  const instant = Math.floor((now - 30 * HOUR_MS) / 1000)
  insertServerlessRestore(ctx.db, {
    groupId,
    clusterName,
    at: now - DAY_MS,
    body: {
      deliveryType: 'pointInTime',
      pointInTimeUTCSeconds: instant,
      ...target,
    },
    dataAt: instant * 1000,
    fails: true,
  })
}
