import type { RestoreJob } from '../../contract/atlas/restore-job'
import { DEFAULT_RESTORE_WINDOW_DAYS } from '../../contract/rules/policy-default'
import { postRestoreSnapshotExpiry } from '../../contract/rules/restore-window'
import type { SandboxContext } from '../context'
import type { SimulationStep } from '../simulate'
import { getCluster } from '../state/clusters-repo'
import { addLineageSegment } from '../state/lineage-repo'
import {
  type RestoreSim,
  type StoredRestoreJob,
  listOpenRestoreJobs,
  saveRestoreJob,
} from '../state/restore-jobs-repo'
import { getSchedule } from '../state/schedules-repo'
import { takeSnapshot } from '../state/snapshots-repo'
import { downloadUrl } from './restore-download'
import { isoSeconds } from './snapshot-doc'

// The clock's restore side (after the snapshot step): jobs wait in the queue, run, then finish
// at the instant their `sim` says, never later, whatever the tick rate. A finished automated or
// pointInTime restore replaces the target's data (lineage) and is followed by a snapshot of the
// target (R10, reference 000); a finished download gets its links, which later expire.

type Step = { doc: RestoreJob; sim: RestoreSim }

function finishDownload(job: StoredRestoreJob, at: number): Step {
  const { sim } = job
  const names = sim.replicaSetNames ?? []
  const base = sim.downloadBase ?? ''
  const token = sim.downloadToken ?? ''
  const urls = names.map((name) => downloadUrl(base, job.id, token, name))
  const doc: RestoreJob = {
    ...job.doc,
    deliveryUrl: urls,
    // Sharded: one archive per replica set (shards and config server) [spec].
    ...(sim.sharded
      ? {
          components: names.map((replicaSetName, i) => ({
            replicaSetName,
            downloadUrl: urls[i] ?? '',
          })),
        }
      : {}),
    finishedAt: isoSeconds(at),
  }
  return { doc, sim: { ...sim, phase: 'ready', finishedAt: at } }
}

/** The snapshot Atlas takes after a restore, kept as long as the restore window (ref. 000). */
function postRestoreSnapshot(
  ctx: SandboxContext,
  groupId: string,
  clusterName: string,
  at: number,
): string | undefined {
  const target = getCluster(ctx.db, groupId, clusterName)
  if (target?.kind !== 'dedicated' || !target.doc.backupEnabled)
    return undefined
  const days =
    getSchedule(ctx.db, groupId, clusterName)?.restoreWindowDays ??
    DEFAULT_RESTORE_WINDOW_DAYS
  const expiresAt = postRestoreSnapshotExpiry(new Date(at), days).getTime()
  if (expiresAt <= ctx.clock.now()) return undefined
  // 'scheduled' with no policy item: Atlas takes it on its own (not on demand), and it is not
  // a fallback snapshot (those replace a failed regular one).
  return takeSnapshot(ctx, {
    groupId,
    clusterName,
    at,
    snapshotType: 'scheduled',
    expiresAt,
  }).id
}

function finishRestore(
  ctx: SandboxContext,
  job: StoredRestoreJob,
  at: number,
): Step {
  const { doc, sim } = job
  const targetGroupId = doc.targetGroupId ?? ''
  const targetClusterName = doc.targetClusterName ?? ''
  // The target now holds the source's data as of the snapshot or the chosen instant.
  addLineageSegment(ctx.db, targetGroupId, targetClusterName, {
    since: at,
    origin: {
      groupId: job.groupId,
      clusterName: job.clusterName,
      at: sim.originAt,
    },
    restoreJobId: job.id,
  })
  const snapshotId = postRestoreSnapshot(
    ctx,
    targetGroupId,
    targetClusterName,
    at,
  )
  return {
    doc: { ...doc, finishedAt: isoSeconds(at) },
    sim: {
      ...sim,
      phase: 'done',
      finishedAt: at,
      ...(snapshotId ? { postRestoreSnapshotId: snapshotId } : {}),
    },
  }
}

function finish(ctx: SandboxContext, job: StoredRestoreJob, at: number): Step {
  if (job.sim.outcome === 'fail') {
    // A failed restore leaves the target's lineage as it was.
    return {
      doc: { ...job.doc, failed: true },
      sim: { ...job.sim, phase: 'done' },
    }
  }
  return job.doc.deliveryType === 'download'
    ? finishDownload(job, at)
    : finishRestore(ctx, job, at)
}

/** Brings one job up to `now`; returns it as saved. */
export function advanceRestoreJob(
  ctx: SandboxContext,
  job: StoredRestoreJob,
  now: number,
): StoredRestoreJob {
  let step: Step = { doc: job.doc, sim: job.sim }
  if (step.sim.phase === 'queued' && now >= step.sim.startAt) {
    step = { ...step, sim: { ...step.sim, phase: 'running' } }
  }
  if (step.sim.phase === 'running' && now >= step.sim.finishAt) {
    step = finish(ctx, { ...job, ...step }, step.sim.finishAt)
  }
  const linkEnd = step.sim.linkExpiresAt
  if (step.sim.phase === 'ready' && linkEnd !== undefined && now >= linkEnd) {
    step = {
      doc: { ...step.doc, expired: true },
      sim: { ...step.sim, phase: 'done' },
    }
  }
  if (step.sim !== job.sim) saveRestoreJob(ctx.db, { id: job.id, ...step })
  return { ...job, ...step }
}

export const advanceRestoreJobs: SimulationStep = (ctx, now) => {
  for (const job of listOpenRestoreJobs(ctx.db))
    advanceRestoreJob(ctx, job, now)
}
