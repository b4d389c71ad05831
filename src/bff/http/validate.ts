import type { z } from 'zod'

import { badRequest } from './errors'

/** Parses input with a contract schema; a failure is a 400 naming every bad field. */
export function parseWith<T extends z.ZodType>(
  schema: T,
  input: unknown,
): z.infer<T> {
  const parsed = schema.safeParse(input ?? {})
  if (parsed.success) return parsed.data
  const fields = parsed.error.issues.map((issue) => ({
    field: issue.path.join('.') || 'body',
    description: issue.message,
  }))
  throw badRequest(
    `Invalid request: ${fields.map((f) => `${f.field}: ${f.description}`).join('; ')}.`,
    fields,
  )
}
