import { type InputHTMLAttributes, useId } from 'react'
import type { FieldError } from 'react-hook-form'

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string
  error?: FieldError | undefined
  hint?: string
}

/** A labelled input whose error sits beside it and is announced with it. */
export function TextField({ label, error, hint, ...input }: TextFieldProps) {
  const id = useId()
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined]
    .filter(Boolean)
    .join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error?.message ? (
        <p id={errorId} className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </div>
  )
}
