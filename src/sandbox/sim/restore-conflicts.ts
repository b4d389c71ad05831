import { DEFAULT_RESTORE_WINDOW_DAYS } from '../../contract/rules/policy-default'
import {
  checkDownloadLimits,
  countActiveDownloads,
} from '../../contract/rules/download-limits'
import { ruleErrorStatus } from '../../contract/rules/error-codes'
import type { RuleRefusal } from '../../contract/rules/result'
import {
  checkRestoreInstant,
  restoreBlackouts,
} from '../../contract/rules/restore-window'
import type { SandboxContext } from '../context'
import { AtlasError } from '../protocol/api-error'
import { refusalToError } from '../routes/route-kit'
import {
  type StoredRestoreJob,
  listProjectRestoreJobs,
  listRestoreJobsInto,
} from '../state/restore-jobs-repo'
import { getSchedule } from '../state/schedules-repo'
import { listSnapshots } from '../state/snapshots-repo'

// Checks that depend on what else exists: the restore window and its blackouts (R4), the
// download limits (R3), and one restore at a time into a target.

/** The rule's errorCode decides the status: 409 for work already under way, else 400. */
export function refusal(verdict: RuleRefusal): AtlasError {
  const code = verdict.errorCode as keyof typeof ruleErrorStatus | undefined
  return refusalToError(verdict, (code && ruleErrorStatus[code]) ?? 400)
}

/** Restores that replace a cluster's data and neither failed nor were cancelled. */
function landedRestores(jobs: StoredRestoreJob[]): StoredRestoreJob[] {
  return jobs.filter(
    (job) =>
      job.doc.deliveryType !== 'download' &&
      job.doc.failed !== true &&
      job.doc.cancelled !== true,
  )
}

/** R4: the instant lies in the source's window and outside its post-restore blackouts. */
export function checkInstant(
  ctx: SandboxContext,
  source: { groupId: string; name: string },
  instant: { seconds: number; field: string },
  now: number,
): void {
  const days =
    getSchedule(ctx.db, source.groupId, source.name)?.restoreWindowDays ??
    DEFAULT_RESTORE_WINDOW_DAYS
  const restores = landedRestores(
    listRestoreJobsInto(ctx.db, source.groupId, source.name),
  ).map((job) => ({
    // "between when you initiated a restore and when Atlas completes a snapshot after the
    // restore" (reference 003): from the job's creation.
    startedAt: new Date(job.createdAt),
    ...(job.sim.finishedAt !== undefined
      ? { finishedAt: new Date(job.sim.finishedAt) }
      : {}),
  }))
  const snapshots = listSnapshots(ctx, source.groupId, source.name).map(
    (s) => ({
      createdAt: new Date(s.createdAt),
      status: s.doc.status ?? 'queued',
    }),
  )
  const verdict = checkRestoreInstant(
    instant.seconds,
    {
      now: new Date(now),
      restoreWindowDays: days,
      blackouts: restoreBlackouts(restores, snapshots),
    },
    instant.field,
  )
  if (!verdict.ok) throw refusal(verdict)
}

/** R3: one download per snapshot, at most 20 per project, at a time. */
export function checkDownloads(
  ctx: SandboxContext,
  groupId: string,
  snapshotId: string,
  now: number,
): void {
  const jobs = listProjectRestoreJobs(ctx.db, groupId).map((job) => ({
    deliveryType: job.doc.deliveryType,
    snapshotId: job.doc.snapshotId,
    cancelled: job.doc.cancelled,
    failed: job.doc.failed,
    expired: job.doc.expired,
    expiresAt: job.doc.expiresAt ? new Date(job.doc.expiresAt) : undefined,
  }))
  const verdict = checkDownloadLimits(
    countActiveDownloads(jobs, snapshotId, new Date(now)),
  )
  if (!verdict.ok) throw refusal(verdict)
}

/** Code of our own: Atlas documents the 409 on creation but names no code for this case. */
export const RESTORE_IN_PROGRESS = 'TARGET_RESTORE_ALREADY_IN_PROGRESS'

/** A target takes one restore at a time: it is unavailable while one runs (reference 000). */
export function checkTargetIdle(
  ctx: SandboxContext,
  targetGroupId: string,
  targetClusterName: string,
): void {
  const running = landedRestores(
    listRestoreJobsInto(ctx.db, targetGroupId, targetClusterName),
  ).find((job) => job.sim.phase === 'queued' || job.sim.phase === 'running')
  if (running) {
    throw new AtlasError(
      409,
      RESTORE_IN_PROGRESS,
      `${targetClusterName} is being restored by restore job ${running.id}; wait until it ` +
        'finishes or cancel it before starting another restore to it.',
      [targetClusterName, running.id],
      [
        {
          field: 'targetClusterName',
          description: 'a restore to this cluster is already in progress',
        },
      ],
    )
  }
}
