import type { FastifyRequest } from 'fastify'

import {
  type RuleErrorCode,
  ruleErrorStatus,
} from '../../contract/rules/error-codes'
import type { RuleRefusal, RuleResult } from '../../contract/rules/result'
import type { BffDeps } from '../deps'
import { findIdempotency } from '../db/idempotency-repo'
import { ApiProblem, fromRefusal } from '../http/errors'
import { idempotencyKeyOf } from './write-kit'

export const enc = encodeURIComponent

const statusOf = (refusal: RuleRefusal) =>
  ruleErrorStatus[refusal.errorCode as RuleErrorCode] ?? 400

/** A rule's refusal with the status that goes with its errorCode (409 for work under way). */
export function refuseIf(result: RuleResult): void {
  if (!result.ok) throw fromRefusal(result, statusOf(result))
}

/** Every refusal at once, each next to its field, so a form can show them all. */
export function refuseAll(refusals: readonly RuleRefusal[]): void {
  const [first] = refusals
  if (!first) return
  throw new ApiProblem(
    statusOf(first),
    first.errorCode ?? 'VALIDATION_ERROR',
    `${refusals.map((r) => r.reason).join('; ')}.`,
    refusals.flatMap((r) =>
      r.field ? [{ field: r.field, description: r.reason }] : [],
    ),
  )
}

/** The resource, or undefined when Atlas answers 404 (or one of `alsoMissing`'s codes). */
export async function optional<T>(
  load: () => Promise<T>,
  alsoMissing: readonly string[] = [],
): Promise<T | undefined> {
  try {
    return await load()
  } catch (error) {
    if (
      error instanceof ApiProblem &&
      (error.status === 404 ||
        (error.status === 400 && alsoMissing.includes(error.errorCode)))
    ) {
      return undefined
    }
    throw error
  }
}

/**
 * Whether this request repeats one the BFF already took under the same Idempotency-Key. A
 * repeat must get the first answer (write-kit replays or reconciles it), so checks that read
 * Atlas's current state — which the first request changed — are skipped for it. The key is
 * checked here, before any upstream call.
 */
export function isRepeat(
  deps: BffDeps,
  request: FastifyRequest,
  actor: string,
): boolean {
  const key = idempotencyKeyOf(request)
  return findIdempotency(deps.db, actor, key) !== undefined
}

/**
 * The earliest upstream time at which something the request made can have been created: the
 * intent's time (our clock) moved to Atlas's clock, less a little for the Date header's
 * one-second resolution.
 */
export function upstreamSince(deps: BffDeps, intentAt: number): number {
  const offset = deps.atlas.upstreamNow().getTime() - Date.now()
  return intentAt + offset - 5_000
}

/** Seconds encoded in an ObjectId, in ms: when Atlas created the document. */
export function objectIdTime(id: string | undefined): number {
  return id ? parseInt(id.slice(0, 8), 16) * 1000 : 0
}

/** The fields of a restore request that Atlas keeps on the job it makes. */
const RESTORE_REQUEST_FIELDS = [
  'deliveryType',
  'snapshotId',
  'targetGroupId',
  'targetClusterName',
  'pointInTimeUTCSeconds',
  'oplogTs',
  'oplogInc',
] as const
type RestoreRequestFields = Partial<
  Record<(typeof RESTORE_REQUEST_FIELDS)[number], unknown>
>

/**
 * After a crash between Atlas and us: the restore job this request made, if Atlas lists one
 * created since the request's intent with the same fields.
 */
export function findMadeRestore<J extends { id?: string | undefined }>(
  deps: BffDeps,
  jobs: readonly J[],
  body: RestoreRequestFields,
  intentAt: number,
): (J & { id: string }) | undefined {
  const since = upstreamSince(deps, intentAt)
  return jobs.find(
    (job): job is J & { id: string } =>
      job.id !== undefined &&
      objectIdTime(job.id) >= since &&
      RESTORE_REQUEST_FIELDS.every(
        (field) =>
          body[field] === undefined ||
          (job as RestoreRequestFields)[field] === body[field],
      ),
  )
}

/** Only Atlas's fields of a restore request: what goes upstream (the confirmation stays). */
export function atlasRestoreFields<B extends RestoreRequestFields>(
  parsed: B,
): Pick<B, (typeof RESTORE_REQUEST_FIELDS)[number] & keyof B> {
  return Object.fromEntries(
    RESTORE_REQUEST_FIELDS.flatMap((field) =>
      parsed[field] === undefined ? [] : [[field, parsed[field]]],
    ),
  ) as Pick<B, (typeof RESTORE_REQUEST_FIELDS)[number] & keyof B>
}

/**
 * The body as a rule's input when its fields have the JSON types the rule expects, so the
 * rule names each problem in its own words before the schema checks types.
 */
export function ruleInput(
  body: unknown,
  strings: readonly string[],
  numbers: readonly string[] = [],
): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return undefined
  }
  const record = body as Record<string, unknown>
  const fits = (names: readonly string[], type: 'string' | 'number') =>
    names.every((n) => record[n] === undefined || typeof record[n] === type)
  return fits(strings, 'string') && fits(numbers, 'number') ? record : undefined
}
