import { MAX_INT32 } from '../atlas/common'
import type { SnapshotStatus, SnapshotType } from '../atlas/common'
import type { DeploymentKind } from './delivery-type'
import { ruleErrorCodes } from './error-codes'
import { checkIntegerInRange, isAbsent } from './field-checks'
import type { MaybeNumber, MaybeString } from './field-checks'
import { allRefusals, firstRefusal, ok, refuse } from './result'
import type { RuleRefusal, RuleResult } from './result'

// S1: an on-demand snapshot (takeGroupClusterBackupSnapshots). `retentionInDays` "Must be at
// least 1" [spec]; we also require a description, as the Atlas UI and CLI (--desc) do, so the
// snapshot says why it exists. "If there is already an on-demand snapshot with a status of
// queued or inProgress, you must wait … If there is already a scheduled snapshot with a status
// of queued or inProgress, you may queue an on-demand snapshot" (reference 003).

export type OnDemandSnapshotRequestInput = {
  description?: MaybeString
  retentionInDays?: MaybeNumber
}

export function validateOnDemandSnapshotRequest(
  body: OnDemandSnapshotRequestInput,
): RuleRefusal[] {
  return allRefusals([
    isAbsent(body.retentionInDays)
      ? refuse(
          'retentionInDays is required: how many days to keep the snapshot',
          'retentionInDays',
        )
      : checkIntegerInRange(
          body.retentionInDays,
          'retentionInDays',
          1,
          MAX_INT32,
        ),
    typeof body.description === 'string' && body.description.trim() !== ''
      ? ok
      : refuse(
          'description is required: say why this snapshot is taken',
          'description',
        ),
  ])
}

export type SnapshotStateInput = {
  snapshotType: SnapshotType
  status: SnapshotStatus
}

/** Reference 003: no on-demand snapshots for M2/M5 (now Flex) nor serverless instances. */
export function checkOnDemandSnapshotSupported(
  kind: DeploymentKind,
): RuleResult {
  if (kind === 'dedicated') return ok
  const what = kind === 'flex' ? 'Flex clusters' : 'serverless instances'
  return refuse(
    `On-demand snapshots are not available for ${what}; Atlas takes their snapshots on its ` +
      'own schedule',
    undefined,
    ruleErrorCodes.featureUnsupported,
  )
}

/** Whether the cluster can take an on-demand snapshot now, given its current snapshots. */
export function checkOnDemandSnapshotAllowed(
  existing: readonly SnapshotStateInput[],
): RuleResult {
  const busy = existing.find(
    (s) =>
      s.snapshotType === 'onDemand' &&
      (s.status === 'queued' || s.status === 'inProgress'),
  )
  if (busy) {
    const state = busy.status === 'queued' ? 'queued' : 'in progress'
    return refuse(
      `Another on-demand snapshot is ${state}; wait until it completes before taking another`,
      undefined,
      ruleErrorCodes.onDemandSnapshotInProgress,
    )
  }
  return ok
}

/** Kind, then body, then the cluster's state: what the BFF and the sandbox answer. */
export function checkOnDemandSnapshot(
  body: OnDemandSnapshotRequestInput,
  existing: readonly SnapshotStateInput[],
  kind: DeploymentKind = 'dedicated',
): RuleResult {
  return firstRefusal([
    checkOnDemandSnapshotSupported(kind),
    ...validateOnDemandSnapshotRequest(body),
    checkOnDemandSnapshotAllowed(existing),
  ])
}
