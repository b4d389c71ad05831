import type { FastifyInstance } from 'fastify'

import type { Overview } from '../../contract/bff/overview'
import { requireAction } from '../auth/guard'
import type { BffDeps } from '../deps'
import { composeOverview } from '../overview/compose'
import { createLimiter } from '../overview/limiter'

/** Upstream calls in flight for the overview at once, across all requests for it. */
export const OVERVIEW_CONCURRENCY = 8

export function registerOverviewRoutes(
  app: FastifyInstance,
  deps: BffDeps,
): void {
  const limit = createLimiter(OVERVIEW_CONCURRENCY)
  app.get('/api/overview', async (request, reply) => {
    requireAction(request, 'read')
    const overview: Overview = await composeOverview({
      atlas: deps.atlas,
      limit,
    })
    return reply.send(overview)
  })
}
