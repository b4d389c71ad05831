import type { AtlasSpec, JsonObject } from './spec-loader'
import { deref, isJsonObject } from './spec-loader'

// Converts OpenAPI 3.0 schemas into JSON Schema (draft-07) that Ajv can run.
// Each direction gets its own copy of `components.schemas`, because the
// readOnly/writeOnly rules change which properties are required.

export type Direction = 'request' | 'response'

const SCHEMA_REF_PREFIX = '#/components/schemas/'
const BASE_SUFFIX = '__base'

/** Keywords whose value is a map of name -> schema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties'])
/** Keywords whose value is one schema. */
const SCHEMA_VALUES = new Set([
  'items',
  'additionalProperties',
  'additionalItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
])
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf'])
/** Annotations that Ajv does not need (the `x-*` extensions too). */
const DROPPED = new Set([
  'description',
  'title',
  'example',
  'examples',
  'externalDocs',
  'xml',
  'deprecated',
  'readOnly',
  'writeOnly',
  'nullable',
  'discriminator',
  'default',
])

/** `$id` of the Ajv document holding the converted schemas of a direction. */
export function documentId(direction: Direction): string {
  return `atlas-${direction}`
}

interface Context {
  spec: AtlasSpec
  direction: Direction
}

function refTo(ctx: Context, name: string): JsonObject {
  return { $ref: `${documentId(ctx.direction)}#/definitions/${name}` }
}

function schemaName(ref: unknown): string | undefined {
  if (typeof ref !== 'string' || !ref.startsWith(SCHEMA_REF_PREFIX)) {
    return undefined
  }
  return ref.slice(SCHEMA_REF_PREFIX.length)
}

/** Finds a property's schema in `properties` or through `allOf` parents. */
function findProperty(
  ctx: Context,
  node: JsonObject,
  name: string,
  seen = new Set<JsonObject>(),
): unknown {
  if (seen.has(node)) return undefined
  seen.add(node)
  const properties = node.properties
  if (isJsonObject(properties) && name in properties) return properties[name]
  const parents = Array.isArray(node.allOf) ? node.allOf : []
  for (const parent of parents) {
    const resolved = deref(ctx.spec, parent)
    if (!isJsonObject(resolved)) continue
    const found = findProperty(ctx, resolved, name, seen)
    if (found !== undefined) return found
  }
  return undefined
}

/** True when the property may be absent in this direction even if required. */
function omittable(ctx: Context, property: unknown): boolean {
  const flag = ctx.direction === 'request' ? 'readOnly' : 'writeOnly'
  if (isJsonObject(property) && property[flag] === true) return true
  const target = deref(ctx.spec, property)
  return isJsonObject(target) && target[flag] === true
}

function hasDiscriminator(ctx: Context, node: unknown): boolean {
  const target = deref(ctx.spec, node)
  return isJsonObject(target) && isJsonObject(target.discriminator)
}

/**
 * Replaces `discriminator` (+ its `oneOf`) with if/then dispatch: when the
 * property names a mapped value the body must match the mapped schema. Ajv's
 * own `discriminator` option cannot be used: it rejects `mapping`, and the
 * Atlas children `allOf` their parent, which it cannot resolve either.
 */
function discriminatorDispatch(
  ctx: Context,
  node: JsonObject,
  discriminator: JsonObject,
): JsonObject[] {
  const property = discriminator.propertyName
  const mapping = discriminator.mapping
  if (typeof property !== 'string' || !isJsonObject(mapping)) return []
  const valuesByTarget = new Map<string, string[]>()
  for (const [value, ref] of Object.entries(mapping)) {
    const target = schemaName(ref)
    if (target === undefined) continue
    valuesByTarget.set(target, [...(valuesByTarget.get(target) ?? []), value])
  }
  const branches: JsonObject[] = [...valuesByTarget].map(
    ([target, values]) => ({
      if: {
        properties: { [property]: { enum: values } },
        required: [property],
      },
      then: refTo(ctx, target),
    }),
  )
  if (Array.isArray(node.oneOf)) {
    // Without the property the body must still match one of the variants.
    branches.push({
      if: { not: { required: [property] } },
      then: { anyOf: node.oneOf.map((branch) => convert(ctx, branch)) },
    })
  }
  return branches
}

function convertNullable(out: JsonObject, node: JsonObject): void {
  if (node.nullable !== true) return
  if (typeof out.type === 'string') out.type = [out.type, 'null']
  const values: unknown[] | undefined = Array.isArray(out.enum)
    ? out.enum
    : undefined
  if (values && !values.includes(null)) out.enum = [...values, null]
}

function convertObject(ctx: Context, node: JsonObject): JsonObject {
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue
    if (SCHEMA_MAPS.has(key) && isJsonObject(value)) {
      const converted: JsonObject = {}
      for (const [name, schema] of Object.entries(value)) {
        converted[name] = convert(ctx, schema)
      }
      out[key] = converted
    } else if (SCHEMA_VALUES.has(key) && isJsonObject(value)) {
      out[key] = convert(ctx, value)
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map((branch) =>
        // A child that extends a discriminated parent gets the parent without
        // its dispatch; otherwise validation would recurse forever.
        key === 'allOf' && hasDiscriminator(ctx, branch)
          ? baseRef(ctx, branch)
          : convert(ctx, branch),
      )
    } else {
      out[key] = value
    }
  }
  convertNullable(out, node)
  if (Array.isArray(node.required)) {
    const required = node.required.filter(
      (name) =>
        typeof name !== 'string' ||
        !omittable(ctx, findProperty(ctx, node, name)),
    )
    if (required.length > 0) out.required = required
    else delete out.required
  }
  if (isJsonObject(node.discriminator)) {
    delete out.oneOf
    const dispatch = discriminatorDispatch(ctx, node, node.discriminator)
    const allOf: unknown[] = Array.isArray(out.allOf) ? out.allOf : []
    if (allOf.length + dispatch.length > 0) out.allOf = [...allOf, ...dispatch]
  }
  if (Array.isArray(out.oneOf)) {
    // Atlas variants overlap (no additionalProperties: false), so a valid body
    // often matches several of them: treat oneOf as anyOf.
    out.anyOf = out.oneOf
    delete out.oneOf
  }
  dropContradictoryObjectType(ctx, node, out)
  return out
}

/**
 * `BaseCloudProviderInstanceSize` is declared `type: object` with a oneOf of
 * string enums, while Atlas sends a string such as "M10". When every variant
 * declares a non-object type, the outer `type: object` is dropped.
 */
function dropContradictoryObjectType(
  ctx: Context,
  node: JsonObject,
  out: JsonObject,
): void {
  if (out.type !== 'object' || !Array.isArray(node.oneOf)) return
  if (node.properties !== undefined) return
  const variantTypes = node.oneOf.map((branch) => {
    const target = deref(ctx.spec, branch)
    return isJsonObject(target) ? target.type : undefined
  })
  const allScalar = variantTypes.every(
    (type) => typeof type === 'string' && type !== 'object',
  )
  if (allScalar) delete out.type
}

function baseRef(ctx: Context, branch: unknown): unknown {
  const name = isJsonObject(branch) ? schemaName(branch.$ref) : undefined
  if (name !== undefined) return refTo(ctx, `${name}${BASE_SUFFIX}`)
  const target = deref(ctx.spec, branch)
  return isJsonObject(target) ? convert(ctx, withoutDispatch(target)) : {}
}

function withoutDispatch(node: JsonObject): JsonObject {
  const rest = { ...node }
  delete rest.discriminator
  delete rest.oneOf
  return rest
}

function convert(ctx: Context, node: unknown): unknown {
  if (!isJsonObject(node)) return node
  if (typeof node.$ref === 'string') {
    const name = schemaName(node.$ref)
    if (name !== undefined) return refTo(ctx, name)
    return convert(ctx, deref(ctx.spec, node))
  }
  return convertObject(ctx, node)
}

/** Converts a schema found in a media type object (refs become absolute). */
export function convertSchema(
  spec: AtlasSpec,
  direction: Direction,
  schema: unknown,
): unknown {
  return convert({ spec, direction }, schema)
}

/**
 * The spec types ApiError.parameters items as objects, yet Atlas's own documented example
 * (the rate-limit page, ATLAS-CONTRACT.md §8) holds strings and numbers: accept any item.
 */
function relaxApiErrorParameters(name: string, definitions: JsonObject): void {
  const apiError = definitions[name]
  if (name !== 'ApiError' || !isJsonObject(apiError)) return
  const properties = apiError.properties
  if (isJsonObject(properties) && isJsonObject(properties.parameters)) {
    properties.parameters = { ...properties.parameters, items: {} }
  }
}

/** The Ajv document with every component schema for one direction. */
export function buildSchemaDocument(
  spec: AtlasSpec,
  direction: Direction,
): JsonObject {
  const ctx: Context = { spec, direction }
  const definitions: JsonObject = {}
  for (const [name, schema] of Object.entries(spec.components.schemas)) {
    definitions[name] = convert(ctx, schema)
    relaxApiErrorParameters(name, definitions)
    if (isJsonObject(schema.discriminator)) {
      definitions[`${name}${BASE_SUFFIX}`] = convert(
        ctx,
        withoutDispatch(schema),
      )
    }
  }
  return { $id: documentId(direction), definitions }
}
