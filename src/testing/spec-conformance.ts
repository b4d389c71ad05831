import Ajv from 'ajv'
import type { ErrorObject, ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { AtlasSpec, JsonObject } from './spec-loader'
import {
  deref,
  isJsonObject,
  loadAtlasSpec,
  specSkipReason,
} from './spec-loader'
import {
  matchOperation,
  methodsForPath,
  pickMediaType,
  responseFor,
} from './spec-operations'
import type { Direction } from './spec-schema'
import { buildSchemaDocument, convertSchema } from './spec-schema'

// Contract conformance: validates request and response bodies against the
// official Atlas Admin API v2 spec, read at test time (see spec-loader.ts).

export type { AtlasSpec } from './spec-loader'
export {
  atlasSpecPath,
  loadAtlasSpec,
  resetSpecCache,
  specSkipReason,
} from './spec-loader'
export { findOperation } from './spec-operations'
export type { OperationMatch } from './spec-operations'

export type ConformanceResult =
  | { ok: true; operationId: string }
  | { ok: false; operationId?: string; errors: string[] }

export interface ResponseSample {
  method: string
  path: string
  status: number
  body: unknown
  contentType?: string
}

export interface RequestSample {
  method: string
  path: string
  body: unknown
  contentType?: string
}

interface Engine {
  ajv: Ajv
  validators: Map<string, ValidateFunction>
}

const engines = new WeakMap<AtlasSpec, Engine>()

function engineFor(spec: AtlasSpec): Engine {
  const cached = engines.get(spec)
  if (cached) return cached
  // strict: false tolerates the OpenAPI-only keywords left in the schemas.
  const ajv = new Ajv({ strict: false, allErrors: true, verbose: true })
  addFormats(ajv)
  for (const format of collectFormats(spec.components)) {
    // Unknown formats (none today: ajv-formats has int32/int64/double) pass.
    if (!(format in ajv.formats)) ajv.addFormat(format, true)
  }
  ajv.addSchema(buildSchemaDocument(spec, 'request'))
  ajv.addSchema(buildSchemaDocument(spec, 'response'))
  const engine = { ajv, validators: new Map<string, ValidateFunction>() }
  engines.set(spec, engine)
  return engine
}

function collectFormats(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) collectFormats(item, found)
  } else if (isJsonObject(node)) {
    if (typeof node.format === 'string') found.add(node.format)
    for (const value of Object.values(node)) collectFormats(value, found)
  }
  return found
}

function validatorFor(
  spec: AtlasSpec,
  key: string,
  direction: Direction,
  schema: unknown,
): ValidateFunction {
  const engine = engineFor(spec)
  let validate = engine.validators.get(key)
  if (!validate) {
    const converted = convertSchema(spec, direction, schema)
    validate = engine.ajv.compile(isJsonObject(converted) ? converted : {})
    engine.validators.set(key, validate)
  }
  return validate
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

export function formatAjvErrors(errors: ErrorObject[]): string[] {
  const lines = errors
    // `if` only says "must match then"; the errors inside it say why.
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      const where = error.instancePath === '' ? '(root)' : error.instancePath
      let line = `${where} ${error.message ?? 'is invalid'}`
      const allowed: unknown = error.params.allowedValues
      if (error.keyword === 'enum' && Array.isArray(allowed)) {
        line += ` (${allowed.map((value) => preview(value)).join(', ')})`
      }
      const scalar = error.data === null || typeof error.data !== 'object'
      if (scalar && error.keyword !== 'required') {
        line += `, got ${preview(error.data)}`
      }
      return line
    })
  return [...new Set(lines)]
}

function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === null || body === '') return true
  return body instanceof Uint8Array && body.byteLength === 0
}

/** Raw JSON text is parsed; anything else is taken as already parsed. */
function parseBody(body: unknown): { value: unknown } | { error: string } {
  if (typeof body !== 'string') return { value: body }
  try {
    return { value: JSON.parse(body) }
  } catch {
    return { error: `body is not valid JSON: ${preview(body)}` }
  }
}

type Lookup =
  | { spec: AtlasSpec; operationId: string; operation: JsonObject }
  | { failure: ConformanceResult }

function lookup(method: string, path: string): Lookup {
  const spec = loadAtlasSpec()
  if (!spec) {
    return { failure: { ok: false, errors: [specSkipReason() ?? 'no spec'] } }
  }
  const match = matchOperation(spec, method, path)
  if (match) {
    const { operationId, operation } = match.operation
    return { spec, operationId, operation }
  }
  const methods = methodsForPath(spec, path)
  const hint =
    methods.length > 0 ? ` (the path allows ${methods.join(', ')})` : ''
  const error = `no spec operation for ${method.toUpperCase()} ${path}${hint}`
  return { failure: { ok: false, errors: [error] } }
}

function check(
  spec: AtlasSpec,
  operationId: string,
  direction: Direction,
  content: unknown,
  sample: { body: unknown; contentType?: string },
  keyPrefix: string,
): ConformanceResult {
  const fail = (errors: string[]): ConformanceResult => ({
    ok: false,
    operationId,
    errors,
  })
  const picked = pickMediaType(
    isJsonObject(content) ? content : {},
    sample.contentType,
  )
  if ('error' in picked) return fail([picked.error])
  const schema = picked.media.schema
  if (schema === undefined) {
    return isEmptyBody(sample.body)
      ? { ok: true, operationId }
      : fail([`${picked.mediaType} declares no body schema, got a body`])
  }
  if (isEmptyBody(sample.body)) return fail(['expected a JSON body, got none'])
  const parsed = parseBody(sample.body)
  if ('error' in parsed) return fail([parsed.error])
  const key = `${keyPrefix} ${picked.mediaType}`
  const validate = validatorFor(spec, key, direction, schema)
  if (validate(parsed.value)) return { ok: true, operationId }
  return fail(formatAjvErrors(validate.errors ?? []))
}

/** Validates a response body against the operation's response schema. */
export function validateResponse(sample: ResponseSample): ConformanceResult {
  const found = lookup(sample.method, sample.path)
  if ('failure' in found) return found.failure
  const { spec, operationId, operation } = found
  const picked = responseFor(spec, operation, sample.status)
  if ('declared' in picked) {
    const declared = picked.declared.join(', ')
    const error = `status ${sample.status} is not declared (declared: ${declared})`
    return { ok: false, operationId, errors: [error] }
  }
  const content = picked.response.content
  if (sample.status === 204 || !isJsonObject(content)) {
    if (isEmptyBody(sample.body)) return { ok: true, operationId }
    const error = `status ${sample.status} must have no body, got ${preview(sample.body)}`
    return { ok: false, operationId, errors: [error] }
  }
  const key = `${operationId} response ${picked.key}`
  return check(spec, operationId, 'response', content, sample, key)
}

/** Validates a request body against the operation's requestBody schema. */
export function validateRequestBody(sample: RequestSample): ConformanceResult {
  const found = lookup(sample.method, sample.path)
  if ('failure' in found) return found.failure
  const { spec, operationId, operation } = found
  const requestBody = deref(spec, operation.requestBody)
  if (!isJsonObject(requestBody)) {
    if (isEmptyBody(sample.body)) return { ok: true, operationId }
    const error = `${operationId} declares no request body, got one`
    return { ok: false, operationId, errors: [error] }
  }
  if (isEmptyBody(sample.body) && requestBody.required !== true) {
    return { ok: true, operationId }
  }
  const key = `${operationId} request`
  return check(spec, operationId, 'request', requestBody.content, sample, key)
}

function describeFailure(
  what: string,
  sample: { method: string; path: string },
  result: ConformanceResult,
): Error {
  const errors = result.ok ? [] : result.errors
  const id = result.ok || !result.operationId ? '' : ` (${result.operationId})`
  const head = `${what} of ${sample.method.toUpperCase()} ${sample.path}${id}`
  const list = errors.map((error) => `  - ${error}`).join('\n')
  return new Error(`${head} does not conform to the Atlas spec:\n${list}`)
}

/** Throws a readable list of violations; returns the operationId. */
export function expectConformsToSpec(res: ResponseSample): string {
  const result = validateResponse(res)
  if (result.ok) return result.operationId
  throw describeFailure(`Response ${res.status}`, res, result)
}

/** Request-body counterpart of expectConformsToSpec. */
export function expectRequestConformsToSpec(req: RequestSample): string {
  const result = validateRequestBody(req)
  if (result.ok) return result.operationId
  throw describeFailure('Request body', req, result)
}
