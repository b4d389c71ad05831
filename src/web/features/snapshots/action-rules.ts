import { checkDeliveryTypeAllowed } from '../../../contract/rules/delivery-type'
import {
  checkOnDemandSnapshotAllowed,
  checkOnDemandSnapshotSupported,
} from '../../../contract/rules/on-demand-snapshot'
import {
  firstRefusal,
  ok,
  refuse,
  type RuleResult,
} from '../../../contract/rules/result'
import { canPerform, type Role } from '../../../contract/rules/roles'
import { checkSnapshotDeletion } from '../../../contract/rules/snapshot-delete'
import { type Deployment, type SnapshotRow, statusLabels } from './model'

// Which actions the operator may take, each with the reason when not: the role (R9), then the
// rules the BFF applies to the same request (S1, S3, R1, R3, R6).

export function takeSnapshotVerdict(
  role: Role,
  deployment: Deployment,
  snapshots: readonly SnapshotRow[],
): RuleResult {
  return firstRefusal([
    canPerform(role, 'takeSnapshot'),
    checkOnDemandSnapshotSupported(deployment.kind),
    deployment.backupEnabled
      ? ok
      : refuse(
          'Cloud backup is off on this cluster; turn it on in Atlas first',
        ),
    checkOnDemandSnapshotAllowed(
      snapshots.map((s) => ({
        snapshotType: s.snapshotType,
        status: s.status ?? 'completed',
      })),
    ),
  ])
}

function completed(snapshot: SnapshotRow, what: string): RuleResult {
  return snapshot.status === 'completed'
    ? ok
    : refuse(
        `Only a completed snapshot can be ${what}; this one is ${(snapshot.status ? statusLabels[snapshot.status] : 'of unknown status').toLowerCase()}`,
      )
}

export type SnapshotVerdicts = {
  restore: RuleResult
  download: RuleResult
  expiry: RuleResult
  delete: RuleResult
}

export function snapshotVerdicts(
  role: Role,
  deployment: Deployment,
  snapshot: SnapshotRow,
): SnapshotVerdicts {
  return {
    restore: firstRefusal([
      canPerform(role, 'startRestore'),
      completed(snapshot, 'restored'),
    ]),
    download: firstRefusal([
      canPerform(role, 'startRestore'),
      // R6: a Flex download is its own action, not a restore delivery type.
      deployment.kind === 'flex'
        ? ok
        : checkDeliveryTypeAllowed(deployment, 'download'),
      completed(snapshot, 'downloaded'),
    ]),
    expiry: firstRefusal([
      canPerform(role, 'changeSnapshotExpiry'),
      deployment.kind === 'dedicated'
        ? ok
        : refuse(
            'Atlas offers no way to change the expiry of Flex or serverless snapshots',
          ),
    ]),
    delete: firstRefusal([
      canPerform(role, 'deleteSnapshot'),
      // S3's kind check; the compliance policy is Atlas's to apply, and its reason is shown.
      checkSnapshotDeletion({
        kind: deployment.kind,
        compliancePolicyEnabled: false,
        confirmed: true,
      }),
    ]),
  }
}
