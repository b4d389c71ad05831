import { useEffect, useRef } from 'react'
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router'

import { type RestoreWizardStep, paths } from '../../../lib/paths'
import { DeliveryStep } from './delivery-step'
import { PointInTimeStep } from './point-in-time-step'
import { ReviewStep } from './review-step'
import { SourceStep } from './source-step'
import { StepIndicator, stepLabel } from './step-indicator'
import type { StepProps } from './step-props'
import { TargetStep } from './target-step'
import {
  type WizardAnswers,
  answersQuery,
  firstUnansweredStep,
  nextStep,
  parseAnswers,
  previousStep,
  reviseAnswers,
  stepsFor,
} from './wizard-answers'
import './wizard.css'

const stepComponents: Record<
  RestoreWizardStep,
  (props: StepProps) => React.JSX.Element
> = {
  source: SourceStep,
  delivery: DeliveryStep,
  'point-in-time': PointInTimeStep,
  target: TargetStep,
  review: ReviewStep,
}

const isStep = (value: string | undefined): value is RestoreWizardStep =>
  value !== undefined && value in stepComponents

/**
 * /restores/new/:step — the restore wizard (issue 7). Every answer lives in the query, so each
 * step has its own URL; back, forward and reload keep the answers. A step whose earlier steps
 * are unanswered sends the operator to the first of them.
 */
export function RestoreWizard() {
  const { step } = useParams()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const answers = parseAnswers(params)
  const first = firstUnansweredStep(answers)
  const steps = stepsFor(answers)
  const current: RestoreWizardStep | undefined =
    isStep(step) &&
    steps.includes(step) &&
    steps.indexOf(step) <= steps.indexOf(first)
      ? step
      : undefined

  useEffect(() => {
    if (!current) return
    document.title = `New restore: ${stepLabel[current]} — Backup Console`
    headingRef.current?.focus()
  }, [current])

  if (!current) {
    return (
      <Navigate
        replace
        to={paths.restoreWizardStep(
          isStep(step) ? first : 'source',
          answersQuery(answers),
        )}
      />
    )
  }
  const go = (to: RestoreWizardStep, next: WizardAnswers) =>
    void navigate(paths.restoreWizardStep(to, answersQuery(next)))
  const Step = stepComponents[current]
  const index = steps.indexOf(current)

  return (
    <section aria-labelledby="wizard-title" className="restore-wizard">
      <h1 id="wizard-title">New restore</h1>
      <StepIndicator current={current} answers={answers} />
      <h2 ref={headingRef} tabIndex={-1} className="wizard-step-title">
        Step {index + 1} of {steps.length}: {stepLabel[current]}
      </h2>
      <Step
        key={current}
        answers={answers}
        onNext={(patch) => {
          const next = reviseAnswers(answers, patch)
          go(nextStep(current, next), next)
        }}
        onBack={(patch) => {
          const next = patch ? reviseAnswers(answers, patch) : answers
          go(previousStep(current, next) ?? 'source', next)
        }}
      />
    </section>
  )
}
