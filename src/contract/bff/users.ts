import { z } from 'zod'

import { roles } from '../rules/roles'

// The BFF's operator accounts (admins only, R9): GET/POST /api/users, PATCH /api/users/:name,
// and the `npm run user` command, which checks names, roles and passwords with the same schemas.

export const USER_NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 1024

export const userNameSchema = z
  .string()
  .regex(
    USER_NAME_PATTERN,
    'must be 1–64 letters, digits, dots, underscores or hyphens',
  )

export const roleSchema = z.enum(roles, {
  error: `must be one of ${roles.join(', ')}`,
})

export const passwordSchema = z
  .string()
  .min(
    PASSWORD_MIN_LENGTH,
    `must be at least ${PASSWORD_MIN_LENGTH} characters long`,
  )
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`)

export const createUserRequestSchema = z.strictObject({
  name: userNameSchema,
  role: roleSchema,
  password: passwordSchema,
})
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>

/** A role change or a new password (or both); either ends the user's sessions. */
export const updateUserRequestSchema = z
  .strictObject({
    role: roleSchema.optional(),
    password: passwordSchema.optional(),
  })
  .refine((u) => u.role !== undefined || u.password !== undefined, {
    message: 'give a role, a password, or both',
    path: ['role'],
  })
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>

export const userSchema = z.object({
  name: z.string(),
  role: z.enum(roles),
  createdAt: z.iso.datetime(),
})
export type User = z.infer<typeof userSchema>

export const userListSchema = z.object({ users: z.array(userSchema) })
export type UserList = z.infer<typeof userListSchema>
