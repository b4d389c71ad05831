import type { FlexSnapshot } from '../../contract/atlas/flex-backup'
import { flexRestoreJobCreateSchema } from '../../contract/atlas/flex-backup'
import {
  type FlexRestoreTargetInput,
  checkFlexRestoreRequest,
  checkFlexRestoreTarget,
} from '../../contract/rules/flex-restore'
import type { RuleResult } from '../../contract/rules/result'
import type { SandboxContext } from '../context'
import { AtlasError, clusterNotFound } from '../protocol/api-error'
import { requireGroup } from '../routes/lookup'
import { parseBody } from '../routes/route-kit'
import { RESTORE_OUTCOME_TAG } from '../seed'
import { type StoredCluster, getCluster } from '../state/clusters-repo'
import {
  type FlexSnapshotSim,
  type StoredFlexJob,
  type StoredFlexSnapshot,
  getOfKind,
  insertFlexRestore,
} from '../state/flex-backups-repo'
import { restoreTargetBusy } from '../state/serverless-backups-repo'
import { RESTORE_IN_PROGRESS, refusal } from './restore-conflicts'

// Creating a flex restore (op 31) and the checks it shares with serverless restores: the rule
// refusals as ApiErrors, one restore at a time into a target, and the failure sentinels.

/** Throws the rule's refusal as the ApiError Atlas would send (409 for work under way). */
export function enforce(result: RuleResult): void {
  if (!result.ok) throw refusal(result)
}

/**
 * The body as a rule's input when its fields have the JSON types the rule expects, so the rule
 * names the problem in its own words before the schema checks the types.
 */
export function asRuleInput(
  body: unknown,
  strings: readonly string[],
  numbers: readonly string[] = [],
): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return undefined
  }
  const record = body as Record<string, unknown>
  const fits = (names: readonly string[], type: 'string' | 'number') =>
    names.every((n) => record[n] === undefined || typeof record[n] === type)
  return fits(strings, 'string') && fits(numbers, 'number') ? record : undefined
}

/** The target is unavailable for the duration of a restore (reference 000): 409. */
export function requireTargetIdle(
  ctx: SandboxContext,
  target: { groupId: string; name: string },
  field: string,
): void {
  const busy = restoreTargetBusy(ctx.db, target.groupId, target.name)
  if (!busy) return
  throw new AtlasError(
    409,
    RESTORE_IN_PROGRESS,
    `${target.name} is being restored by restore job ${busy}; wait until it finishes before starting another restore to it.`,
    [target.name, busy],
    [
      {
        field,
        description: 'a restore to this cluster is already in progress',
      },
    ],
  )
}

/** Decided at creation: a consumed failNextRestore fault or the sentinel target tag. */
export function restoreWillFail(
  ctx: SandboxContext,
  path: string,
  target: StoredCluster,
): boolean {
  const tags = 'tags' in target.doc ? (target.doc.tags ?? []) : []
  return (
    ctx.faults.take('POST', path, ['failNextRestore']).length > 0 ||
    tags.some((t) => t.key === RESTORE_OUTCOME_TAG)
  )
}

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
  const field = forUse ? [{ field: 'snapshotId' }] : []
  if (!found) {
    throw new AtlasError(
      404,
      'RESOURCE_NOT_FOUND',
      `No snapshot ${snapshotId} exists for flex cluster ${source.name}.`,
      ['snapshot', snapshotId],
      field.map((f) => ({ ...f, description: 'no such snapshot' })),
    )
  }
  if (forUse && found.doc.status !== 'COMPLETED') {
    throw new AtlasError(
      400,
      'SNAPSHOT_NOT_COMPLETED',
      `Snapshot ${snapshotId} is ${found.doc.status ?? 'not ready'}; only a completed snapshot can be restored or downloaded.`,
      [snapshotId],
      field.map((f) => ({ ...f, description: 'not completed yet' })),
    )
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

/** 31: the body and the target by R6 through the shared rules, then one restore at a time. */
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
  const targetGroupId = body.targetProjectId ?? source.groupId
  requireGroup(ctx, targetGroupId)
  const name = body.targetDeploymentItemName
  const target = getCluster(ctx.db, targetGroupId, name)
  if (!target) throw clusterNotFound(name, targetGroupId)
  enforce(
    checkFlexRestoreTarget(snapshot.doc.mongoDBVersion, targetFacts(target)),
  )
  requireTargetIdle(
    ctx,
    { groupId: targetGroupId, name },
    'targetDeploymentItemName',
  )
  return insertFlexRestore(
    ctx.db,
    {
      groupId: source.groupId,
      clusterName: source.name,
      snapshot,
      at: ctx.clock.now(),
      target: { groupId: targetGroupId, name },
    },
    restoreWillFail(ctx, path, target),
  )
}
