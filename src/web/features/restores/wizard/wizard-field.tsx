import { type InputHTMLAttributes, type ReactNode, useId } from 'react'
import type { FieldError } from 'react-hook-form'

type WizardFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string
  error?: FieldError | undefined
  hint?: string | undefined
  /** Live text read with the field (its conversions), announced as its description. */
  beside?: ReactNode
}

/** A labelled input with a hint, a live description beside it and its error under it. */
export function WizardField({
  label,
  error,
  hint,
  beside,
  ...input
}: WizardFieldProps) {
  const id = useId()
  const ids = {
    hint: `${id}-hint`,
    beside: `${id}-beside`,
    error: `${id}-error`,
  }
  const describedBy = [
    hint ? ids.hint : undefined,
    beside ? ids.beside : undefined,
    error?.message ? ids.error : undefined,
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={ids.hint} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {beside ? (
        <div id={ids.beside} className="field-beside">
          {beside}
        </div>
      ) : null}
      {error?.message ? (
        <p id={ids.error} className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </div>
  )
}
