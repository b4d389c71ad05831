import { Link } from 'react-router'

import type { DeploymentKind } from '../../../../contract/rules/delivery-type'
import type { FieldError } from '../../../lib/api-error'
import { formatInstant } from '../../../lib/format-time'
import { formatRelative } from '../../../lib/format-units'
import { type RestoreWizardStep, paths } from '../../../lib/paths'
import { kindLabel } from '../deployment-facts'
import type { SnapshotRow } from '../snapshot-rows'
import { deliveryLabel } from './delivery-options'
import type { RestorePlan } from './restore-plan'
import { type WizardAnswers, answersQuery } from './wizard-answers'

type ReviewSummaryProps = {
  answers: WizardAnswers
  plan: RestorePlan
  projectName: (groupId: string | undefined) => string
  snapshot: SnapshotRow | undefined
  /** null: the target has no snapshot; undefined: not known. */
  targetLatest: SnapshotRow | null | undefined
  /** Errors the BFF or the rules found, by request field. */
  fieldErrors: readonly FieldError[]
  now: Date
}

const both = (instant: string | number) =>
  `${formatInstant(instant, 'utc', { seconds: true })} (${formatInstant(instant, 'local', { seconds: true })})`

const rowFields: Record<string, string[]> = {
  source: [],
  restoring: ['snapshotId', 'pointInTimeUTCSeconds', 'oplogTs', 'oplogInc'],
  delivery: ['deliveryType'],
  target: [
    'targetGroupId',
    'targetClusterName',
    'targetDeploymentItemName',
    'targetProjectId',
  ],
}

function restoringText(a: WizardAnswers, snapshot: SnapshotRow | undefined) {
  if (a.delivery !== 'pointInTime') {
    return snapshot
      ? `The snapshot taken ${both(snapshot.createdAt)}`
      : `Snapshot ${a.snapshotId ?? '?'}`
  }
  if (a.pit === 'oplog') {
    return `The data as of oplog entry ${a.oplogTs ?? '?'} / ${a.oplogInc ?? '?'}, at ${both((a.oplogTs ?? 0) * 1000)}`
  }
  return `The data as it was at ${both((a.at ?? 0) * 1000)}; epoch seconds ${a.at ?? '?'}`
}

/** The blast radius in plain words: what is restored, from where, onto what (issue 7). */
export function ReviewSummary(props: ReviewSummaryProps) {
  const { answers: a, plan, projectName, targetLatest } = props
  const kind: DeploymentKind = a.kind ?? 'dedicated'
  const rows: {
    id: string
    step?: RestoreWizardStep
    term: string
    text: string
  }[] = [
    {
      id: 'source',
      step: 'source',
      term: 'Source',
      text: `${a.cluster ?? ''} (${kindLabel[kind]}) in project ${projectName(a.groupId)}`,
    },
    {
      id: 'restoring',
      step: a.delivery === 'pointInTime' ? 'point-in-time' : 'source',
      term: 'Restoring',
      text: restoringText(a, props.snapshot),
    },
    {
      id: 'delivery',
      step: 'delivery',
      term: 'Delivery type',
      text: deliveryLabel[plan.deliveryType],
    },
  ]
  if (plan.destructive) {
    rows.push({
      id: 'target',
      step: 'target',
      term: 'Target',
      text: `${plan.targetName ?? ''} in project ${projectName(plan.targetGroupId)}`,
    })
    rows.push({
      id: 'target-snapshot',
      term: 'Target last snapshotted',
      text:
        targetLatest === undefined
          ? 'Not known: its snapshots could not be read'
          : targetLatest === null
            ? 'Never: it has no completed snapshot'
            : `${both(targetLatest.createdAt)}, ${formatRelative(Date.parse(targetLatest.createdAt), props.now.getTime())}`,
    })
  } else {
    rows.push({
      id: 'target',
      step: 'delivery',
      term: 'Target',
      text: 'A download link; no cluster is changed',
    })
  }
  return (
    <dl className="review-summary">
      {rows.map((row) => {
        const errors = props.fieldErrors.filter((e) =>
          rowFields[row.id]?.includes(e.field),
        )
        return (
          <div key={row.id}>
            <dt>{row.term}</dt>
            <dd>
              {row.text}{' '}
              {row.step ? (
                <Link
                  to={paths.restoreWizardStep(row.step, answersQuery(a))}
                  aria-label={`Change ${row.term.toLowerCase()}`}
                >
                  Change
                </Link>
              ) : null}
              {errors.map((e) => (
                <span key={e.field} className="field-error" role="alert">
                  {' '}
                  {e.description}
                </span>
              ))}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}
