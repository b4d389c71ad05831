import type { RestoreJob } from '../../contract/atlas/restore-job'
import type { SandboxContext } from '../context'
import type { SimulationStep } from '../simulate'
import {
  type RestoreSim,
  type StoredRestoreJob,
  listOpenRestoreJobs,
  saveRestoreJob,
} from '../state/restore-jobs-repo'
import { landRestore } from './post-restore-snapshot'
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

function finishRestore(
  ctx: SandboxContext,
  job: StoredRestoreJob,
  at: number,
  now: number,
): Step {
  const { doc, sim } = job
  // The target now holds the source's data as of the snapshot or the chosen instant.
  const snapshotId = landRestore(
    ctx,
    job,
    {
      target: {
        groupId: doc.targetGroupId ?? '',
        name: doc.targetClusterName ?? '',
      },
      finishedAt: at,
      originAt: sim.originAt,
    },
    now,
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

function finish(
  ctx: SandboxContext,
  job: StoredRestoreJob,
  at: number,
  now: number,
): Step {
  if (job.sim.outcome === 'fail') {
    // A failed restore leaves the target's lineage as it was.
    return {
      doc: { ...job.doc, failed: true },
      sim: { ...job.sim, phase: 'done' },
    }
  }
  return job.doc.deliveryType === 'download'
    ? finishDownload(job, at)
    : finishRestore(ctx, job, at, now)
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
    step = finish(ctx, { ...job, ...step }, step.sim.finishAt, now)
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
