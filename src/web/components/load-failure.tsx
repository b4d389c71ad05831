import { ApiError } from '../lib/api-error'

type LoadFailureProps = {
  error: Error | null
  /** "The cluster list", "This cluster's snapshots". */
  what: string
  onRetry: () => void
}

/** The error state of a page that has no data to show: why, the request id, and a retry. */
export function LoadFailure({ error, what, onRetry }: LoadFailureProps) {
  const upstream = error instanceof ApiError && error.isUpstreamTrouble
  return (
    <div className="banner banner-error" role="alert">
      <p>
        <strong>
          {what} could not be loaded
          {upstream ? ': Atlas is not answering normally' : ''}.
        </strong>{' '}
        {error?.message ?? ''}
      </p>
      {error instanceof ApiError && error.requestId ? (
        <p>
          Request id: <code>{error.requestId}</code>
        </p>
      ) : null}
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  )
}
