import { type QueryClient, queryOptions } from '@tanstack/react-query'

import { overviewSchema } from '../../../contract/bff/overview'
import { api, FRESH } from '../../lib/api-client'

export const clusterKeys = {
  all: ['clusters'] as const,
  overview: () => [...clusterKeys.all, 'overview'] as const,
}

/**
 * GET /api/overview: every deployment of every project with its backup health. The first load
 * asks for a fresh composition; the minute's polls may share one the BFF made seconds ago.
 */
export function overviewQuery() {
  return queryOptions({
    queryKey: clusterKeys.overview(),
    queryFn: ({ signal, client, queryKey }) =>
      api.get(
        '/api/overview',
        overviewSchema,
        signal,
        client.getQueryData(queryKey) === undefined ? FRESH : undefined,
      ),
    // Snapshots are hourly at best; a minute keeps ages honest without taxing Atlas's limits.
    refetchInterval: 60_000,
  })
}

/** Refresh and Try again: a fresh composition, whatever the BFF kept. */
export function refreshOverview(client: QueryClient): Promise<void> {
  return client
    .query({
      ...overviewQuery(),
      queryFn: ({ signal }) =>
        api.get('/api/overview', overviewSchema, signal, FRESH),
      staleTime: 0,
    })
    .then(
      () => undefined,
      // The query's error state shows it (the banner); nothing more to do here.
      () => undefined,
    )
}
