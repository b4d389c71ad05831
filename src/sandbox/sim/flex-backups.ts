import type {
  FlexRestoreJob,
  FlexSnapshot,
} from '../../contract/atlas/flex-backup'
import {
  FLEX_SNAPSHOTS_KEPT,
  FLEX_SNAPSHOT_INTERVAL_HOURS,
  flexSnapshotsBeyondRetention,
} from '../../contract/rules/flex-restore'
import type { SandboxContext } from '../context'
import { seedGroups } from '../seed-organisation'
import { getCluster, listAllClusters } from '../state/clusters-repo'
import { deleteDocument, updateDocument } from '../state/documents-repo'
import {
  type FlexJobSim,
  type FlexSnapshotSim,
  type StoredFlexSnapshot,
  insertFlexDownload,
  insertFlexRestore,
  insertFlexSnapshot,
  listOfKind,
  unfinishedOfKind,
} from '../state/flex-backups-repo'
import { getCursor, setCursor } from '../state/settings-repo'
import { landRestore } from './post-restore-snapshot'
import { isoSeconds } from './snapshot-doc'

const INTERVAL_MS = FLEX_SNAPSHOT_INTERVAL_HOURS * 3_600_000
const DAY_MS = 86_400_000

function listFlexSnapshots(ctx: SandboxContext, groupId: string, name: string) {
  return listOfKind<FlexSnapshot, FlexSnapshotSim>(
    ctx.db,
    'snapshots',
    'flex',
    groupId,
    name,
  )
}

/**
 * Reference 003: one daily snapshot "at the same time, starting 24 hours after the cluster was
 * created", of which the last 8 are kept (R6); then PENDING → QUEUED → RUNNING → COMPLETED.
 */
export function flexSnapshotStep(ctx: SandboxContext, now: number): void {
  for (const cluster of listAllClusters(ctx.db)) {
    if (cluster.kind !== 'flex') continue
    const { groupId, name, doc } = cluster
    const created = Math.floor(Date.parse(doc.createDate ?? '') / 1000) * 1000
    if (Number.isNaN(created)) continue
    const cursor = getCursor(ctx.db, 'flexSnapshots', groupId, name) ?? created
    // Older instants would be trimmed at once: start with the last 8.
    const from = Math.max(cursor, now - FLEX_SNAPSHOTS_KEPT * INTERVAL_MS)
    const first = Math.max(1, Math.floor((from - created) / INTERVAL_MS) + 1)
    for (let at = created + first * INTERVAL_MS; at <= now; at += INTERVAL_MS) {
      // A download link cannot outlive the snapshot, which the 8th later one pushes out.
      const expiration = at + FLEX_SNAPSHOTS_KEPT * INTERVAL_MS
      insertFlexSnapshot(ctx.db, { ...doc, groupId, name }, at, expiration)
    }
    setCursor(ctx.db, 'flexSnapshots', groupId, name, now)
    const beyond = flexSnapshotsBeyondRetention(
      listFlexSnapshots(ctx, groupId, name).map((s) => ({
        id: s.id,
        createdAt: new Date(s.createdAt),
      })),
    )
    for (const id of beyond) deleteDocument(ctx.db, 'snapshots', id)
  }
  const pending = unfinishedOfKind<FlexSnapshot, FlexSnapshotSim>(
    ctx.db,
    'snapshots',
    'flex',
  )
  for (const { id, doc, sim } of pending) {
    if (now >= sim.startAt) doc.startTime = isoSeconds(sim.startAt)
    if (now >= sim.finishAt) {
      doc.finishTime = isoSeconds(sim.finishAt)
      sim.done = true
    }
    doc.status = sim.done
      ? 'COMPLETED'
      : now >= sim.startAt
        ? 'RUNNING'
        : now >= sim.queuedAt
          ? 'QUEUED'
          : 'PENDING'
    updateDocument(ctx.db, 'snapshots', { id, doc, sim })
  }
}

/**
 * Restores go PENDING → QUEUED → RUNNING → COMPLETED (or FAILED); a completed one replaces the
 * target's data with the flex cluster's as of the snapshot, and a dedicated or serverless target
 * is then snapshotted (R10). Downloads are created COMPLETED with their link.
 */
export function flexRestoreStep(ctx: SandboxContext, now: number): void {
  const jobs = unfinishedOfKind<FlexRestoreJob, FlexJobSim>(
    ctx.db,
    'restore_jobs',
    'flex',
  )
  for (const job of jobs) {
    const { doc, sim } = job
    if (now < sim.finishAt) {
      doc.status =
        now >= sim.runningAt
          ? 'RUNNING'
          : now >= sim.queuedAt
            ? 'QUEUED'
            : 'PENDING'
    } else if (sim.fails) {
      doc.status = 'FAILED'
      sim.done = true
    } else {
      doc.status = 'COMPLETED'
      doc.restoreFinishedDate = isoSeconds(sim.finishAt)
      sim.done = true
      landRestore(
        ctx,
        job,
        {
          target: {
            groupId: doc.targetProjectId ?? job.groupId,
            name: doc.targetDeploymentItemName ?? '',
          },
          finishedAt: sim.finishAt,
          originAt: sim.dataAt,
        },
        now,
      )
    }
    updateDocument(ctx.db, 'restore_jobs', { id: job.id, doc, sim })
  }
}

const groupIdOf = (name: string) =>
  seedGroups.find((g) => g.name === name)?.id ?? ''

/** The newest snapshot taken before `before`. */
function snapshotBefore(
  ctx: SandboxContext,
  groupId: string,
  name: string,
  before: number,
): StoredFlexSnapshot | undefined {
  return listFlexSnapshots(ctx, groupId, name).find((s) => s.createdAt < before)
}

/**
 * Seeded history (issue 3: past jobs in every end state): reports-flex restored into
 * scratch-flex of another project six days ago, a restore of scratch-flex that failed, and a
 * download of reports-flex whose four-hour link has expired.
 */
export function seedFlexBackups(ctx: SandboxContext, now: number): void {
  flexSnapshotStep(ctx, now)
  const analytics = groupIdOf('analytics')
  const devTools = groupIdOf('dev-tools')
  const restored = snapshotBefore(
    ctx,
    analytics,
    'reports-flex',
    now - 6 * DAY_MS - 3_600_000,
  )
  if (restored && getCluster(ctx.db, devTools, 'scratch-flex')) {
    const start = { groupId: analytics, clusterName: 'reports-flex' }
    const target = { groupId: devTools, name: 'scratch-flex' }
    const at = now - 6 * DAY_MS
    insertFlexRestore(
      ctx.db,
      { ...start, snapshot: restored, at, target },
      false,
    )
  }
  const failed = snapshotBefore(
    ctx,
    devTools,
    'scratch-flex',
    now - 3 * DAY_MS - 3_600_000,
  )
  if (failed && getCluster(ctx.db, analytics, 'events-nvme')) {
    const start = { groupId: devTools, clusterName: 'scratch-flex' }
    const target = { groupId: analytics, name: 'events-nvme' }
    const at = now - 3 * DAY_MS
    insertFlexRestore(ctx.db, { ...start, snapshot: failed, at, target }, true)
  }
  const downloaded = snapshotBefore(
    ctx,
    analytics,
    'reports-flex',
    now - 2 * DAY_MS - 3_600_000,
  )
  if (downloaded) {
    insertFlexDownload(ctx.db, {
      groupId: analytics,
      clusterName: 'reports-flex',
      snapshot: downloaded,
      at: now - 2 * DAY_MS,
    })
  }
}
