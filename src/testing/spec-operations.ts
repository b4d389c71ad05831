import type { AtlasSpec, JsonObject } from './spec-loader'
import { deref, isJsonObject, loadAtlasSpec } from './spec-loader'

// Maps concrete requests onto the spec's operations, responses and media types.

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch']

type Segment = { literal: string } | { param: string }

export interface SpecOperation {
  method: string
  pathTemplate: string
  operationId: string
  operation: JsonObject
  segments: Segment[]
}

export interface OperationMatch {
  operationId: string
  pathTemplate: string
  params: Record<string, string>
}

const indexes = new WeakMap<AtlasSpec, SpecOperation[]>()

function parseTemplate(template: string): Segment[] {
  return splitPath(template).map((part) => {
    const param = /^\{([^}]+)\}$/.exec(part)?.[1]
    return param === undefined ? { literal: part } : { param }
  })
}

function splitPath(pathname: string): string[] {
  return pathname.split('/').slice(1)
}

/** Every operation of the spec, in document order. */
export function listOperations(spec: AtlasSpec): SpecOperation[] {
  const cached = indexes.get(spec)
  if (cached) return cached
  const operations: SpecOperation[] = []
  for (const [pathTemplate, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method]
      if (!isJsonObject(operation)) continue
      const operationId =
        typeof operation.operationId === 'string'
          ? operation.operationId
          : `${method.toUpperCase()} ${pathTemplate}`
      operations.push({
        method: method.toUpperCase(),
        pathTemplate,
        operationId,
        operation,
        segments: parseTemplate(pathTemplate),
      })
    }
  }
  indexes.set(spec, operations)
  return operations
}

/** Strips origin, query string, fragment and a trailing slash. */
export function normalizePath(rawPath: string): string {
  let pathname = rawPath
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(pathname)) {
    pathname = new URL(pathname).pathname
  }
  pathname = pathname.split(/[?#]/, 1)[0] ?? ''
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** Literal-first rank: '1' per literal segment, compared left to right. */
function matchSegments(
  segments: Segment[],
  parts: string[],
): { rank: string; params: Record<string, string> } | undefined {
  if (segments.length !== parts.length) return undefined
  const params: Record<string, string> = {}
  let rank = ''
  for (const [index, segment] of segments.entries()) {
    const part = parts[index] ?? ''
    if ('literal' in segment) {
      if (segment.literal !== part) return undefined
      rank += '1'
    } else {
      if (part === '') return undefined
      params[segment.param] = decodeSegment(part)
      rank += '0'
    }
  }
  return { rank, params }
}

export function matchOperation(
  spec: AtlasSpec,
  method: string,
  rawPath: string,
): { operation: SpecOperation; params: Record<string, string> } | undefined {
  const parts = splitPath(normalizePath(rawPath))
  const wanted = method.toUpperCase()
  let best:
    | { operation: SpecOperation; params: Record<string, string>; rank: string }
    | undefined
  for (const operation of listOperations(spec)) {
    if (operation.method !== wanted) continue
    const match = matchSegments(operation.segments, parts)
    // Equal-length '0'/'1' strings: a literal segment beats a parameter
    // (`snapshots/shardedClusters` wins over `snapshots/{snapshotId}`).
    if (match && (best === undefined || match.rank > best.rank)) {
      best = { operation, ...match }
    }
  }
  return best && { operation: best.operation, params: best.params }
}

/** Methods declared for whichever templates match the path. */
export function methodsForPath(spec: AtlasSpec, rawPath: string): string[] {
  const parts = splitPath(normalizePath(rawPath))
  const methods = listOperations(spec)
    .filter((operation) => matchSegments(operation.segments, parts))
    .map((operation) => operation.method)
  return [...new Set(methods)]
}

/**
 * The spec operation for a concrete request such as
 * `GET /api/atlas/v2/groups/5f…/clusters/Cluster0/backup/snapshots?pageNum=2`.
 */
export function findOperation(
  method: string,
  rawPath: string,
): OperationMatch | undefined {
  const spec = loadAtlasSpec()
  if (!spec) return undefined
  const match = matchOperation(spec, method, rawPath)
  if (!match) return undefined
  const { operationId, pathTemplate } = match.operation
  return { operationId, pathTemplate, params: match.params }
}

/** The response object for a status: exact, then `4XX`-style, then default. */
export function responseFor(
  spec: AtlasSpec,
  operation: JsonObject,
  status: number,
): { key: string; response: JsonObject } | { declared: string[] } {
  const responses = isJsonObject(operation.responses) ? operation.responses : {}
  const keys = [String(status), `${String(status).charAt(0)}XX`, 'default']
  for (const key of keys) {
    const response = deref(spec, responses[key])
    if (isJsonObject(response)) return { key, response }
  }
  return { declared: Object.keys(responses) }
}

function baseType(contentType: string): string {
  return (contentType.split(';', 1)[0] ?? '').trim().toLowerCase()
}

function isJsonType(mediaType: string): boolean {
  const base = baseType(mediaType)
  return base === 'application/json' || base.endsWith('+json')
}

function versionOf(mediaType: string): string | undefined {
  return /\.(\d{4}-\d{2}-\d{2})\+json$/.exec(baseType(mediaType))?.[1]
}

/**
 * Picks the media type of `content` for a Content-Type header: exact match,
 * then same Atlas version. Without a header, the first JSON media type.
 * Bodies declared only as unversioned `application/json` (ApiError) accept
 * any JSON content type.
 */
export function pickMediaType(
  content: JsonObject,
  contentType: string | undefined,
): { mediaType: string; media: JsonObject } | { error: string } {
  const entries = Object.entries(content).filter(
    (entry): entry is [string, JsonObject] => isJsonObject(entry[1]),
  )
  const declared = entries.map(([mediaType]) => mediaType)
  const found = (predicate: (mediaType: string) => boolean) => {
    const entry = entries.find(([mediaType]) => predicate(mediaType))
    return entry && { mediaType: entry[0], media: entry[1] }
  }
  const list = declared.join(', ') || 'none'
  if (contentType === undefined || contentType.trim() === '') {
    return found(isJsonType) ?? { error: `no JSON media type (has ${list})` }
  }
  const wanted = baseType(contentType)
  const version = versionOf(wanted)
  const pick =
    found((mediaType) => baseType(mediaType) === wanted) ??
    (version === undefined
      ? undefined
      : found((mediaType) => versionOf(mediaType) === version)) ??
    (isJsonType(wanted) && declared.every((type) => !versionOf(type))
      ? found(isJsonType)
      : undefined)
  return (
    pick ?? {
      error: `content type ${contentType} is not declared (declared: ${list})`,
    }
  )
}
