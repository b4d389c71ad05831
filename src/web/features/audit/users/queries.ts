import { queryOptions } from '@tanstack/react-query'

import { userListSchema } from '../../../../contract/bff/users'
import { api } from '../../../lib/api-client'
import { usersApi } from '../api-paths'
import { retryUnlessRefused } from '../queries'

export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
}

/** GET /api/users: every operator account (admins only, R9). */
export function usersQuery() {
  return queryOptions({
    queryKey: userKeys.list(),
    queryFn: ({ signal }) => api.get(usersApi.list(), userListSchema, signal),
    retry: retryUnlessRefused,
  })
}
