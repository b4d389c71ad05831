import { ApiError } from '../../../lib/api-error'

/** Atlas's refusal in the BFF's words, with Atlas's code and the request id to quote. */
export function CancelError({ error }: { error: Error }) {
  return (
    <div role="alert" className="field-error">
      <p>
        <strong>The restore was not cancelled.</strong> {error.message}
      </p>
      {error instanceof ApiError ? (
        <p className="muted">
          Answer: {error.status} {error.errorCode}
          {error.requestId ? ` (request id ${error.requestId})` : ''}.
        </p>
      ) : null}
    </div>
  )
}
