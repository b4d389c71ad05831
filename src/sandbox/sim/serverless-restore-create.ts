import { deliveryTypes } from '../../contract/atlas/common'
import {
  type ServerlessSnapshot,
  serverlessRestoreJobCreateSchema,
} from '../../contract/atlas/serverless'
import { checkDeliveryTypeAllowed } from '../../contract/rules/delivery-type'
import { ruleErrorCodes } from '../../contract/rules/error-codes'
import {
  type ServerlessRestoreRequestInput,
  checkRestoreTargetKind,
  checkServerlessRestoreRequest,
} from '../../contract/rules/serverless-restore'
import type { SandboxContext } from '../context'
import { AtlasError, clusterNotFound } from '../protocol/api-error'
import { requireGroup } from '../routes/lookup'
import { parseBody } from '../routes/route-kit'
import type { StoredCluster } from '../state/clusters-repo'
import { getCluster } from '../state/clusters-repo'
import { getOfKind } from '../state/flex-backups-repo'
import {
  type ServerlessSnapshotSim,
  type StoredServerlessJob,
  type StoredServerlessSnapshot,
  insertServerlessRestore,
} from '../state/serverless-backups-repo'
import {
  asRuleInput,
  enforce,
  requireTargetIdle,
  restoreWillFail,
} from './flex-restore-create'

// Creating a serverless restore (op 25): R5 through the shared rules — a date and time within
// the last 72 hours, no oplog, no download — then the snapshot, the target and one restore at
// a time into it.

type Serverless = Extract<StoredCluster, { kind: 'serverless' }>

/** A serverless snapshot of the instance; with `field` (a restore) it must be completed. */
export function requireServerlessSnapshot(
  ctx: SandboxContext,
  source: { groupId: string; name: string },
  id: string,
  field?: string,
): StoredServerlessSnapshot {
  const found = getOfKind<ServerlessSnapshot, ServerlessSnapshotSim>(
    ctx.db,
    'snapshots',
    'serverless',
    source.groupId,
    source.name,
    id,
  )
  const fields = field ? [{ field }] : []
  if (!found) {
    throw new AtlasError(
      404,
      'RESOURCE_NOT_FOUND',
      `No snapshot ${id} exists for serverless instance ${source.name}.`,
      ['snapshot', id],
      fields.map((f) => ({ ...f, description: 'no such snapshot' })),
    )
  }
  if (field && found.doc.status !== 'completed') {
    throw new AtlasError(
      400,
      'SNAPSHOT_NOT_COMPLETED',
      `Snapshot ${id} is ${found.doc.status ?? 'not ready'}; only a completed snapshot can be restored.`,
      [id],
      fields.map((f) => ({ ...f, description: 'not completed yet' })),
    )
  }
  return found
}

/** The request rules, in the rule's words first while the JSON types fit it. */
function parseRestoreBody(rawBody: unknown, now: Date) {
  const raw = asRuleInput(
    rawBody,
    ['deliveryType', 'snapshotId', 'targetGroupId', 'targetClusterName'],
    ['pointInTimeUTCSeconds', 'oplogTs', 'oplogInc'],
  )
  if (raw && (deliveryTypes as readonly unknown[]).includes(raw.deliveryType)) {
    const input = raw as ServerlessRestoreRequestInput
    enforce(checkServerlessRestoreRequest(input, now))
  }
  const body = parseBody(serverlessRestoreJobCreateSchema, rawBody)
  enforce(checkServerlessRestoreRequest(body, now))
  return body
}

function requireServerlessTarget(ctx: SandboxContext, target: StoredCluster) {
  enforce(checkRestoreTargetKind('serverless', target.kind))
  // Local adapter: the shared rule lets a serverless snapshot go to a dedicated cluster; R5 as
  // the sandbox brief states it takes only serverless instances as targets.
  if (target.kind !== 'serverless') {
    enforce({
      ok: false,
      reason: `${target.name} is a ${target.kind} cluster; a serverless snapshot restores only to a serverless instance`,
      field: 'targetClusterName',
      errorCode: ruleErrorCodes.incompatibleTarget,
    })
  }
  requireTargetIdle(ctx, target, 'targetClusterName')
}

export function createServerlessRestore(
  ctx: SandboxContext,
  source: Serverless,
  rawBody: unknown,
  path: string,
): StoredServerlessJob {
  const now = ctx.clock.now()
  const body = parseRestoreBody(rawBody, new Date(now))
  const pitEnabled =
    source.doc.serverlessBackupOptions?.serverlessContinuousBackupEnabled !==
    false
  enforce(
    checkDeliveryTypeAllowed(
      { kind: 'serverless', pitEnabled },
      body.deliveryType,
    ),
  )
  const snapshot = body.snapshotId
    ? requireServerlessSnapshot(ctx, source, body.snapshotId, 'snapshotId')
    : undefined
  requireGroup(ctx, body.targetGroupId)
  const target = getCluster(ctx.db, body.targetGroupId, body.targetClusterName)
  if (!target) throw clusterNotFound(body.targetClusterName, body.targetGroupId)
  requireServerlessTarget(ctx, target)
  return insertServerlessRestore(ctx.db, {
    groupId: source.groupId,
    clusterName: source.name,
    at: now,
    body,
    snapshot,
    // The data restored: as of the point in time, or of the snapshot.
    dataAt:
      body.deliveryType === 'pointInTime'
        ? (body.pointInTimeUTCSeconds ?? 0) * 1000
        : (snapshot?.createdAt ?? now),
    fails: restoreWillFail(ctx, path, target),
  })
}
