import type { FastifyInstance } from 'fastify'

import type { Overview } from '../../contract/bff/overview'
import { requireAction } from '../auth/guard'
import type { BffDeps } from '../deps'
import { composeOverview } from '../overview/compose'
import { createLimiter } from '../overview/limiter'
import { RecentOverview, wantsFresh } from '../overview/recent-overview'

/** Upstream calls in flight for the overview at once, across all requests for it. */
export const OVERVIEW_CONCURRENCY = 8

export function registerOverviewRoutes(
  app: FastifyInstance,
  deps: BffDeps,
): void {
  const limit = createLimiter(OVERVIEW_CONCURRENCY)
  const recent = new RecentOverview(
    () => composeOverview({ atlas: deps.atlas, limit }),
    deps.now,
    () => deps.atlas.writesSent,
  )
  app.get('/api/overview', async (request, reply) => {
    requireAction(request, 'read')
    const overview: Overview = await recent.get(
      wantsFresh(request.headers['cache-control']),
    )
    return reply.send(overview)
  })
}
