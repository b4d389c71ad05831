import type { z } from 'zod'

import { badRequest } from './errors'

/**
 * Parses a query string with a contract schema; a failure is a 400 naming each bad parameter,
 * unknown ones included (a strict schema reports them without a path).
 */
export function parseQuery<T extends z.ZodType>(
  schema: T,
  query: unknown,
): z.infer<T> {
  const parsed = schema.safeParse(query ?? {})
  if (parsed.success) return parsed.data
  const fields = parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: key,
          description: 'is not a known parameter',
        }))
      : [
          {
            field: issue.path.join('.') || 'query',
            description:
              issue.code === 'invalid_type'
                ? 'must be given once'
                : issue.message,
          },
        ],
  )
  throw badRequest(
    `Invalid query: ${fields.map((f) => `${f.field} ${f.description}`).join('; ')}.`,
    fields,
  )
}
