import { useMutation, useQueryClient } from '@tanstack/react-query'

import {
  type CreateUserRequest,
  type UpdateUserRequest,
  userSchema,
} from '../../../../contract/bff/users'
import { api } from '../../../lib/api-client'
import { usersApi } from '../api-paths'
import { auditKeys } from '../queries'
import { userKeys } from './queries'

// Every account change lands in the audit trail too, so both lists are refreshed.
function useInvalidate() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: userKeys.all }),
      queryClient.invalidateQueries({ queryKey: auditKeys.all }),
    ])
}

export function useAddUser() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (user: CreateUserRequest) =>
      api.send('POST', usersApi.list(), userSchema, { body: user }),
    onSuccess: invalidate,
  })
}

export type UpdateUserInput = { name: string; change: UpdateUserRequest }

/** A new role or password; either ends that user's sessions (the BFF does it). */
export function useUpdateUser() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: ({ name, change }: UpdateUserInput) =>
      api.send('PATCH', usersApi.user(name), userSchema, { body: change }),
    onSuccess: invalidate,
  })
}
