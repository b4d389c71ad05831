import { z } from 'zod'

import { flexRestoreJobCreateSchema } from '../atlas/flex-backup'
import { serverlessRestoreJobCreateSchema } from '../atlas/serverless'
import { RESTORE_CONFIRMATION_FIELD } from '../rules/restore-confirmation'
import { SNAPSHOT_DELETE_CONFIRMATION_FIELD } from '../rules/snapshot-delete'

// What the BFF's write routes take beyond Atlas's own request bodies. The Atlas paths are the
// same under /api/atlas/v2; these are the extra headers, query parameters and body fields that
// the BFF checks and never forwards.

/** Creations that must never happen twice carry this header (8–128 of [A-Za-z0-9_.:-]). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key'

/**
 * S3: a DELETE has no body, so its confirmation is the query parameter `confirm`, whose value
 * names what is deleted: the snapshot id, or the cluster name for the whole backup schedule.
 */
export const DELETE_CONFIRMATION_PARAM = SNAPSHOT_DELETE_CONFIRMATION_FIELD

/** `?confirm=<snapshotId>` for DELETE …/backup/snapshots[/shardedCluster]/:snapshotId. */
export function snapshotDeleteQuery(snapshotId: string): string {
  return `?${DELETE_CONFIRMATION_PARAM}=${encodeURIComponent(snapshotId)}`
}

/** `?confirm=<clusterName>` for DELETE …/backup/schedule (removes every policy item). */
export function scheduleDeleteQuery(clusterName: string): string {
  return `?${DELETE_CONFIRMATION_PARAM}=${encodeURIComponent(clusterName)}`
}

/**
 * Conflicting policy edits: GET …/backup/schedule answers with an ETag (a hash of the
 * schedule's policy-relevant content); PATCH (and, optionally, DELETE) must send it back in
 * If-Match. A changed schedule is refused with 412 SCHEDULE_CHANGED; a PATCH without
 * If-Match with 428 PRECONDITION_REQUIRED. A successful PATCH or DELETE answers with the new ETag.
 */
export const SCHEDULE_ETAG_HEADER = 'ETag'
export const SCHEDULE_IF_MATCH_HEADER = 'If-Match'
export const SCHEDULE_CHANGED = 'SCHEDULE_CHANGED'
export const PRECONDITION_REQUIRED = 'PRECONDITION_REQUIRED'

const confirmation = z.string().max(256).optional()

/** POST …/flexClusters/:name/backup/restoreJobs: Atlas's body plus the typed target name (R8). */
export const flexRestoreRequestSchema = flexRestoreJobCreateSchema.extend({
  [RESTORE_CONFIRMATION_FIELD]: confirmation,
})
export type FlexRestoreRequest = z.infer<typeof flexRestoreRequestSchema>

/** POST …/serverless/:clusterName/backup/restoreJobs: the same, for serverless (R5, R8). */
export const serverlessRestoreRequestSchema =
  serverlessRestoreJobCreateSchema.extend({
    [RESTORE_CONFIRMATION_FIELD]: confirmation,
  })
export type ServerlessRestoreRequest = z.infer<
  typeof serverlessRestoreRequestSchema
>
