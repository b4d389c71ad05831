import { formatInstant } from '../lib/format-time'
import { formatRelative } from '../lib/format-units'
import { useTimeZone } from '../lib/time-zone'
import { useNow } from '../lib/use-now'

type DataAgeProps = {
  dataUpdatedAt: number
  fetching: boolean
  onRefresh: () => void
}

/** When the data on screen was fetched, and a way to fetch it again now. */
export function DataAge({ dataUpdatedAt, fetching, onRefresh }: DataAgeProps) {
  const { mode } = useTimeZone()
  const now = useNow(15_000)
  return (
    <p className="data-age">
      <span role="status">
        {fetching
          ? 'Refreshing…'
          : dataUpdatedAt > 0
            ? `Updated ${formatRelative(dataUpdatedAt, now)}`
            : ''}
      </span>
      {dataUpdatedAt > 0 ? (
        <>
          {' '}
          <time
            dateTime={new Date(dataUpdatedAt).toISOString()}
            className="muted"
          >
            ({formatInstant(dataUpdatedAt, mode, { seconds: true })})
          </time>
        </>
      ) : null}{' '}
      <button
        type="button"
        className="button small"
        onClick={onRefresh}
        disabled={fetching}
      >
        Refresh
      </button>
    </p>
  )
}
