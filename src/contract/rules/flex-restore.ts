import { DEPLOYMENT_ITEM_NAME_PATTERN } from '../atlas/common'
import type { ClusterType, EncryptionAtRestProvider } from '../atlas/common'
import type { DeploymentKind } from './delivery-type'
import { ruleErrorCodes } from './error-codes'
import { checkObjectId, checkRequired, isAbsent } from './field-checks'
import type { MaybeString } from './field-checks'
import { allRefusals, firstRefusal, ok, refuse } from './result'
import type { RuleRefusal, RuleResult } from './result'

// R6: Flex (successor of M2/M5) restores: body FlexBackupRestoreJobCreate20241113, automated
// only; daily snapshots, the last 8 kept; download links active for four hours. M2/M5/Flex
// snapshots restore only to replica sets, to targets without encryption at rest and on the
// snapshot's major version (references 003, 004).

export const FLEX_SNAPSHOTS_KEPT = 8
export const FLEX_SNAPSHOT_INTERVAL_HOURS = 24
export const FLEX_DOWNLOAD_LINK_HOURS = 4

export type FlexRestoreRequestInput = {
  snapshotId?: MaybeString
  targetDeploymentItemName?: MaybeString
  targetProjectId?: MaybeString
}

function checkDeploymentItemName(value: string, field: string): RuleResult {
  return DEPLOYMENT_ITEM_NAME_PATTERN.test(value)
    ? ok
    : refuse(
        `${field} must be 1 to 64 letters, digits or the characters - _ . ( ) , : & @ + '`,
        field,
      )
}

export function validateFlexRestoreRequest(
  body: FlexRestoreRequestInput,
): RuleRefusal[] {
  const why = 'for a Flex restore'
  return allRefusals([
    checkRequired(body.snapshotId, 'snapshotId', why, checkObjectId),
    checkRequired(
      body.targetDeploymentItemName,
      'targetDeploymentItemName',
      why,
      checkDeploymentItemName,
    ),
    isAbsent(body.targetProjectId)
      ? ok
      : checkObjectId(body.targetProjectId, 'targetProjectId'),
  ])
}

export function checkFlexRestoreRequest(
  body: FlexRestoreRequestInput,
): RuleResult {
  return firstRefusal(validateFlexRestoreRequest(body))
}

export type FlexRestoreTargetInput = {
  kind: DeploymentKind
  clusterType?: ClusterType | undefined
  encryptionAtRestProvider?: EncryptionAtRestProvider | undefined
  /** "8.0.4" or "8.0"; absent when unknown, which skips the version check. */
  mongoDBVersion?: string | undefined
}

/** "8.0.4" → "8.0": MongoDB names its major releases by the first two numbers. */
export function majorVersion(version: string): string | undefined {
  return /^(\d+\.\d+)/.exec(version)?.[1]
}

function incompatible(reason: string): RuleResult {
  return refuse(
    reason,
    'targetDeploymentItemName',
    ruleErrorCodes.incompatibleTarget,
  )
}

/** Whether a target can take a snapshot of a Flex (or former M2/M5) cluster. */
export function checkFlexRestoreTarget(
  snapshotMongoDBVersion: string | undefined,
  target: FlexRestoreTargetInput,
): RuleResult {
  // A flex target may be "another flex cluster or dedicated cluster tier" [spec].
  if (target.kind === 'serverless') {
    return incompatible(
      'A Flex snapshot cannot be restored to a serverless instance',
    )
  }
  if (target.clusterType === 'SHARDED' || target.clusterType === 'GEOSHARDED') {
    return incompatible(
      'A Flex snapshot restores only to a replica set, never to a sharded cluster. ' +
        'Choose a replica set as the target',
    )
  }
  const provider = target.encryptionAtRestProvider
  if (provider !== undefined && provider !== 'NONE') {
    return incompatible(
      `The target uses encryption at rest (${provider}); a Flex snapshot can only be ` +
        'restored to a cluster without it',
    )
  }
  const from = snapshotMongoDBVersion && majorVersion(snapshotMongoDBVersion)
  const to = target.mongoDBVersion && majorVersion(target.mongoDBVersion)
  if (from && to && from !== to) {
    return incompatible(
      `The snapshot runs MongoDB ${from} and the target ${to}; a Flex snapshot can only be ` +
        `restored to a cluster on MongoDB ${from}`,
    )
  }
  return ok
}

/** When a Flex download link stops working (four hours after the request [spec]). */
export function flexDownloadLinkExpiresAt(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + FLEX_DOWNLOAD_LINK_HOURS * 3_600_000)
}

/** Ids of the Flex snapshots beyond the last 8, oldest first, which the sandbox drops. */
export function flexSnapshotsBeyondRetention(
  snapshots: readonly { id: string; createdAt: Date }[],
): string[] {
  return [...snapshots]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(FLEX_SNAPSHOTS_KEPT)
    .reverse()
    .map((s) => s.id)
}
