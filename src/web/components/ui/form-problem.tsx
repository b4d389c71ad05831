/** A form's own problem (not one field's), announced as it appears; nothing without one. */
export function FormProblem({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" className="field-error">
      {message}
    </p>
  ) : null
}
