import { queryOptions } from '@tanstack/react-query'

import { paginatedGroupsSchema } from '../../contract/atlas/group'
import { api } from './api-client'

/**
 * Project names by id (the header's project switcher, the restore jobs pages): one cheap read
 * of Atlas's project list rather than the overview, whose many reads per cluster would eat into
 * Atlas's rate limit (A5) on every visit of a job page.
 */
export function projectNamesQuery() {
  return queryOptions({
    queryKey: ['projects', 'names'],
    queryFn: async ({ signal }): Promise<Record<string, string>> => {
      const page = await api.get(
        '/api/atlas/v2/groups?itemsPerPage=500',
        paginatedGroupsSchema,
        signal,
      )
      return Object.fromEntries(
        page.results.flatMap((g) => (g.id ? [[g.id, g.name]] : [])),
      )
    },
    staleTime: 5 * 60_000,
  })
}
