import { z } from 'zod'

import {
  clusterNameSchema,
  objectIdSchema,
  PAGE_SIZE_MAX,
} from '../../contract/atlas/common'
import { parseWith } from './validate'

// A4: ids and names in paths are checked before anything goes upstream.
const paramSchemas: Record<string, z.ZodType<string>> = {
  groupId: objectIdSchema,
  clusterName: clusterNameSchema,
  name: clusterNameSchema,
  snapshotId: objectIdSchema,
  restoreJobId: objectIdSchema,
}

/**
 * One object schema per set of names, built once: the names come from route patterns, so
 * there are few, and zod compiles an object schema on its first parse.
 */
function memoisedObjects<T extends z.ZodType>(
  build: (names: readonly string[]) => Record<string, T>,
): (names: readonly string[]) => z.ZodObject<Record<string, T>> {
  const built = new Map<string, z.ZodObject<Record<string, T>>>()
  return (names) => {
    const key = names.join(',')
    let schema = built.get(key)
    if (!schema) {
      schema = z.object(build(names))
      built.set(key, schema)
    }
    return schema
  }
}

const pathSchemaFor = memoisedObjects((names) =>
  Object.fromEntries(
    names.map((name) => [name, paramSchemas[name] ?? z.string()]),
  ),
)

export function checkPathParams(params: unknown): Record<string, string> {
  const values = (params ?? {}) as Record<string, string>
  return parseWith(pathSchemaFor(Object.keys(values)), values)
}

const boolString = z.enum(['true', 'false'])
const intString = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be an integer')
    .refine(
      (v) => Number(v) >= min && Number(v) <= max,
      `must be from ${min} to ${max}`,
    )

// A3: the query parameters we pass on; anything else is dropped rather than forwarded.
const querySchemas: Record<string, z.ZodType<string>> = {
  itemsPerPage: intString(1, PAGE_SIZE_MAX),
  pageNum: intString(1, 1_000_000),
  includeCount: boolString,
  includeDeletedWithRetainedBackups: boolString,
  pointInTimeUtcSeconds: intString(0, Number.MAX_SAFE_INTEGER),
  oplogTs: intString(0, Number.MAX_SAFE_INTEGER),
  oplogInc: intString(0, Number.MAX_SAFE_INTEGER),
}

const querySchemaFor = memoisedObjects((names) =>
  Object.fromEntries(
    names.map((name) => [name, (querySchemas[name] ?? z.string()).optional()]),
  ),
)

/** The validated query string to send upstream ('' or '?a=b'). */
export function forwardQuery(
  query: unknown,
  allowed: readonly string[],
): string {
  const values = (query ?? {}) as Record<string, unknown>
  const parsed = parseWith(querySchemaFor(allowed), values) as Record<
    string,
    string | undefined
  >
  const search = new URLSearchParams()
  for (const key of allowed) {
    const value = parsed[key]
    if (value !== undefined) search.set(key, value)
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}
