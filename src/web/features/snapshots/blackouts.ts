import type { LiveJob } from '../../../contract/bff/job-events'
import {
  type RestoreBlackout,
  type RestoreForBlackout,
  restoreBlackouts,
} from '../../../contract/rules/restore-window'
import type { SnapshotRow } from './model'

/**
 * R4: the stretches of this deployment's history that cannot be restored to: from the start of
 * each automated or point-in-time restore INTO it (the console records the start, R10) up to the
 * first snapshot taken after that restore completed. Failed and cancelled restores are left out.
 */
export function blackoutsOf(
  jobs: readonly LiveJob[],
  target: { groupId: string; name: string },
  snapshots: readonly SnapshotRow[],
): RestoreBlackout[] {
  const restores: RestoreForBlackout[] = []
  for (const job of jobs) {
    if (job.kind === 'flex' || !job.doc) continue
    const doc = job.doc
    if (
      doc.deliveryType === 'download' ||
      doc.targetGroupId !== target.groupId ||
      doc.targetClusterName !== target.name ||
      doc.failed === true ||
      doc.cancelled === true
    ) {
      continue
    }
    restores.push({
      startedAt: new Date(job.createdAt),
      finishedAt: doc.finishedAt ? new Date(doc.finishedAt) : undefined,
    })
  }
  return restoreBlackouts(
    restores,
    snapshots.map((s) => ({
      createdAt: new Date(s.createdAt),
      status: s.status ?? 'unknown',
    })),
  )
}
