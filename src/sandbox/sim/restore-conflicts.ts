import { checkDownloadLimits } from '../../contract/rules/download-limits'
import { DEFAULT_RESTORE_WINDOW_DAYS } from '../../contract/rules/policy-default'
import {
  checkRestoreInstant,
  restoreBlackouts,
} from '../../contract/rules/restore-window'
import type { SandboxContext } from '../context'
import { AtlasError } from '../protocol/api-error'
import { enforce } from '../routes/route-kit'
import { listDocuments } from '../state/documents-repo'
import { projectDownloadCounts } from '../state/project-downloads'
import { listRestoresInto, restoreTargetBusy } from '../state/restore-targets'
import { getSchedule } from '../state/schedules-repo'

// Checks that depend on what else exists, shared by the dedicated, flex and serverless restore
// creations so that each sees the others' work: the restore window and its blackouts (R4), the
// download limits (R3), and one restore at a time into a target.

/**
 * R4: the instant lies in the source's window and outside its blackouts: from the start of each
 * restore of any kind into the source that did not fail or get cancelled, "between when you
 * initiated a restore and when Atlas completes a snapshot after the restore" (reference 003),
 * to its first completed snapshot after the restore finished. The window is the schedule's
 * restoreWindowDays unless the caller names one (serverless: 72 hours, R5).
 */
export function checkInstant(
  ctx: SandboxContext,
  source: { groupId: string; name: string },
  instant: { seconds: number; field: string },
  now: number,
  restoreWindowDays?: number,
): void {
  const days =
    restoreWindowDays ??
    getSchedule(ctx.db, source.groupId, source.name)?.restoreWindowDays ??
    DEFAULT_RESTORE_WINDOW_DAYS
  const restores = listRestoresInto(ctx.db, source.groupId, source.name)
    .filter((r) => !r.abandoned)
    .map((r) => ({
      startedAt: new Date(r.startedAt),
      ...(r.finishedAt !== undefined
        ? { finishedAt: new Date(r.finishedAt) }
        : {}),
    }))
  // Dedicated and serverless snapshots share the lowercase status enum.
  const snapshots = listDocuments<{ status?: string }, unknown>(
    ctx.db,
    'snapshots',
    source.groupId,
    source.name,
  ).map((s) => ({
    createdAt: new Date(s.createdAt),
    status: s.doc.status ?? 'queued',
  }))
  enforce(
    checkRestoreInstant(
      instant.seconds,
      {
        now: new Date(now),
        restoreWindowDays: days,
        blackouts: restoreBlackouts(restores, snapshots),
      },
      instant.field,
    ),
  )
}

/** R3: one download per snapshot and at most 20 per project, dedicated and flex alike. */
export function checkDownloads(
  ctx: SandboxContext,
  groupId: string,
  snapshotId: string,
  now: number,
): void {
  enforce(
    checkDownloadLimits(
      projectDownloadCounts(ctx.db, groupId, snapshotId, now),
    ),
  )
}

/** Code of our own: Atlas documents the 409 on creation but names no code for this case. */
export const RESTORE_IN_PROGRESS = 'TARGET_RESTORE_ALREADY_IN_PROGRESS'

/**
 * A target takes one restore at a time, of whatever kind: it is unavailable for the duration of
 * a restore (reference 000). 409, naming the body's target field.
 */
export function requireTargetIdle(
  ctx: SandboxContext,
  target: { groupId: string; name: string },
  field = 'targetClusterName',
): void {
  const busy = restoreTargetBusy(ctx.db, target.groupId, target.name)
  if (!busy) return
  throw new AtlasError(
    409,
    RESTORE_IN_PROGRESS,
    `${target.name} is being restored by restore job ${busy}; wait until it finishes ` +
      'before starting another restore to it.',
    [target.name, busy],
    [
      {
        field,
        description: 'a restore to this cluster is already in progress',
      },
    ],
  )
}
