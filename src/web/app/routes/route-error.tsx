import { isRouteErrorResponse, Link, useRouteError } from 'react-router'

import { ApiError } from '../../lib/api-error'
import { paths } from '../../lib/paths'

/** A page that failed to load says why, with the request id to quote, and offers a way out. */
export function RouteError() {
  const error = useRouteError()
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error'
  return (
    <main id="main" className="app-main">
      <h1>This page could not be shown</h1>
      <p role="alert">{message}</p>
      {error instanceof ApiError && error.requestId ? (
        <p>
          Request id: <code>{error.requestId}</code>
        </p>
      ) : null}
      <p>
        <Link to={paths.home()}>Back to the clusters</Link>
      </p>
    </main>
  )
}
