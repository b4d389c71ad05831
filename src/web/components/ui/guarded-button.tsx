import { type ButtonHTMLAttributes, useId } from 'react'

import type { RuleResult } from '../../../contract/rules/result'

type GuardedButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** The rule verdict (role, S-rules…): a refusal disables the button and shows its reason. */
  verdict: RuleResult
}

/**
 * An action the operator may not take now stays visible, disabled, with the reason beside it
 * (DESIGN §3: disable and say why rather than hide), from the same rule the BFF applies.
 */
export function GuardedButton({
  verdict,
  className = 'button',
  children,
  ...button
}: GuardedButtonProps) {
  const reasonId = useId()
  return (
    <span className="guarded">
      <button
        type="button"
        className={className}
        {...button}
        disabled={!verdict.ok || button.disabled}
        aria-describedby={verdict.ok ? button['aria-describedby'] : reasonId}
      >
        {children}
      </button>
      {verdict.ok ? null : (
        <span id={reasonId} className="reason">
          {verdict.reason}.
        </span>
      )}
    </span>
  )
}
