type LoadMoreProps = {
  count: number
  hasMore: boolean
  loading: boolean
  error: Error | null
  onLoadMore: () => void
}

/** Older entries, a page at a time (the BFF's `before` cursor); says when the end is reached. */
export function LoadMore({
  count,
  hasMore,
  loading,
  error,
  onLoadMore,
}: LoadMoreProps) {
  return (
    <div className="audit-more">
      <p role="status">
        {hasMore
          ? `Showing the newest ${count} entries; older ones remain.`
          : `All ${count} matching ${count === 1 ? 'entry is' : 'entries are'} shown.`}
      </p>
      {hasMore ? (
        <button
          type="button"
          className="button"
          onClick={onLoadMore}
          disabled={loading}
        >
          {loading ? 'Loading older entries…' : 'Load more'}
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="field-error">
          Older entries could not be loaded: {error.message}
        </p>
      ) : null}
    </div>
  )
}
