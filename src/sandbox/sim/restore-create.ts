import type { RestoreJobCreate } from '../../contract/atlas/restore-job'
import { checkDeliveryTypeAllowed } from '../../contract/rules/delivery-type'
import { restoreInstant } from '../../contract/rules/restore-request'
import type { SandboxContext } from '../context'
import { AtlasError } from '../protocol/api-error'
import type { StoredCluster } from '../state/clusters-repo'
import { dedicatedFacts } from '../state/clusters-repo'
import { type StoredSnapshot, getSnapshot } from '../state/snapshots-repo'
import {
  checkDownloads,
  checkInstant,
  checkTargetIdle,
  refusal,
} from './restore-conflicts'
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
    throw new AtlasError(
      404,
      'RESOURCE_NOT_FOUND',
      `No snapshot ${snapshotId} exists for cluster ${source.name}.`,
      ['snapshot', snapshotId],
      [
        {
          field: 'snapshotId',
          description: `no such snapshot of ${source.name}`,
        },
      ],
    )
  }
  if (snapshot.doc.status !== 'completed') {
    throw new AtlasError(
      400,
      'SNAPSHOT_NOT_COMPLETED',
      `Snapshot ${snapshotId} is ${snapshot.doc.status ?? 'not ready'}; only a completed ` +
        'snapshot can be restored or downloaded.',
      [snapshotId],
      [
        {
          field: 'snapshotId',
          description: 'the snapshot is not completed yet',
        },
      ],
    )
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
  if (!allowed.ok) throw refusal(allowed)

  const snapshot = body.snapshotId
    ? requireSnapshot(ctx, source, body.snapshotId)
    : undefined
  const instant = restoreInstant(body)
  const originAt = instant
    ? instant.seconds * 1000
    : (snapshot?.createdAt ?? now)
  if (instant && snapshot && snapshot.createdAt > originAt) {
    throw refusal({
      ok: false,
      reason: `Snapshot ${snapshot.id} was taken after the instant to restore to; name an earlier snapshot or none`,
      field: 'snapshotId',
      errorCode: 'VALIDATION_ERROR',
    })
  }

  if (body.deliveryType === 'download') {
    checkDownloads(ctx, source.groupId, snapshot?.id ?? '', now)
    return { body, ...(snapshot ? { snapshot } : {}), originAt }
  }
  const target = requireTarget(ctx, body)
  checkTarget(
    target,
    sourceTopology(source, snapshot, originAt),
    snapshot?.doc.mongodVersion ?? source.doc.mongoDBVersion ?? '',
  )
  if (instant) {
    checkInstant(ctx, source, instant, now)
  }
  checkTargetIdle(ctx, target.groupId, target.name)
  return { body, ...(snapshot ? { snapshot } : {}), target, originAt }
}
