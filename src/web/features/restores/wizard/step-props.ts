import type { WizardAnswers } from './wizard-answers'

/** What every step gets from the wizard: the answers so far and how to move on or back. */
export type StepProps = {
  answers: WizardAnswers
  /** Saves the step's answers (voiding later ones they invalidate) and opens the next step. */
  onNext: (patch: WizardAnswers) => void
  /** Opens the previous step, keeping every answer (and this step's, when given). */
  onBack: (patch?: WizardAnswers) => void
}
