import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HTTPMethods,
} from 'fastify'
import type { z } from 'zod'

import {
  CLUSTER_NAME_PATTERN,
  OBJECT_ID_PATTERN,
} from '../../contract/atlas/common'
import type { AtlasResource } from '../../contract/atlas/versions'
import {
  type RuleErrorCode,
  ruleErrorStatus,
} from '../../contract/rules/error-codes'
import type { RuleResult } from '../../contract/rules/result'
import type { SandboxContext } from '../context'
import { AtlasError, validationError } from '../protocol/api-error'
import { negotiateVersion, sendVersioned } from '../protocol/versions'

export const ATLAS_PREFIX = '/api/atlas/v2'

export type AtlasRequest = FastifyRequest<{
  Params: Record<string, string>
  Querystring: Record<string, string | string[] | undefined>
}>

export type AtlasResult = { status: number; body?: unknown }

type RouteSpec = {
  method: HTTPMethods
  /** Path after /api/atlas/v2, with Fastify params (:groupId). */
  url: string
  resource: AtlasResource
  handler: (request: AtlasRequest, version: string) => AtlasResult
}

// Path parameter checks (A4): every route validates the ids and names it carries.
const paramPatterns: Record<
  string,
  { pattern: RegExp; code: string; hint: string }
> = {
  groupId: {
    pattern: OBJECT_ID_PATTERN,
    code: 'INVALID_GROUP_ID',
    hint: 'a 24-character hexadecimal id',
  },
  snapshotId: {
    pattern: OBJECT_ID_PATTERN,
    code: 'VALIDATION_ERROR',
    hint: 'a 24-character hexadecimal id',
  },
  restoreJobId: {
    pattern: OBJECT_ID_PATTERN,
    code: 'VALIDATION_ERROR',
    hint: 'a 24-character hexadecimal id',
  },
  clusterName: {
    pattern: CLUSTER_NAME_PATTERN,
    code: 'VALIDATION_ERROR',
    hint: 'letters, digits and hyphens, starting with a letter or digit',
  },
  name: {
    pattern: CLUSTER_NAME_PATTERN,
    code: 'VALIDATION_ERROR',
    hint: 'letters, digits and hyphens, starting with a letter or digit',
  },
}

function checkParams(params: Record<string, string>): void {
  for (const [name, value] of Object.entries(params)) {
    const rule = paramPatterns[name]
    if (rule && !rule.pattern.test(value)) {
      throw validationError(
        `Invalid ${name} ${value}: it must be ${rule.hint}.`,
        [{ field: name, description: `must be ${rule.hint}` }],
        rule.code,
      )
    }
  }
}

export function atlasRoute(
  app: FastifyInstance,
  ctx: SandboxContext,
  spec: RouteSpec,
): void {
  app.route({
    method: spec.method,
    url: `${ATLAS_PREFIX}${spec.url}`,
    handler: (request: FastifyRequest, reply: FastifyReply) => {
      const atlasRequest = request as AtlasRequest
      const version = negotiateVersion(request, spec.resource)
      checkParams(atlasRequest.params)
      ctx.simulate()
      const result = spec.handler(atlasRequest, version)
      return sendVersioned(reply, version, result.status, result.body)
    },
  })
}

/** Parses a JSON body with a contract schema; a failure names every bad field. */
export function parseBody<T extends z.ZodType>(
  schema: T,
  body: unknown,
): z.infer<T> {
  if (body === undefined || body === null) {
    throw validationError('The request body is missing.', [
      { field: 'body', description: 'a JSON body is required' },
    ])
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({
      field: issue.path.join('.') || 'body',
      description: issue.message,
    }))
    throw validationError(
      `Invalid request body: ${fields.map((f) => `${f.field} ${f.description}`).join('; ')}.`,
      fields,
    )
  }
  return parsed.data
}

/**
 * Turns a refusal from src/contract/rules into the error Atlas would send, with the status that
 * goes with the rule's errorCode (409 for work already under way, 403 for a compliance policy…)
 * unless the operation declares another.
 */
export function refusalToError(
  refusal: {
    reason: string
    field?: string
    errorCode?: string
  },
  status: number = ruleErrorStatus[refusal.errorCode as RuleErrorCode] ?? 400,
): AtlasError {
  return new AtlasError(
    status,
    refusal.errorCode ?? 'VALIDATION_ERROR',
    refusal.reason,
    refusal.field ? [refusal.field] : [],
    refusal.field
      ? [{ field: refusal.field, description: refusal.reason }]
      : [],
  )
}

/** Throws the rule's refusal, if it is one, as the ApiError Atlas would send. */
export function enforce(result: RuleResult): void {
  if (!result.ok) throw refusalToError(result)
}

/** The scheme and host the client reached the sandbox at, for links it can follow. */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`
}

export function selfUrl(request: FastifyRequest): string {
  return `${requestOrigin(request)}${request.url}`
}
