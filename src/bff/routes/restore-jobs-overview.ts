import type { FastifyInstance } from 'fastify'

import type { RestoreJobList } from '../../contract/bff/job-events'
import { requireAction } from '../auth/guard'
import type { BffDeps } from '../deps'

/** GET /api/restore-jobs: every watched restore job, newest first, with its R10 state. */
export function registerRestoreJobsOverviewRoutes(
  app: FastifyInstance,
  deps: BffDeps,
): void {
  app.get('/api/restore-jobs', async (request, reply) => {
    requireAction(request, 'read')
    const results = deps.jobs.list()
    const body: RestoreJobList = { results, totalCount: results.length }
    return reply.send(body)
  })
}
