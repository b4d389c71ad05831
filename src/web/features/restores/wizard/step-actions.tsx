import { useId } from 'react'

type StepActionsProps = {
  onBack?: (() => void) | undefined
  nextLabel?: string
  /** Why Next is disabled (a failed pre-flight check, data still loading). */
  blockedReason?: string | undefined
}

/** Back and Next at the foot of a step; a blocked Next stays visible with its reason. */
export function StepActions({
  onBack,
  nextLabel = 'Next',
  blockedReason,
}: StepActionsProps) {
  const reasonId = useId()
  return (
    <div className="wizard-actions">
      {onBack ? (
        <button type="button" className="button" onClick={onBack}>
          Back
        </button>
      ) : null}
      <button
        type="submit"
        className="button primary"
        disabled={blockedReason !== undefined}
        aria-describedby={blockedReason ? reasonId : undefined}
      >
        {nextLabel}
      </button>
      {blockedReason ? (
        <p id={reasonId} className="reason">
          {blockedReason}
        </p>
      ) : null}
    </div>
  )
}
