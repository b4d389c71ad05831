import type { RestoreJobCreate } from '../../contract/atlas/restore-job'
import { checkDeliveryTypeAllowed } from '../../contract/rules/delivery-type'
import { restoreInstant } from '../../contract/rules/restore-request'
import type { SandboxContext } from '../context'
import { snapshotNotCompleted, snapshotNotFound } from '../protocol/api-error'
import type { StoredCluster } from '../state/clusters-repo'
import { dedicatedFacts } from '../state/clusters-repo'
import { type StoredSnapshot, getSnapshot } from '../state/snapshots-repo'
import {
  checkDownloads,
  checkInstant,
  requireTargetIdle,
} from './restore-conflicts'
import { refusalToError } from '../routes/route-kit'
import { parseRestoreRequest } from './restore-request'
import { checkTarget, requireTarget, sourceTopology } from './restore-target'

// Everything op 19 checks before it creates a job, in Atlas's order: the body (400), what it
// names (404), whether the source, snapshot and target allow it (400), then conflicts with
// work under way (409).

type Dedicated = Extract<StoredCluster, { kind: 'dedicated' }>

export type CheckedRestore = {
  body: RestoreJobCreate
  snapshot?: StoredSnapshot
  target?: StoredCluster
  /** The instant of the source's data the restore brings back, ms. */
  originAt: number
}

function requireSnapshot(
  ctx: SandboxContext,
  source: Dedicated,
  snapshotId: string,
): StoredSnapshot {
  const snapshot = getSnapshot(ctx, source.groupId, source.name, snapshotId)
  if (!snapshot) {
    throw snapshotNotFound(snapshotId, `cluster ${source.name}`, 'snapshotId')
  }
  if (snapshot.doc.status !== 'completed') {
    throw snapshotNotCompleted(snapshotId, snapshot.doc.status)
  }
  return snapshot
}

export function checkRestoreCreation(
  ctx: SandboxContext,
  source: Dedicated,
  rawBody: unknown,
  now: number,
): CheckedRestore {
  const body = parseRestoreRequest(rawBody)
  const allowed = checkDeliveryTypeAllowed(
    {
      kind: 'dedicated',
      pitEnabled: source.doc.pitEnabled === true,
      customerKeyEncryption: dedicatedFacts(source.doc).encryptionAtRest,
    },
    body.deliveryType,
  )
  if (!allowed.ok) throw refusalToError(allowed)

  const snapshot = body.snapshotId
    ? requireSnapshot(ctx, source, body.snapshotId)
    : undefined
  const instant = restoreInstant(body)
  const originAt = instant
    ? instant.seconds * 1000
    : (snapshot?.createdAt ?? now)
  if (instant && snapshot && snapshot.createdAt > originAt) {
    throw refusalToError({
      reason: `Snapshot ${snapshot.id} was taken after the instant to restore to; name an earlier snapshot or none`,
      field: 'snapshotId',
      errorCode: 'VALIDATION_ERROR',
    })
  }

  if (body.deliveryType === 'download') {
    checkDownloads(ctx, source.groupId, snapshot?.id ?? '', now)
    return { body, ...(snapshot ? { snapshot } : {}), originAt }
  }
  const target = requireTarget(ctx, {
    groupId: body.targetGroupId ?? '',
    name: body.targetClusterName ?? '',
  })
  checkTarget(
    target,
    sourceTopology(source, snapshot, originAt),
    snapshot?.doc.mongodVersion ?? source.doc.mongoDBVersion ?? '',
  )
  if (instant) {
    checkInstant(ctx, source, instant, now)
  }
  requireTargetIdle(ctx, target)
  return { body, ...(snapshot ? { snapshot } : {}), target, originAt }
}
