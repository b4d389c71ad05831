import { STATUS_CODES } from 'node:http'

export type FieldViolation = { field: string; description: string }

/** Thrown by handlers; rendered as Atlas's ApiError envelope (A2). */
export class AtlasError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly detail: string,
    readonly parameters: unknown[] = [],
    readonly fields: FieldViolation[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail)
  }

  toBody() {
    return {
      detail: this.detail,
      error: this.status,
      errorCode: this.errorCode,
      parameters: this.parameters,
      reason: STATUS_CODES[this.status] ?? 'Error',
      ...(this.fields.length > 0
        ? { badRequestDetail: { fields: this.fields } }
        : {}),
    }
  }
}

export function validationError(
  detail: string,
  fields: FieldViolation[],
  errorCode = 'VALIDATION_ERROR',
): AtlasError {
  return new AtlasError(400, errorCode, detail, [], fields)
}

export function notFound(what: string, id: string): AtlasError {
  return new AtlasError(
    404,
    'RESOURCE_NOT_FOUND',
    `Cannot find resource ${what} ${id}.`,
    [what, id],
  )
}

export function clusterNotFound(
  clusterName: string,
  groupId: string,
): AtlasError {
  return new AtlasError(
    404,
    'CLUSTER_NOT_FOUND',
    `No cluster named ${clusterName} exists in group ${groupId}.`,
    [clusterName, groupId],
  )
}

/** A snapshot of the named deployment ("cluster x", "flex cluster y") that does not exist. */
export function snapshotNotFound(
  snapshotId: string,
  owner: string,
  field?: string,
): AtlasError {
  return new AtlasError(
    404,
    'RESOURCE_NOT_FOUND',
    `No snapshot ${snapshotId} exists for ${owner}.`,
    ['snapshot', snapshotId],
    field ? [{ field, description: `no such snapshot of ${owner}` }] : [],
  )
}

/** Ours: only a completed snapshot can be restored or downloaded; Atlas names no code. */
export function snapshotNotCompleted(
  snapshotId: string,
  status: string | undefined,
  field = 'snapshotId',
): AtlasError {
  return new AtlasError(
    400,
    'SNAPSHOT_NOT_COMPLETED',
    `Snapshot ${snapshotId} is ${status ?? 'not ready'}; only a completed snapshot can be ` +
      'used. Wait until it completes, or choose another.',
    [snapshotId],
    [{ field, description: 'the snapshot is not completed yet' }],
  )
}
