import {
  type ServerlessSnapshot,
  serverlessRestoreJobCreateSchema,
} from '../../contract/atlas/serverless'
import { checkDeliveryTypeAllowed } from '../../contract/rules/delivery-type'
import {
  SERVERLESS_PIT_WINDOW_HOURS,
  checkServerlessRestoreRequest,
} from '../../contract/rules/serverless-restore'
import type { SandboxContext } from '../context'
import { snapshotNotCompleted, snapshotNotFound } from '../protocol/api-error'
import { enforce, parseBody } from '../routes/route-kit'
import type { StoredCluster } from '../state/clusters-repo'
import { getOfKind } from '../state/flex-backups-repo'
import {
  type ServerlessSnapshotSim,
  type StoredServerlessJob,
  type StoredServerlessSnapshot,
  insertServerlessRestore,
} from '../state/serverless-backups-repo'
import { checkInstant, requireTargetIdle } from './restore-conflicts'
import { restoreWillFail } from './restore-outcome'
import { asRestoreRuleInput } from './restore-request'
import { checkTarget, requireTarget } from './restore-target'

// Creating a serverless restore (op 25): R5 through the shared rules (a date and time within the
// last 72 hours, no oplog, no download), the snapshot, then the target. Reference 003: only
// serverless snapshots restore to serverless instances, and serverless snapshots do not go to
// M2/M5 (Flex); so the target is a serverless instance or a dedicated replica set on the same
// MongoDB release or later, checked by the same rules as a dedicated restore's target. Then the
// R4 blackouts and one restore at a time into the target, across restores of every kind.

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
  if (!found) {
    throw snapshotNotFound(id, `serverless instance ${source.name}`, field)
  }
  if (field && found.doc.status !== 'completed') {
    throw snapshotNotCompleted(id, found.doc.status, field)
  }
  return found
}

/** The request rules, in the rule's words first while the JSON types fit it. */
function parseRestoreBody(rawBody: unknown, now: Date) {
  const input = asRestoreRuleInput(rawBody)
  if (input) enforce(checkServerlessRestoreRequest(input, now))
  const body = parseBody(serverlessRestoreJobCreateSchema, rawBody)
  enforce(checkServerlessRestoreRequest(body, now))
  return body
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
  // The data restored: as of the point in time, or of the snapshot.
  const dataAt =
    body.deliveryType === 'pointInTime'
      ? (body.pointInTimeUTCSeconds ?? 0) * 1000
      : (snapshot?.createdAt ?? now)
  const target = requireTarget(ctx, {
    groupId: body.targetGroupId,
    name: body.targetClusterName,
  })
  checkTarget(
    target,
    {
      type: 'replicaSet',
      clusterName: source.name,
      createdAt: new Date(dataAt),
    },
    snapshot?.doc.mongodVersion ?? source.doc.mongoDBVersion ?? '',
    'serverless',
  )
  if (body.pointInTimeUTCSeconds !== undefined) {
    checkInstant(
      ctx,
      source,
      { seconds: body.pointInTimeUTCSeconds, field: 'pointInTimeUTCSeconds' },
      now,
      SERVERLESS_PIT_WINDOW_HOURS / 24,
    )
  }
  requireTargetIdle(ctx, target)
  return insertServerlessRestore(ctx.db, {
    groupId: source.groupId,
    clusterName: source.name,
    at: now,
    body,
    snapshot,
    dataAt,
    fails: restoreWillFail(ctx, path, target),
  })
}
