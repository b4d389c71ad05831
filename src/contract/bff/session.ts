import { z } from 'zod'

import { roles } from '../rules/roles'

// The BFF's own API: sign-in and the signed-in operator.
export const signInRequestSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username').max(64),
  password: z.string().min(1, 'Enter your password').max(1024),
})
export type SignInRequest = z.infer<typeof signInRequestSchema>

export const operatorSchema = z.object({
  name: z.string(),
  role: z.enum(roles),
  /** Sent with every mutating request in the X-CSRF-Token header. */
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
})
export type Operator = z.infer<typeof operatorSchema>
