import { ApiError } from '../lib/api-error'
import { formatInstant } from '../lib/format-time'
import { formatRelative } from '../lib/format-units'
import { useTimeZone } from '../lib/time-zone'
import { useNow } from '../lib/use-now'

type UpstreamBannerProps = {
  error: Error | null
  /** react-query's dataUpdatedAt: when the data on screen was fetched (0: never). */
  dataUpdatedAt: number
  onRetry?: () => void
}

function headline(error: ApiError | Error): string {
  if (!(error instanceof ApiError)) return 'The latest data could not be loaded'
  if (error.status === 429) return 'Atlas is rate limiting requests'
  if (error.isUpstreamTrouble) return 'Atlas is not answering normally'
  if (error.status === 0) return 'The Backup Console server cannot be reached'
  return 'The latest data could not be loaded'
}

/**
 * An upstream outage or 429 keeps the last data on screen (react-query keeps it) and says how
 * old it is, rather than blanking the page (issue 5). Renders nothing without an error.
 */
export function UpstreamBanner({
  error,
  dataUpdatedAt,
  onRetry,
}: UpstreamBannerProps) {
  const { mode } = useTimeZone()
  const now = useNow(15_000)
  if (!error) return null
  const retryAfter =
    error instanceof ApiError && error.retryAfter !== undefined
      ? ` Atlas asks to wait ${error.retryAfter} s before retrying.`
      : ''
  return (
    <div className="banner banner-warn" role="alert">
      <p>
        <strong>{headline(error)}.</strong> {error.message}
        {retryAfter}
      </p>
      <p>
        {dataUpdatedAt > 0 ? (
          <>
            Showing data from{' '}
            <time dateTime={new Date(dataUpdatedAt).toISOString()}>
              {formatInstant(dataUpdatedAt, mode, { seconds: true })}
            </time>{' '}
            ({formatRelative(dataUpdatedAt, now)}).
          </>
        ) : (
          'No data has been loaded yet.'
        )}
        {onRetry ? (
          <>
            {' '}
            <button type="button" className="button small" onClick={onRetry}>
              Try again
            </button>
          </>
        ) : null}
      </p>
    </div>
  )
}
