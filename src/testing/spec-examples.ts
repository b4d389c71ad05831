import type { AtlasSpec, JsonObject } from './spec-loader'
import { deref, isJsonObject } from './spec-loader'
import { listOperations } from './spec-operations'
import type { Direction } from './spec-schema'

// Builds sample bodies out of the spec's own `example` values, so tests can
// prove the conformance helper accepts bodies the spec itself calls valid.

export const SAMPLE_OBJECT_ID = '32b6e34b3d91647abb20e7b8'
const STRING_CANDIDATES = [
  SAMPLE_OBJECT_ID,
  'Cluster0',
  '8.0.4',
  'vpce-0123456789abcdef0',
]
const SKIP = Symbol('skip')
type Built = unknown

interface Context {
  spec: AtlasSpec
  direction: Direction
  stack: string[]
}

export interface ExampleCase {
  direction: Direction
  operationId: string
  method: string
  path: string
  status?: number
  contentType: string
  body: unknown
  source: 'media example' | 'assembled'
}

/** Concrete path for a template: ids for `*Id` params, `Cluster0` otherwise. */
export function samplePath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    name.endsWith('Id') ? SAMPLE_OBJECT_ID : 'Cluster0',
  )
}

function sampleString(node: JsonObject): Built {
  if (node.format === 'date-time') return '2024-05-01T12:00:00Z'
  if (node.format === 'uuid') return '0b9e3c1e-6f4a-4d8b-9c2a-1f2e3d4c5b6a'
  if (typeof node.pattern === 'string') {
    const pattern = new RegExp(node.pattern, 'u')
    return STRING_CANDIDATES.find((value) => pattern.test(value)) ?? SKIP
  }
  return 'example'
}

function sampleNumber(node: JsonObject): Built {
  const min = typeof node.minimum === 'number' ? node.minimum : undefined
  const max = typeof node.maximum === 'number' ? node.maximum : undefined
  const value = min ?? (node.type === 'integer' ? 1 : 1.5)
  return max !== undefined && value > max ? max : value
}

function omitted(ctx: Context, property: unknown): boolean {
  const flag = ctx.direction === 'request' ? 'readOnly' : 'writeOnly'
  if (isJsonObject(property) && property[flag] === true) return true
  const target = deref(ctx.spec, property)
  return isJsonObject(target) && target[flag] === true
}

function buildObject(
  ctx: Context,
  node: JsonObject,
  depth: number,
): JsonObject | typeof SKIP {
  const out: JsonObject = {}
  const required = Array.isArray(node.required) ? node.required : []
  const properties = isJsonObject(node.properties) ? node.properties : {}
  for (const [name, property] of Object.entries(properties)) {
    if (omitted(ctx, property)) continue
    const value = build(ctx, property, depth + 1)
    if (value !== SKIP) out[name] = value
    else if (required.includes(name)) return SKIP
  }
  if (isJsonObject(node.additionalProperties)) {
    const value = build(ctx, node.additionalProperties, depth + 1)
    if (value !== SKIP) out.key1 = value
  }
  return out
}

function buildAllOf(ctx: Context, node: JsonObject, depth: number): Built {
  const parts: unknown[] = Array.isArray(node.allOf) ? node.allOf : []
  let merged: JsonObject = {}
  for (const part of parts) {
    // A discriminated parent is built without its dispatch (see spec-schema).
    const target = deref(ctx.spec, part)
    const base =
      isJsonObject(target) && isJsonObject(target.discriminator)
        ? { ...target, discriminator: undefined, oneOf: undefined }
        : part
    const value = build(ctx, base, depth + 1)
    if (value === SKIP) return SKIP
    if (isJsonObject(value)) merged = { ...merged, ...value }
  }
  const own = buildObject(ctx, { ...node, allOf: undefined }, depth)
  return own === SKIP ? SKIP : { ...merged, ...own }
}

function buildDiscriminated(
  ctx: Context,
  node: JsonObject,
  discriminator: JsonObject,
  depth: number,
): Built {
  const [value, ref] = Object.entries(
    isJsonObject(discriminator.mapping) ? discriminator.mapping : {},
  )[0] ?? [undefined, undefined]
  if (typeof value !== 'string' || typeof ref !== 'string') return SKIP
  const property = String(discriminator.propertyName)
  const variant = build(ctx, { $ref: ref }, depth + 1)
  if (!isJsonObject(variant)) return SKIP
  // Without oneOf the parent's own properties also apply to the body.
  const parent = Array.isArray(node.oneOf) ? {} : buildObject(ctx, node, depth)
  if (parent === SKIP) return SKIP
  return { ...parent, ...variant, [property]: value }
}

function build(ctx: Context, schema: unknown, depth: number): Built {
  if (depth > 12) return SKIP
  const ref =
    isJsonObject(schema) && typeof schema.$ref === 'string'
      ? schema.$ref
      : undefined
  if (ref !== undefined && ctx.stack.includes(ref)) return SKIP
  const node = deref(ctx.spec, schema)
  if (!isJsonObject(node)) return SKIP
  if (ref !== undefined) ctx.stack.push(ref)
  try {
    return buildNode(ctx, node, depth)
  } finally {
    if (ref !== undefined) ctx.stack.pop()
  }
}

function buildNode(ctx: Context, node: JsonObject, depth: number): Built {
  if (node.example !== undefined) return node.example
  if (isJsonObject(node.discriminator)) {
    return buildDiscriminated(ctx, node, node.discriminator, depth)
  }
  const variants = node.oneOf ?? node.anyOf
  if (Array.isArray(variants) && variants.length > 0) {
    return build(ctx, variants[0], depth + 1)
  }
  if (Array.isArray(node.allOf)) return buildAllOf(ctx, node, depth)
  if (Array.isArray(node.enum)) {
    return node.enum.find((value) => value !== null) ?? SKIP
  }
  switch (node.type) {
    case 'string':
      return sampleString(node)
    case 'integer':
    case 'number':
      return sampleNumber(node)
    case 'boolean':
      return true
    case 'array': {
      const item = build(ctx, node.items, depth + 1)
      return item === SKIP ? [] : [item]
    }
    default:
      return buildObject(ctx, node, depth)
  }
}

/** A body built from `schema`, or undefined when none could be built. */
export function buildExample(
  spec: AtlasSpec,
  direction: Direction,
  schema: unknown,
): unknown {
  const value = build({ spec, direction, stack: [] }, schema, 0)
  return value === SKIP ? undefined : value
}

function mediaExamples(media: JsonObject): unknown[] {
  const found: unknown[] = []
  if (media.example !== undefined) found.push(media.example)
  if (isJsonObject(media.examples)) {
    for (const example of Object.values(media.examples)) {
      if (isJsonObject(example) && 'value' in example) found.push(example.value)
    }
  }
  return found
}

function casesForContent(
  spec: AtlasSpec,
  content: unknown,
  base: Omit<ExampleCase, 'contentType' | 'body' | 'source'>,
): ExampleCase[] {
  const cases: ExampleCase[] = []
  for (const [contentType, media] of Object.entries(
    isJsonObject(content) ? content : {},
  )) {
    if (!isJsonObject(media) || media.schema === undefined) continue
    for (const body of mediaExamples(media)) {
      cases.push({ ...base, contentType, body, source: 'media example' })
    }
    const body = buildExample(spec, base.direction, media.schema)
    if (body !== undefined) {
      cases.push({ ...base, contentType, body, source: 'assembled' })
    }
  }
  return cases
}

/** Every request and response example the spec yields, per operation. */
export function collectExampleCases(spec: AtlasSpec): ExampleCase[] {
  const cases: ExampleCase[] = []
  for (const op of listOperations(spec)) {
    const common = {
      operationId: op.operationId,
      method: op.method,
      path: samplePath(op.pathTemplate),
    }
    const requestBody = deref(spec, op.operation.requestBody)
    if (isJsonObject(requestBody)) {
      const base = { ...common, direction: 'request' as const }
      cases.push(...casesForContent(spec, requestBody.content, base))
    }
    const responses = op.operation.responses
    for (const [key, raw] of Object.entries(
      isJsonObject(responses) ? responses : {},
    )) {
      const response = deref(spec, raw)
      if (!isJsonObject(response) || !/^\d{3}$/.test(key)) continue
      const base = {
        ...common,
        direction: 'response' as const,
        status: Number(key),
      }
      cases.push(...casesForContent(spec, response.content, base))
    }
  }
  return cases
}
