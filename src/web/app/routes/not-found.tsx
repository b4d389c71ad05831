import { Link } from 'react-router'

import { paths } from '../../lib/paths'

export function NotFoundRoute() {
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        Nothing lives at this address. <Link to={paths.home()}>Go home</Link>.
      </p>
    </section>
  )
}
