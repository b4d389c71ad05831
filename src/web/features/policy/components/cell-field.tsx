import { type ReactNode, useId } from 'react'

type ControlProps = {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

type CellFieldProps = {
  /** The control's name for assistive technology; the column header says it on screen. */
  label: string
  error?: string | undefined
  children: (props: ControlProps) => ReactNode
}

/** A control inside a table cell, labelled, with its error right under it (announced). */
export function CellField({ label, error, children }: CellFieldProps) {
  const id = useId()
  const errorId = `${id}-error`
  return (
    <div className="cell-field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      })}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
