import {
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query'
import { z } from 'zod'

import {
  type Operator,
  operatorSchema,
  type SignInRequest,
} from '../../contract/bff/session'
import { api, setCsrfToken } from './api-client'
import { ApiError } from './api-error'

export const sessionKeys = { current: ['session'] as const }

/** The signed-in operator, or null when signed out (a 401 is an answer, not an error). */
export function sessionQuery() {
  return queryOptions({
    queryKey: sessionKeys.current,
    queryFn: async ({ signal }): Promise<Operator | null> => {
      try {
        const operator = await api.get('/api/session', operatorSchema, signal)
        setCsrfToken(operator.csrfToken)
        return operator
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(undefined)
          return null
        }
        throw error
      }
    },
    staleTime: 60_000,
  })
}

export function useSignIn() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (credentials: SignInRequest) =>
      api.send('POST', '/api/session', operatorSchema, { body: credentials }),
    onSuccess: (operator) => {
      setCsrfToken(operator.csrfToken)
      queryClient.setQueryData(sessionKeys.current, operator)
    },
  })
}

export function useSignOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api.send('DELETE', '/api/session', z.undefined()),
    onSettled: () => {
      setCsrfToken(undefined)
      queryClient.clear()
      queryClient.setQueryData(sessionKeys.current, null)
    },
  })
}
