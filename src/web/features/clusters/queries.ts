import { queryOptions } from '@tanstack/react-query'

import { overviewSchema } from '../../../contract/bff/overview'
import { api } from '../../lib/api-client'

export const clusterKeys = {
  all: ['clusters'] as const,
  overview: () => [...clusterKeys.all, 'overview'] as const,
}

/** GET /api/overview: every deployment of every project with its backup health. */
export function overviewQuery() {
  return queryOptions({
    queryKey: clusterKeys.overview(),
    queryFn: ({ signal }) => api.get('/api/overview', overviewSchema, signal),
    // Snapshots are hourly at best; a minute keeps ages honest without taxing Atlas's limits.
    refetchInterval: 60_000,
  })
}
