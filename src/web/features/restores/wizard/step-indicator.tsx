import { Link } from 'react-router'

import { type RestoreWizardStep, paths } from '../../../lib/paths'
import {
  type WizardAnswers,
  answersQuery,
  firstUnansweredStep,
  isStepAnswered,
  stepsFor,
} from './wizard-answers'

export const stepLabel: Record<RestoreWizardStep, string> = {
  source: 'Source',
  delivery: 'Delivery type',
  'point-in-time': 'Point in time',
  target: 'Target',
  review: 'Review and confirm',
}

type StepIndicatorProps = {
  current: RestoreWizardStep
  answers: WizardAnswers
}

/**
 * Where the operator is: an ordered list, the current step marked with aria-current, the steps
 * already reachable as links (their answers stay in the URL), the others plain text.
 */
export function StepIndicator({ current, answers }: StepIndicatorProps) {
  const steps = stepsFor(answers)
  const reachable = steps.indexOf(firstUnansweredStep(answers))
  return (
    <nav aria-label="Restore steps" className="wizard-steps">
      <ol>
        {steps.map((step, index) => {
          const label = `${index + 1}. ${stepLabel[step]}`
          const done = step !== current && isStepAnswered(step, answers)
          const state = done ? ' (done)' : ''
          if (step === current) {
            return (
              <li key={step} className="current">
                <span aria-current="step">{label}</span>
              </li>
            )
          }
          return (
            <li key={step} className={done ? 'done' : undefined}>
              {index <= reachable ? (
                <Link to={paths.restoreWizardStep(step, answersQuery(answers))}>
                  {label}
                  {state}
                </Link>
              ) : (
                <span>
                  {label}
                  {state}
                </span>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
