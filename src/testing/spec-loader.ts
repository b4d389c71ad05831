import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Loads the official Atlas Admin API v2 spec subset at test time. The spec's
// licence (CC BY-NC-SA 3.0 US) forbids copying it into this repository, so it
// is only ever read from outside the repo and never bundled or committed.

export type JsonObject = { [key: string]: unknown }

/** The parts of an OpenAPI 3.0 document the conformance helper relies on. */
export interface AtlasSpec {
  openapi: string
  info: JsonObject
  paths: Record<string, JsonObject>
  components: JsonObject & { schemas: Record<string, JsonObject> }
}

export const SPEC_PATH_ENV = 'ATLAS_OPENAPI_SPEC'
/** Default location, relative to the repository root. */
export const DEFAULT_SPEC_PATH = '../shared/atlas-openapi/backup-subset.json'

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

interface CacheEntry {
  path: string
  spec: AtlasSpec | undefined
  reason: string | undefined
}

let cache: CacheEntry | undefined
const warnedPaths = new Set<string>()

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Absolute path of the spec: `$ATLAS_OPENAPI_SPEC` (a relative value is taken
 * relative to the repository root) or the default shared location.
 */
export function atlasSpecPath(): string {
  const fromEnv = process.env[SPEC_PATH_ENV]?.trim()
  return path.resolve(REPO_ROOT, fromEnv || DEFAULT_SPEC_PATH)
}

function assertSpecShape(
  value: unknown,
  file: string,
): asserts value is AtlasSpec {
  const problems: string[] = []
  if (!isJsonObject(value)) {
    throw new Error(`${file} is not a JSON object`)
  }
  if (typeof value.openapi !== 'string' || !value.openapi.startsWith('3.0')) {
    problems.push('`openapi` is not a 3.0.x version')
  }
  if (!isJsonObject(value.paths)) problems.push('`paths` is missing')
  const components = value.components
  if (!isJsonObject(components) || !isJsonObject(components.schemas)) {
    problems.push('`components.schemas` is missing')
  }
  if (!isJsonObject(value.info)) problems.push('`info` is missing')
  if (problems.length > 0) {
    throw new Error(
      `${file} is not a usable OpenAPI 3.0 spec: ${problems.join('; ')}`,
    )
  }
}

function load(file: string): CacheEntry {
  if (!existsSync(file)) {
    const reason =
      `official Atlas OpenAPI spec subset not found at ${file}; ` +
      `set ${SPEC_PATH_ENV} to its path`
    if (!warnedPaths.has(file)) {
      warnedPaths.add(file)
      console.warn(`[spec-conformance] skipping: ${reason}`)
    }
    return { path: file, spec: undefined, reason }
  }
  // A present but unreadable or malformed spec is an error, not a skip: the
  // contract tests must not silently pass on a broken file.
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new Error(
      `cannot read the Atlas OpenAPI spec at ${file}: ${detail}`,
      { cause: error },
    )
  }
  assertSpecShape(parsed, file)
  return { path: file, spec: parsed, reason: undefined }
}

/**
 * Reads and caches the spec. Returns undefined when the file is absent; throws
 * when it exists but is not a usable OpenAPI 3.0 document. The cache is keyed
 * by path, so changing `ATLAS_OPENAPI_SPEC` takes effect on the next call.
 */
export function loadAtlasSpec(): AtlasSpec | undefined {
  const file = atlasSpecPath()
  if (cache?.path !== file) cache = load(file)
  return cache.spec
}

/** Why spec tests must be skipped, or undefined when the spec is available. */
export function specSkipReason(): string | undefined {
  loadAtlasSpec()
  return cache?.reason
}

/** Forgets the cached spec (and with it every compiled validator). */
export function resetSpecCache(): void {
  cache = undefined
  warnedPaths.clear()
}

/** Resolves a local JSON pointer such as `#/components/responses/notFound`. */
export function resolvePointer(spec: AtlasSpec, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined
  let node: unknown = spec
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    if (!isJsonObject(node)) return undefined
    node = node[key]
  }
  return node
}

/** Follows `$ref` chains (OpenAPI 3.0 ignores a `$ref`'s siblings). */
export function deref(spec: AtlasSpec, node: unknown): unknown {
  let current = node
  for (let hops = 0; hops < 20; hops++) {
    if (!isJsonObject(current) || typeof current.$ref !== 'string') {
      return current
    }
    current = resolvePointer(spec, current.$ref)
  }
  throw new Error('$ref chain too deep (cycle?)')
}
