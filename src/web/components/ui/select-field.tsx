import { type ReactNode, type SelectHTMLAttributes, useId } from 'react'
import type { FieldError } from 'react-hook-form'

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string
  error?: FieldError | undefined
  hint?: string | undefined
  children: ReactNode
}

/** A labelled native select whose error sits beside it and is announced with it. */
export function SelectField({
  label,
  error,
  hint,
  children,
  ...select
}: SelectFieldProps) {
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
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...select}
      >
        {children}
      </select>
      {error?.message ? (
        <p id={errorId} className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </div>
  )
}
