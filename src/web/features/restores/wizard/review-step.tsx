import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate } from 'react-router'

import { canPerform } from '../../../../contract/rules/roles'
import { paths } from '../../../lib/paths'
import { sessionQuery } from '../../../lib/session'
import { overviewQuery } from '../queries'
import { ConfirmForm } from './confirm-form'
import { idempotencyKeyFor, requestIdentity, resultOf } from './idempotency'
import { RequestPreview } from './request-preview'
import { buildRestorePlan } from './restore-plan'
import { ReviewSummary } from './review-summary'
import { useServerClock } from './server-clock'
import type { StepProps } from './step-props'
import { projectName } from './overview-options'
import { useReviewFacts } from './use-review-facts'
import { useSubmitRestore } from './use-submit-restore'

/** Step 5: the blast radius, the exact request, the typed confirmation and the submit. */
export function ReviewStep({ answers, onBack }: StepProps) {
  const navigate = useNavigate()
  const overview = useQuery(overviewQuery())
  const session = useQuery(sessionQuery())
  const clock = useServerClock()
  const plan = buildRestorePlan(answers)
  const identity = plan ? requestIdentity(plan.path, plan.body) : ''
  const facts = useReviewFacts(answers, plan)
  const submit = useSubmitRestore(
    plan ?? null,
    identity,
    facts.snapshotTarget,
    (jobId) => {
      if (!plan) return
      void navigate(
        paths.restoreJob(plan.jobKind, plan.groupId, plan.cluster, jobId),
      )
    },
  )
  if (!plan) return <p role="alert">The answers are incomplete; go back.</p>

  // Made the first time the review is reached, then reused (reload, retry, double click).
  const key = idempotencyKeyFor(identity)
  const started = resultOf(identity)
  const rows = overview.data?.rows ?? []
  const role = session.data?.role
  const startVerdict = role
    ? canPerform(role, 'startRestore')
    : { ok: false as const, reason: 'Checking your role' }
  const apiFields =
    submit.error && 'fields' in submit.error ? submit.error.fields : []
  const fieldErrors = [
    ...plan.refusals.flatMap((r) =>
      r.field ? [{ field: r.field, description: `${r.reason}.` }] : [],
    ),
    ...apiFields,
  ]
  const targetName = plan.targetName ?? ''

  return (
    <>
      {started ? (
        <p className="banner" role="status">
          This exact restore was already started as job <code>{started}</code>.{' '}
          <Link
            to={paths.restoreJob(
              plan.jobKind,
              plan.groupId,
              plan.cluster,
              started,
            )}
          >
            Open that restore job
          </Link>
          . Submitting again shows the same job; it does not start another.
        </p>
      ) : null}
      {plan.destructive ? (
        <p className="blast-radius">
          <strong>
            All existing data on {targetName} (project{' '}
            {projectName(rows, plan.targetGroupId)}) will be deleted and it will
            be unavailable during the restore.
          </strong>
        </p>
      ) : (
        <p>
          This download changes no cluster: it prepares a link to the
          snapshot&apos;s files.
        </p>
      )}
      <ReviewSummary
        answers={answers}
        plan={plan}
        projectName={(groupId) => projectName(rows, groupId)}
        snapshot={facts.snapshot}
        targetLatest={facts.targetLatest}
        fieldErrors={fieldErrors}
        now={clock.now()}
      />
      <ConfirmForm
        destructive={plan.destructive}
        targetName={targetName}
        renderRequest={(typed) => (
          <RequestPreview plan={plan} typedName={typed} idempotencyKey={key} />
        )}
        snapshotOption={plan.destructive ? facts.snapshotOption : undefined}
        startVerdict={
          plan.refusals[0]
            ? { ok: false, reason: 'Fix the answers marked above first' }
            : startVerdict
        }
        submitLabel={
          plan.destructive
            ? `Restore onto ${targetName}`
            : 'Request the download'
        }
        progress={submit.progress}
        error={submit.error}
        onBack={() => onBack()}
        onSubmit={submit.submit}
      />
    </>
  )
}
