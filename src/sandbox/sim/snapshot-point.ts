import { validationError } from '../protocol/api-error'

// The list-snapshots query parameters that pick "the closest snapshot created before that
// point in time" [spec, op 7]: pointInTimeUtcSeconds, or oplogTs with oplogInc. The spec makes
// them mutually exclusive, and each half of the oplog pair needs the other.

type Query = Record<string, string | string[] | undefined>

const CODE = 'INVALID_QUERY_PARAMETER'

function int64(query: Query, name: string): number | undefined {
  const value = query[name]
  const raw = Array.isArray(value) ? value[0] : value
  if (raw === undefined) return undefined
  if (!/^\d{1,18}$/.test(raw)) {
    throw validationError(
      `Invalid ${name}: ${raw}. It must be a whole number of seconds since the epoch.`,
      [{ field: name, description: 'must be a non-negative integer' }],
      CODE,
    )
  }
  return Number(raw)
}

function refuse(field: string, description: string): never {
  throw validationError(
    `${field} ${description}.`,
    [{ field, description }],
    CODE,
  )
}

/** The point in epoch ms, or undefined when the request names none. */
export function snapshotPoint(query: Query): number | undefined {
  const seconds = int64(query, 'pointInTimeUtcSeconds')
  const oplogTs = int64(query, 'oplogTs')
  const oplogInc = int64(query, 'oplogInc')
  if (seconds !== undefined) {
    if (oplogTs !== undefined || oplogInc !== undefined) {
      refuse(
        'pointInTimeUtcSeconds',
        'is mutually exclusive with oplogTs and oplogInc',
      )
    }
    return seconds * 1000
  }
  if (oplogTs === undefined && oplogInc === undefined) return undefined
  if (oplogInc === undefined) refuse('oplogInc', 'must be used with oplogTs')
  if (oplogTs === undefined) refuse('oplogTs', 'must be used with oplogInc')
  // The oplog increment orders operations within one second: the second is the point.
  return oplogTs * 1000
}
