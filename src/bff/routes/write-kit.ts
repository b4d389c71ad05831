import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'

import type { BffDeps } from '../deps'
import { appendAudit } from '../db/audit-repo'
import {
  type IdempotencyRecord,
  claimIdempotency,
  completeIdempotency,
  findIdempotency,
  releaseIdempotency,
} from '../db/idempotency-repo'
import { ApiProblem, badRequest } from '../http/errors'

export type WriteResult = {
  status: number
  body: unknown
  atlasId?: string | undefined
}

export type AuditedWrite = {
  action: string
  actor: string
  groupId?: string
  clusterName?: string
  target?: string
  details: Record<string, unknown>
  /** Present for creations that must never happen twice (restores, on-demand snapshots). */
  idempotency?: { route: string; body: unknown }
}

/** Finds what a request that may or may not have reached Atlas actually created. */
export type Reconciler = (
  record: IdempotencyRecord,
) => Promise<WriteResult | undefined>

const KEY_PATTERN = /^[\w.:-]{8,128}$/
const inflight = new Map<string, Promise<WriteResult>>()

export function idempotencyKeyOf(request: FastifyRequest): string {
  const key = request.headers['idempotency-key']
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw badRequest(
      'This request needs an Idempotency-Key header (8–128 letters, digits, dots, colons, dashes or underscores), so that retrying it can never make a second one.',
      [{ field: 'Idempotency-Key', description: 'required, 8–128 characters' }],
      'IDEMPOTENCY_KEY_REQUIRED',
    )
  }
  return key
}

/** What an Idempotency-Key is bound to: the route and the body sent upstream. */
export function idempotencyBodyHash(route: string, body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ route, body }))
    .digest('base64url')
}

function replay(record: IdempotencyRecord): WriteResult {
  if ((record.status ?? 500) >= 400) {
    const body = record.response as ReturnType<ApiProblem['toBody']>
    throw new ApiProblem(
      record.status ?? 500,
      body.errorCode,
      body.detail,
      body.badRequestDetail?.fields ?? [],
    )
  }
  return { status: record.status ?? 200, body: record.response }
}

/**
 * Writes an audit intent, calls Atlas once, writes the outcome. With an idempotency key, a
 * repeat returns the first result, a different body under the same key is refused, and a
 * request cut off by a crash is reconciled against Atlas before anything is sent again.
 */
export async function auditedWrite(
  deps: BffDeps,
  request: FastifyRequest,
  write: AuditedWrite,
  perform: () => Promise<WriteResult>,
  reconcile?: Reconciler,
): Promise<WriteResult> {
  const key = write.idempotency ? idempotencyKeyOf(request) : undefined
  if (key && write.idempotency) {
    const flightKey = `${write.actor}\u0000${key}`
    const running = inflight.get(flightKey)
    const bodyHash = idempotencyBodyHash(
      write.idempotency.route,
      write.idempotency.body,
    )
    const existing = findIdempotency(deps.db, write.actor, key)
    if (existing && existing.bodyHash !== bodyHash) {
      throw new ApiProblem(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request; a new request needs a new key.',
      )
    }
    if (running) return running
    if (existing?.state === 'done') return replay(existing)
    if (existing?.state === 'pending') {
      // The first attempt was cut off (a crash between Atlas and us): find what it made.
      const found = reconcile ? await reconcile(existing) : undefined
      if (found) {
        completeIdempotency(deps.db, write.actor, key, found.status, found.body)
        appendAudit(
          deps.db,
          outcomeEntry(
            deps,
            request,
            write,
            existing.auditId,
            'reconciled',
            found.atlasId,
          ),
        )
        return found
      }
      releaseIdempotency(deps.db, write.actor, key)
    }
    const pending = run(deps, request, write, perform, {
      key,
      bodyHash,
    }).finally(() => inflight.delete(flightKey))
    inflight.set(flightKey, pending)
    return pending
  }
  return run(deps, request, write, perform, undefined)
}

function outcomeEntry(
  deps: BffDeps,
  request: FastifyRequest,
  write: AuditedWrite,
  intentId: number | null,
  outcome: string,
  atlasId?: string,
  extra: Record<string, unknown> = {},
) {
  return {
    at: deps.now(),
    actor: write.actor,
    action: write.action,
    phase: 'outcome' as const,
    intentId,
    groupId: write.groupId,
    clusterName: write.clusterName,
    target: write.target,
    outcome,
    atlasId,
    requestId: request.id,
    details: extra,
  }
}

async function run(
  deps: BffDeps,
  request: FastifyRequest,
  write: AuditedWrite,
  perform: () => Promise<WriteResult>,
  idempotency: { key: string; bodyHash: string } | undefined,
): Promise<WriteResult> {
  const intentId = deps.db.transaction(() => {
    const id = appendAudit(deps.db, {
      at: deps.now(),
      actor: write.actor,
      action: write.action,
      phase: 'intent',
      groupId: write.groupId,
      clusterName: write.clusterName,
      target: write.target,
      requestId: request.id,
      details: write.details,
    })
    if (idempotency && write.idempotency) {
      claimIdempotency(deps.db, {
        key: idempotency.key,
        userName: write.actor,
        route: write.idempotency.route,
        bodyHash: idempotency.bodyHash,
        auditId: id,
        createdAt: deps.now(),
      })
    }
    return id
  })()

  try {
    const result = await perform()
    deps.db.transaction(() => {
      if (idempotency)
        completeIdempotency(
          deps.db,
          write.actor,
          idempotency.key,
          result.status,
          result.body,
        )
      appendAudit(
        deps.db,
        outcomeEntry(
          deps,
          request,
          write,
          intentId,
          'succeeded',
          result.atlasId,
        ),
      )
    })()
    return result
  } catch (error) {
    const problem = error instanceof ApiProblem ? error : undefined
    // A 4xx from Atlas is a definite refusal; anything else leaves it unknown whether the
    // change happened, so the key stays pending for reconciliation on the next attempt.
    const definite = problem !== undefined && problem.status < 500
    deps.db.transaction(() => {
      if (idempotency && definite) {
        completeIdempotency(
          deps.db,
          write.actor,
          idempotency.key,
          problem.status,
          problem.toBody(request.id),
        )
      }
      appendAudit(
        deps.db,
        outcomeEntry(
          deps,
          request,
          write,
          intentId,
          definite ? 'refused' : 'unknown',
          undefined,
          {
            errorCode: problem?.errorCode ?? 'UNEXPECTED_ERROR',
            detail: problem?.detail ?? String(error),
          },
        ),
      )
    })()
    throw error
  }
}
