import type { FastifyInstance } from 'fastify'
import { z } from 'zod'

import { jobKeySchema } from '../../contract/bff/job-events'
import { requireAction } from '../auth/guard'
import type { BffDeps } from '../deps'
import { parseWith } from '../http/validate'

const eventsQuerySchema = z.object({ job: jobKeySchema.optional() })

/**
 * GET /api/events: the Server-Sent Events stream of restore jobs (contract/bff/job-events.ts).
 * `?job=kind:groupId:clusterName:jobId` narrows it to one job, and starts watching that job
 * if the console was not (a job started elsewhere, or before the console kept records).
 */
export function registerEventRoutes(app: FastifyInstance, deps: BffDeps): void {
  app.get('/api/events', async (request, reply) => {
    const session = requireAction(request, 'read')
    const { job } = parseWith(eventsQuerySchema, request.query)
    if (job) await deps.jobs.ensureWatched(job)
    const lastEventId = request.headers['last-event-id']
    reply.hijack()
    deps.jobs.stream(reply.raw, reply.getHeaders(), {
      job,
      lastEventId: typeof lastEventId === 'string' ? lastEventId : undefined,
      expiresAt: session.expiresAt,
    })
  })

  // Open streams would hold a graceful close forever: end them first.
  app.addHook('preClose', (done) => {
    deps.jobs.stop()
    done()
  })
}
