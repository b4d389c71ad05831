import type { DeliveryType } from '../../../../contract/atlas/common'
import type { RestoreJobKind } from '../../../../contract/bff/job-events'
import { RESTORE_CONFIRMATION_FIELD } from '../../../../contract/rules/restore-confirmation'
import {
  type RestoreRequestInput,
  validateRestoreRequest,
} from '../../../../contract/rules/restore-request'
import { validateFlexRestoreRequest } from '../../../../contract/rules/flex-restore'
import type { RuleRefusal } from '../../../../contract/rules/result'
import { restoreApi } from '../api-paths'
import type { WizardAnswers } from './wizard-answers'

// The exact request the wizard sends, built from the answers: the body each kind's endpoint
// takes (src/bff/routes/*-writes.ts), plus the typed confirmation for destructive ones (R8).

export type RestorePlan = {
  jobKind: RestoreJobKind
  groupId: string
  cluster: string
  path: string
  /** Atlas's fields only: what the Idempotency-Key stands for. */
  body: Record<string, string | number>
  deliveryType: DeliveryType
  targetGroupId: string | undefined
  targetName: string | undefined
  destructive: boolean
  /** The instant restored to, epoch seconds (point in time only). */
  instantSeconds: number | undefined
  /** Rule refusals of the body, each with its field (should be none after the steps). */
  refusals: RuleRefusal[]
}

function definedOnly(
  fields: Record<string, string | number | undefined>,
): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(fields).filter(
      (entry): entry is [string, string | number] => entry[1] !== undefined,
    ),
  )
}

export function buildRestorePlan(a: WizardAnswers): RestorePlan | undefined {
  const { groupId, cluster, kind, delivery } = a
  if (!groupId || !cluster || !kind || !delivery) return undefined
  const pit = delivery === 'pointInTime'
  const instantSeconds = !pit ? undefined : a.pit === 'oplog' ? a.oplogTs : a.at
  const common = {
    groupId,
    cluster,
    deliveryType: delivery,
    destructive: delivery !== 'download',
    instantSeconds,
  }
  if (kind === 'flex') {
    const body = definedOnly({
      snapshotId: a.snapshotId,
      targetDeploymentItemName: a.target,
      targetProjectId: a.targetGroupId,
    })
    return {
      ...common,
      jobKind: 'flex',
      path: restoreApi.restoreJobs('flex', groupId, cluster),
      body,
      targetGroupId: a.targetGroupId,
      targetName: a.target,
      refusals: validateFlexRestoreRequest(body),
    }
  }
  const body = definedOnly({
    deliveryType: delivery,
    snapshotId: a.snapshotId,
    targetGroupId: delivery === 'download' ? undefined : a.targetGroupId,
    targetClusterName: delivery === 'download' ? undefined : a.target,
    pointInTimeUTCSeconds: pit && a.pit === 'date' ? a.at : undefined,
    oplogTs: pit && a.pit === 'oplog' ? a.oplogTs : undefined,
    oplogInc: pit && a.pit === 'oplog' ? a.oplogInc : undefined,
  })
  return {
    ...common,
    jobKind: kind,
    path: restoreApi.restoreJobs(kind, groupId, cluster),
    body,
    targetGroupId: delivery === 'download' ? undefined : a.targetGroupId,
    targetName: delivery === 'download' ? undefined : a.target,
    refusals: validateRestoreRequest(body as RestoreRequestInput),
  }
}

/** The body as sent: Atlas's fields, then the typed confirmation for destructive restores. */
export function requestBody(
  plan: RestorePlan,
  typedName: string,
): Record<string, string | number> {
  return plan.destructive
    ? { ...plan.body, [RESTORE_CONFIRMATION_FIELD]: typedName }
    : plan.body
}
