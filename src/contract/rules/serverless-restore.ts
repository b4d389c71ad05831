import type { DeliveryType } from '../atlas/common'
import { SERVERLESS_SUNSET_DATE } from '../atlas/versions'
import type { DeploymentKind } from './delivery-type'
import { ruleErrorCodes } from './error-codes'
import {
  checkClusterName,
  checkEpochSeconds,
  checkObjectId,
  checkRequired,
  isAbsent,
} from './field-checks'
import type { MaybeNumber, MaybeString } from './field-checks'
import { allRefusals, firstRefusal, ok, refuse } from './result'
import type { RuleRefusal, RuleResult } from './result'
import { checkRestoreInstant } from './restore-window'

// R5: serverless restores (createGroupServerlessBackupRestoreJob). "If you are restoring from
// Serverless Continuous Backup, you can only use a Date & Time within the last 72 hours.
// Serverless instances don't support restoring from an oplog entry" (reference 000).

export const SERVERLESS_PIT_WINDOW_HOURS = 72

export type ServerlessRestoreRequestInput = {
  deliveryType: DeliveryType
  snapshotId?: MaybeString
  targetGroupId?: MaybeString
  targetClusterName?: MaybeString
  pointInTimeUTCSeconds?: MaybeNumber
  oplogTs?: MaybeNumber
  oplogInc?: MaybeNumber
}

export function validateServerlessRestoreRequest(
  body: ServerlessRestoreRequestInput,
  now: Date,
): RuleRefusal[] {
  const type = body.deliveryType
  if (type !== 'automated' && type !== 'pointInTime') {
    return [
      refuse(
        'deliveryType must be automated or pointInTime: serverless snapshots cannot be downloaded',
        'deliveryType',
        ruleErrorCodes.deliveryTypeNotSupported,
      ),
    ]
  }
  const why = `for ${type} restores`
  // The serverless job schema requires both target fields for every delivery type [spec].
  const results: RuleResult[] = [
    checkRequired(body.targetGroupId, 'targetGroupId', why, checkObjectId),
    checkRequired(
      body.targetClusterName,
      'targetClusterName',
      why,
      checkClusterName,
    ),
  ]
  if (type === 'automated' || !isAbsent(body.snapshotId)) {
    results.push(
      checkRequired(body.snapshotId, 'snapshotId', why, checkObjectId),
    )
  }
  for (const field of ['oplogTs', 'oplogInc'] as const) {
    if (!isAbsent(body[field])) {
      results.push(
        refuse(
          `${field} cannot be used: serverless instances restore only to a date and time, ` +
            'not to an oplog entry',
          field,
        ),
      )
    }
  }
  const seconds = body.pointInTimeUTCSeconds
  if (type === 'pointInTime') {
    results.push(
      isAbsent(seconds)
        ? refuse(
            'pointInTimeUTCSeconds is required for pointInTime restores',
            'pointInTimeUTCSeconds',
          )
        : checkServerlessInstant(seconds, now),
    )
  } else if (!isAbsent(seconds)) {
    results.push(
      refuse(
        'pointInTimeUTCSeconds applies only to pointInTime restores',
        'pointInTimeUTCSeconds',
      ),
    )
  }
  return allRefusals(results)
}

/** The window check names the instant in UTC, which only a valid epoch second has. */
function checkServerlessInstant(seconds: number, now: Date): RuleResult {
  const epoch = checkEpochSeconds(seconds, 'pointInTimeUTCSeconds')
  if (!epoch.ok) return epoch
  return checkRestoreInstant(seconds, {
    now,
    restoreWindowDays: SERVERLESS_PIT_WINDOW_HOURS / 24,
  })
}

export function checkServerlessRestoreRequest(
  body: ServerlessRestoreRequestInput,
  now: Date,
): RuleResult {
  return firstRefusal(validateServerlessRestoreRequest(body, now))
}

/**
 * Which kinds of deployment can take a snapshot of which kind (reference 003): only serverless
 * snapshots restore to a serverless instance, and serverless snapshots cannot go to M2/M5
 * (now Flex). Topology and version limits are checked by topology.ts and flex-restore.ts.
 */
export function checkRestoreTargetKind(
  source: DeploymentKind,
  target: DeploymentKind,
): RuleResult {
  if (target === 'serverless' && source !== 'serverless') {
    return refuse(
      `A ${source} snapshot cannot be restored to a serverless instance; ` +
        'only serverless snapshots can. Choose a dedicated cluster as the target',
      'targetClusterName',
      ruleErrorCodes.incompatibleTarget,
    )
  }
  if (source === 'serverless' && target === 'flex') {
    return refuse(
      'A serverless snapshot cannot be restored to a Flex cluster. Choose a serverless ' +
        'instance or a dedicated cluster as the target',
      'targetClusterName',
      ruleErrorCodes.incompatibleTarget,
    )
  }
  return ok
}

export type AtlasErrorLike = {
  error?: number | undefined
  errorCode?: string | undefined
}

export function isVersionGone(error: AtlasErrorLike): boolean {
  return error.errorCode === ruleErrorCodes.versionGone || error.error === 410
}

/** "22 January 2026": the sunset date (ATLAS-CONTRACT.md §2, ops 22–26) as people write it. */
function sunsetDay(): string {
  return new Date(`${SERVERLESS_SUNSET_DATE}T00:00:00Z`).toLocaleDateString(
    'en-GB',
    { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' },
  )
}

/** What the UI says instead of a raw 410 VERSION_GONE from the serverless endpoints (R5). */
export function explainVersionGone(): string {
  return (
    `Atlas retired the serverless backup API on ${sunsetDay()}, so this serverless ` +
    "instance's snapshots and restores can no longer be reached through it. Serverless " +
    'instances have moved to Flex clusters: open the cluster again from the cluster list to ' +
    'see its backups as a Flex cluster, or manage them in the Atlas UI.'
  )
}
