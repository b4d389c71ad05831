import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'

import type { SandboxContext } from '../context'
import { faultSchema } from '../faults'
import { AtlasError, validationError } from '../protocol/api-error'
import { reseed } from '../seed'
import { dataAt } from '../state/lineage-repo'
import { setGroupCompliance } from '../state/settings-repo'

// Test and demo controls (SANDBOX_CONTROLS=1 only), answered to loopback clients only.
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/

const advanceSchema = z
  .object({
    seconds: z.number().min(0).default(0),
    minutes: z.number().min(0).default(0),
    hours: z.number().min(0).default(0),
    days: z.number().min(0).default(0),
  })
  .strict()

const rateLimitSchema = z.object({
  capacity: z.number().int().min(1),
  refillPerMinute: z.number().int().min(1),
})

const complianceSchema = z.object({ enabled: z.boolean() })

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {})
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({
      field: i.path.join('.') || 'body',
      description: i.message,
    }))
    throw validationError('Invalid control request.', fields)
  }
  return parsed.data
}

export function registerControlRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
): void {
  app.addHook('onRequest', (request: FastifyRequest, _reply, done) => {
    if (request.url.startsWith('/sandbox/') && !LOOPBACK.test(request.ip)) {
      done(
        new AtlasError(
          403,
          'FORBIDDEN',
          'Sandbox controls answer loopback clients only.',
        ),
      )
      return
    }
    done()
  })

  const clockBody = () => ({ now: new Date(ctx.clock.now()).toISOString() })

  app.get('/sandbox/clock', (_request, reply) => reply.send(clockBody()))

  app.post('/sandbox/clock/advance', (request, reply) => {
    const by = parse(advanceSchema, request.body)
    const ms =
      ((by.days * 24 + by.hours) * 60 + by.minutes) * 60_000 + by.seconds * 1000
    ctx.clock.advance(ms)
    ctx.simulate()
    return reply.send(clockBody())
  })

  app.get('/sandbox/faults', (_request, reply) =>
    reply.send({ faults: ctx.faults.list() }),
  )
  app.post('/sandbox/faults', (request, reply) => {
    const id = ctx.faults.add(parse(faultSchema, request.body))
    return reply.send({ id })
  })
  app.delete('/sandbox/faults', (_request, reply) => {
    ctx.faults.clear()
    return reply.code(204).send()
  })

  app.post('/sandbox/rate-limit', (request, reply) => {
    const { capacity, refillPerMinute } = parse(rateLimitSchema, request.body)
    ctx.rateLimiter.configure(capacity, refillPerMinute)
    return reply.send({ capacity, refillPerMinute })
  })

  app.post('/sandbox/groups/:groupId/compliance', (request, reply) => {
    const { groupId } = request.params as { groupId: string }
    const { enabled } = parse(complianceSchema, request.body)
    setGroupCompliance(ctx.db, groupId, enabled)
    return reply.send({ groupId, enabled })
  })

  app.post('/sandbox/reset', (_request, reply) => {
    ctx.faults.clear()
    ctx.rateLimiter.refill()
    reseed(ctx)
    return reply.send(clockBody())
  })

  // Data lineage: what a cluster's data is at an instant, followed back through restores.
  app.get('/sandbox/lineage/:groupId/:clusterName', (request, reply) => {
    const { groupId, clusterName } = request.params as Record<string, string>
    const { at } = request.query as { at?: string }
    const instant = at === undefined ? ctx.clock.now() : Date.parse(at)
    if (Number.isNaN(instant)) {
      throw validationError('at must be an ISO 8601 date-time.', [
        { field: 'at', description: 'must be an ISO 8601 date-time' },
      ])
    }
    const { segments } = dataAt(
      ctx.db,
      groupId ?? '',
      clusterName ?? '',
      instant,
    )
    return reply.send({
      at: new Date(instant).toISOString(),
      segments: segments.map((s) => ({
        groupId: s.groupId,
        clusterName: s.clusterName,
        from: new Date(s.from).toISOString(),
        to: new Date(s.to).toISOString(),
      })),
    })
  })
}
