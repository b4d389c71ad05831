import { deliveryTypes } from '../atlas/common'
import type { DeliveryType } from '../atlas/common'
import {
  checkClusterName,
  checkEpochSeconds,
  checkIntegerInRange,
  checkObjectId,
  checkRequired,
  isAbsent,
} from './field-checks'
import type { MaybeNumber, MaybeString } from './field-checks'
import { allRefusals, firstRefusal, ok, refuse } from './result'
import type { RuleRefusal, RuleResult } from './result'

// R2–R4: the fields of a dedicated-cluster restore job body (createGroupClusterBackupRestoreJob).
// Unlike the CLI, which silently drops half an oplog pair and lets the pair win over
// pointInTimeUTCSeconds (PEERS.md §2), every such body is refused, naming the field to fix.

export type RestoreRequestInput = {
  deliveryType: DeliveryType
  snapshotId?: MaybeString
  targetGroupId?: MaybeString
  targetClusterName?: MaybeString
  pointInTimeUTCSeconds?: MaybeNumber
  oplogTs?: MaybeNumber
  oplogInc?: MaybeNumber
}

const pitFields = ['pointInTimeUTCSeconds', 'oplogTs', 'oplogInc'] as const
const targetFields = ['targetGroupId', 'targetClusterName'] as const

/** Every refusal, for the wizard to show beside each field. */
export function validateRestoreRequest(
  body: RestoreRequestInput,
): RuleRefusal[] {
  if (!(deliveryTypes as readonly string[]).includes(body.deliveryType)) {
    return [
      refuse(
        'deliveryType must be automated, download or pointInTime',
        'deliveryType',
      ),
    ]
  }
  const type = body.deliveryType
  const results: RuleResult[] = []

  // R2, R3: automated and download need a snapshot; pointInTime may name one as its base.
  results.push(
    type === 'pointInTime' && isAbsent(body.snapshotId)
      ? ok
      : checkRequired(
          body.snapshotId,
          'snapshotId',
          `for ${type} restores`,
          checkObjectId,
        ),
  )

  if (type === 'download') {
    // R3: a download goes to a link, never to a cluster.
    for (const field of targetFields) {
      if (!isAbsent(body[field])) {
        results.push(
          refuse(
            `${field} must be left out of a download: a download restores to no cluster`,
            field,
          ),
        )
      }
    }
  } else {
    const why = `for ${type} restores`
    results.push(
      checkRequired(body.targetGroupId, 'targetGroupId', why, checkObjectId),
    )
    results.push(
      checkRequired(
        body.targetClusterName,
        'targetClusterName',
        why,
        checkClusterName,
      ),
    )
  }

  if (type === 'pointInTime') {
    results.push(...pointInTimeResults(body))
  } else {
    // A point in time on another delivery type would be ignored; refusing it avoids an operator
    // believing they restore to an instant when they restore the whole snapshot.
    for (const field of pitFields) {
      if (!isAbsent(body[field])) {
        results.push(
          refuse(`${field} applies only to pointInTime restores`, field),
        )
      }
    }
  }
  return allRefusals(results)
}

/** The first refusal, for the BFF and the sandbox. */
export function checkRestoreRequest(body: RestoreRequestInput): RuleResult {
  return firstRefusal(validateRestoreRequest(body))
}

// R4: exactly one of pointInTimeUTCSeconds or the pair oplogTs + oplogInc.
function pointInTimeResults(body: RestoreRequestInput): RuleResult[] {
  const { pointInTimeUTCSeconds: seconds, oplogTs, oplogInc } = body
  const hasSeconds = !isAbsent(seconds)
  const hasTs = !isAbsent(oplogTs)
  const hasInc = !isAbsent(oplogInc)
  if (hasSeconds && (hasTs || hasInc)) {
    return [
      refuse(
        'Give either pointInTimeUTCSeconds or the pair oplogTs and oplogInc, not both',
        'pointInTimeUTCSeconds',
      ),
    ]
  }
  if (hasSeconds) return [checkEpochSeconds(seconds, 'pointInTimeUTCSeconds')]
  if (!hasTs && !hasInc) {
    return [
      refuse(
        'A pointInTime restore needs pointInTimeUTCSeconds, or oplogTs together with oplogInc',
        'pointInTimeUTCSeconds',
      ),
    ]
  }
  return [
    hasTs
      ? checkEpochSeconds(oplogTs, 'oplogTs')
      : refuse('oplogTs is required together with oplogInc', 'oplogTs'),
    hasInc
      ? checkIntegerInRange(oplogInc, 'oplogInc', 1)
      : refuse('oplogInc is required together with oplogTs', 'oplogInc'),
  ]
}

/**
 * The instant a pointInTime body restores to, in epoch seconds (an oplog timestamp's first half
 * is that second), with the field that carries it, for the window check (R4).
 */
export function restoreInstant(
  body: RestoreRequestInput,
): { seconds: number; field: 'pointInTimeUTCSeconds' | 'oplogTs' } | undefined {
  if (typeof body.pointInTimeUTCSeconds === 'number') {
    return {
      seconds: body.pointInTimeUTCSeconds,
      field: 'pointInTimeUTCSeconds',
    }
  }
  if (typeof body.oplogTs === 'number') {
    return { seconds: body.oplogTs, field: 'oplogTs' }
  }
  return undefined
}
