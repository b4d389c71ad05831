import type { LiveJob } from '../../../../contract/bff/job-events'
import {
  type RestoreBlackout,
  type RestoreForBlackout,
  restoreBlackouts,
} from '../../../../contract/rules/restore-window'
import type { SnapshotRow } from '../snapshot-rows'

/**
 * R4: the source's stretches that cannot be restored to: from each automated or point-in-time
 * restore INTO it (the BFF records when each started) up to the first snapshot taken after it
 * completed. Failed and cancelled restores replaced nothing and are left out.
 */
export function sourceBlackouts(
  jobs: readonly LiveJob[],
  source: { groupId: string; name: string },
  snapshots: readonly SnapshotRow[],
): RestoreBlackout[] {
  const restores: RestoreForBlackout[] = jobs.flatMap((job) => {
    if (job.kind === 'flex' || !job.doc) return []
    const doc = job.doc
    const into =
      doc.targetGroupId === source.groupId &&
      doc.targetClusterName === source.name
    if (
      !into ||
      doc.deliveryType === 'download' ||
      doc.failed === true ||
      doc.cancelled === true
    ) {
      return []
    }
    return [
      {
        startedAt: new Date(job.createdAt),
        finishedAt: doc.finishedAt ? new Date(doc.finishedAt) : undefined,
      },
    ]
  })
  return restoreBlackouts(
    restores,
    snapshots.map((s) => ({
      createdAt: new Date(s.createdAt),
      status: s.status,
    })),
  )
}
