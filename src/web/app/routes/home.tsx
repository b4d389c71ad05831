import { useQuery } from '@tanstack/react-query'

import { serverHealthQuery } from '../../lib/health'

export function HomeRoute() {
  const health = useQuery(serverHealthQuery())
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">Backup Console</h1>
      <p>
        Clusters, snapshots, backup policies and restores for MongoDB Atlas.
      </p>
      <p role="status">
        Server:{' '}
        {health.isPending
          ? 'checking…'
          : health.isError
            ? `unreachable (${health.error.message})`
            : health.data.status}
      </p>
    </section>
  )
}
