import {
  type RestoreJobInput,
  isRestoreJobFinished,
} from '../../contract/rules/restore-job-state'
import type { SandboxDb } from './db'
import { selectDocuments } from './documents-repo'

// Restores of every kind that write into a cluster: dedicated (op 19: automated, pointInTime),
// flex (op 31) and serverless (op 25) jobs, wherever their source is. One place reads them for
// every rule that looks at a target's restores: one restore at a time into it (reference 000:
// the target is unavailable for the duration) and its point-in-time blackouts (R4).

/** The fields these checks read, common to dedicated, flex and serverless jobs. */
type AnyJobDoc = {
  /** Flex jobs only: PENDING | QUEUED | RUNNING | FAILED | COMPLETED. */
  status?: string
  deliveryType?: string
  targetGroupId?: string
  targetClusterName?: string
  targetProjectId?: string
  targetDeploymentItemName?: string
  cancelled?: boolean
  failed?: boolean
  expired?: boolean
  finishedAt?: string
  restoreFinishedDate?: string
}

export type RestoreInto = {
  id: string
  /** When the job was created: a restore's blackout starts there (R4). */
  startedAt: number
  /** When it finished replacing the target's data; absent while it runs or if it did not. */
  finishedAt?: number
  /** Queued or running: the target is taken. */
  inProgress: boolean
  /** Failed or cancelled: the target's data was left as it was. */
  abandoned: boolean
}

function stateOf(createdAt: number, doc: AnyJobDoc) {
  if (doc.status !== undefined) {
    // Flex jobs carry a status (FlexBackupRestoreJob20241113) and cannot be cancelled.
    const done = doc.status === 'COMPLETED'
    const finished = done ? Date.parse(doc.restoreFinishedDate ?? '') : NaN
    return {
      startedAt: createdAt,
      ...(Number.isNaN(finished) ? {} : { finishedAt: finished }),
      inProgress: !done && doc.status !== 'FAILED',
      abandoned: doc.status === 'FAILED',
    }
  }
  // Dedicated and serverless jobs have none: their state follows R10.
  const finished = Date.parse(doc.finishedAt ?? '')
  const abandoned = doc.failed === true || doc.cancelled === true
  return {
    startedAt: createdAt,
    ...(abandoned || Number.isNaN(finished) ? {} : { finishedAt: finished }),
    inProgress: !isRestoreJobFinished(doc as RestoreJobInput),
    abandoned,
  }
}

/** Every restore into the cluster, newest first; downloads name no target and never count. */
export function listRestoresInto(
  db: SandboxDb,
  targetGroupId: string,
  targetName: string,
): RestoreInto[] {
  const rows = selectDocuments<AnyJobDoc, unknown>(
    db,
    'restore_jobs',
    "json_extract(doc, '$.targetClusterName') = ? OR json_extract(doc, '$.targetDeploymentItemName') = ?",
    targetName,
    targetName,
  )
  return rows
    .filter(({ doc, groupId }) => {
      const download = doc.deliveryType?.toLowerCase() === 'download'
      // A flex target defaults to the source's project (op 31).
      const group =
        doc.targetDeploymentItemName !== undefined
          ? (doc.targetProjectId ?? groupId)
          : doc.targetGroupId
      return !download && group === targetGroupId
    })
    .map(({ id, createdAt, doc }) => ({ id, ...stateOf(createdAt, doc) }))
}

/** The id of a restore of any kind still writing to the target, if there is one. */
export function restoreTargetBusy(
  db: SandboxDb,
  targetGroupId: string,
  targetName: string,
): string | undefined {
  return listRestoresInto(db, targetGroupId, targetName).find(
    (r) => r.inProgress,
  )?.id
}
