import {
  type DeliveryType,
  deliveryTypes,
} from '../../../../contract/atlas/common'
import {
  type DeploymentKind,
  deploymentKinds,
} from '../../../../contract/rules/delivery-type'
import type { RestoreWizardStep } from '../../../lib/paths'

// The wizard keeps every answer in the URL's query (issue 7: steps addressable by URL, back,
// forward and reload keep the answers). This module reads and writes that query, says which
// steps apply, and which is the first one still unanswered.

export type RestoreFrom = 'snapshot' | 'pointInTime'
export type PitMode = 'date' | 'oplog'
export type ZoneChoice = 'utc' | 'local'

export type WizardAnswers = {
  groupId?: string | undefined
  kind?: DeploymentKind | undefined
  cluster?: string | undefined
  from?: RestoreFrom | undefined
  snapshotId?: string | undefined
  delivery?: DeliveryType | undefined
  pit?: PitMode | undefined
  /** Date-time mode: the instant in epoch seconds (UTC). */
  at?: number | undefined
  /** The zone the operator types the date-time in. */
  zone?: ZoneChoice | undefined
  oplogTs?: number | undefined
  oplogInc?: number | undefined
  targetGroupId?: string | undefined
  target?: string | undefined
}

const oneOf = <T extends string>(
  values: readonly T[],
  value: string | null,
): T | undefined =>
  value !== null && (values as readonly string[]).includes(value)
    ? (value as T)
    : undefined

const text = (value: string | null) =>
  value === null || value === '' ? undefined : value

const integer = (value: string | null) => {
  if (value === null || !/^-?\d+$/.test(value)) return undefined
  const n = Number(value)
  return Number.isSafeInteger(n) ? n : undefined
}

/** The snapshot browser links with kind=clusters (its URL segment); the wizard says dedicated. */
function kindOf(value: string | null): DeploymentKind | undefined {
  if (value === 'clusters') return 'dedicated'
  return oneOf(deploymentKinds, value)
}

export function parseAnswers(params: URLSearchParams): WizardAnswers {
  const snapshotId = text(params.get('snapshotId'))
  return {
    groupId: text(params.get('groupId')),
    kind: kindOf(params.get('kind')),
    cluster: text(params.get('cluster')),
    from:
      oneOf(['snapshot', 'pointInTime'] as const, params.get('from')) ??
      (snapshotId ? 'snapshot' : undefined),
    snapshotId,
    delivery: oneOf(deliveryTypes, params.get('delivery')),
    pit: oneOf(['date', 'oplog'] as const, params.get('pit')),
    at: integer(params.get('at')),
    zone: oneOf(['utc', 'local'] as const, params.get('zone')),
    oplogTs: integer(params.get('oplogTs')),
    oplogInc: integer(params.get('oplogInc')),
    targetGroupId: text(params.get('targetGroupId')),
    target: text(params.get('target')),
  }
}

/** The query for paths.restoreWizardStep, in a stable order (a stable URL and storage key). */
export function answersQuery(
  answers: WizardAnswers,
): Record<string, string | undefined> {
  const s = (v: number | string | undefined) =>
    v === undefined ? undefined : String(v)
  return {
    groupId: answers.groupId,
    kind: answers.kind,
    cluster: answers.cluster,
    from: answers.from,
    snapshotId: answers.snapshotId,
    delivery: answers.delivery,
    pit: answers.pit,
    at: s(answers.at),
    zone: answers.zone,
    oplogTs: s(answers.oplogTs),
    oplogInc: s(answers.oplogInc),
    targetGroupId: answers.targetGroupId,
    target: answers.target,
  }
}

/** The steps this restore goes through, in order. */
export function stepsFor(answers: WizardAnswers): RestoreWizardStep[] {
  const delivery =
    answers.delivery ??
    (answers.from === 'pointInTime' ? 'pointInTime' : undefined)
  return [
    'source',
    'delivery',
    ...(delivery === 'pointInTime' ? (['point-in-time'] as const) : []),
    ...(delivery === 'download' ? [] : (['target'] as const)),
    'review',
  ]
}

export function isStepAnswered(
  step: RestoreWizardStep,
  a: WizardAnswers,
): boolean {
  switch (step) {
    case 'source':
      return Boolean(
        a.groupId &&
        a.kind &&
        a.cluster &&
        a.from &&
        (a.from === 'pointInTime' || a.snapshotId),
      )
    case 'delivery':
      return a.delivery !== undefined
    case 'point-in-time':
      return a.pit === 'date'
        ? a.at !== undefined
        : a.pit === 'oplog' &&
            a.oplogTs !== undefined &&
            a.oplogInc !== undefined
    case 'target':
      return Boolean(a.targetGroupId && a.target)
    case 'review':
      return false
  }
}

/** The first step without an answer: later steps redirect there. */
export function firstUnansweredStep(a: WizardAnswers): RestoreWizardStep {
  return stepsFor(a).find((step) => !isStepAnswered(step, a)) ?? 'review'
}

export function nextStep(
  step: RestoreWizardStep,
  a: WizardAnswers,
): RestoreWizardStep {
  const steps = stepsFor(a)
  return steps[steps.indexOf(step) + 1] ?? 'review'
}

export function previousStep(
  step: RestoreWizardStep,
  a: WizardAnswers,
): RestoreWizardStep | undefined {
  const steps = stepsFor(a)
  const index = steps.indexOf(step)
  return index > 0 ? steps[index - 1] : undefined
}

const pitCleared = {
  pit: undefined,
  at: undefined,
  zone: undefined,
  oplogTs: undefined,
  oplogInc: undefined,
}

/**
 * New answers from a step: a changed source voids everything after it, a changed choice of
 * snapshot or point in time voids the delivery type, and a delivery type without a target or
 * an instant drops those, so no stale answer can reach the request.
 */
export function reviseAnswers(
  previous: WizardAnswers,
  patch: WizardAnswers,
): WizardAnswers {
  let next: WizardAnswers = { ...previous, ...patch }
  const sourceChanged =
    next.groupId !== previous.groupId || next.cluster !== previous.cluster
  if (sourceChanged) {
    next = {
      ...next,
      ...pitCleared,
      delivery: undefined,
      targetGroupId: undefined,
      target: undefined,
    }
  }
  if (next.from !== previous.from) {
    next = { ...next, ...pitCleared, delivery: undefined }
  }
  // What the step itself answered stands, even where a change above voided the old answer.
  next = {
    ...next,
    ...Object.fromEntries(
      Object.entries(patch).filter(([, value]) => value !== undefined),
    ),
  }
  if (next.from === 'pointInTime') next = { ...next, snapshotId: undefined }
  if (next.delivery !== undefined && next.delivery !== 'pointInTime') {
    next = { ...next, ...pitCleared }
  }
  if (next.delivery === 'download') {
    next = { ...next, targetGroupId: undefined, target: undefined }
  }
  return next
}
