import type { FlexSnapshot } from '../../contract/atlas/flex-backup'
import { flexRestoreJobCreateSchema } from '../../contract/atlas/flex-backup'
import {
  type FlexRestoreTargetInput,
  checkFlexRestoreRequest,
  checkFlexRestoreTarget,
} from '../../contract/rules/flex-restore'
import type { SandboxContext } from '../context'
import { snapshotNotCompleted, snapshotNotFound } from '../protocol/api-error'
import { enforce, parseBody } from '../routes/route-kit'
import type { StoredCluster } from '../state/clusters-repo'
import {
  type FlexSnapshotSim,
  type StoredFlexJob,
  type StoredFlexSnapshot,
  getOfKind,
  insertFlexRestore,
} from '../state/flex-backups-repo'
import { requireTargetIdle } from './restore-conflicts'
import { restoreWillFail } from './restore-outcome'
import { asRuleInput } from './restore-request'
import { requireTarget } from './restore-target'

// Creating a flex restore (op 31): the body and the target by R6 through the shared rules, then
// one restore at a time into the target, whatever kind of restore holds it.

/** A flex snapshot of the cluster; `forUse` (restore, download) also needs it completed. */
export function requireFlexSnapshot(
  ctx: SandboxContext,
  source: { groupId: string; name: string },
  snapshotId: string,
  forUse: boolean,
): StoredFlexSnapshot {
  const found = getOfKind<FlexSnapshot, FlexSnapshotSim>(
    ctx.db,
    'snapshots',
    'flex',
    source.groupId,
    source.name,
    snapshotId,
  )
  const owner = `flex cluster ${source.name}`
  if (!found) {
    throw snapshotNotFound(snapshotId, owner, forUse ? 'snapshotId' : undefined)
  }
  if (forUse && found.doc.status !== 'COMPLETED') {
    throw snapshotNotCompleted(snapshotId, found.doc.status)
  }
  return found
}

function targetFacts(target: StoredCluster): FlexRestoreTargetInput {
  if (target.kind !== 'dedicated') {
    return { kind: target.kind, mongoDBVersion: target.doc.mongoDBVersion }
  }
  const { clusterType, encryptionAtRestProvider, mongoDBVersion } = target.doc
  return {
    kind: 'dedicated',
    clusterType,
    encryptionAtRestProvider,
    mongoDBVersion,
  }
}

export function createFlexRestore(
  ctx: SandboxContext,
  source: { groupId: string; name: string },
  rawBody: unknown,
  path: string,
): StoredFlexJob {
  const raw = asRuleInput(rawBody, [
    'snapshotId',
    'targetDeploymentItemName',
    'targetProjectId',
  ])
  if (raw) enforce(checkFlexRestoreRequest(raw))
  const body = parseBody(flexRestoreJobCreateSchema, rawBody)
  const snapshot = requireFlexSnapshot(ctx, source, body.snapshotId, true)
  const where = {
    groupId: body.targetProjectId ?? source.groupId,
    name: body.targetDeploymentItemName,
  }
  const target = requireTarget(ctx, where, {
    group: 'targetProjectId',
    name: 'targetDeploymentItemName',
  })
  enforce(
    checkFlexRestoreTarget(snapshot.doc.mongoDBVersion, targetFacts(target)),
  )
  requireTargetIdle(ctx, where, 'targetDeploymentItemName')
  return insertFlexRestore(
    ctx.db,
    {
      groupId: source.groupId,
      clusterName: source.name,
      snapshot,
      at: ctx.clock.now(),
      target: where,
    },
    restoreWillFail(ctx, path, target),
  )
}
