import type { FastifyInstance } from 'fastify'

import { paginatedGroupsSchema } from '../../contract/atlas/group'
import type { BffDeps } from '../deps'

export function registerHealthRoutes(
  app: FastifyInstance,
  deps: BffDeps,
): void {
  // Process liveness only: no upstream, no database.
  app.get('/healthz', (_request, reply) => reply.send({ status: 'ok' }))

  // Ready when the database answers and Atlas (or the sandbox) accepts our credentials.
  app.get('/readyz', async (_request, reply) => {
    const checks: Record<string, string> = {}
    try {
      deps.db.prepare('SELECT 1').get()
      checks.database = 'ok'
    } catch (error) {
      checks.database = error instanceof Error ? error.message : 'failed'
    }
    try {
      await deps.atlas.request({
        path: '/groups?itemsPerPage=1',
        resource: 'projects',
        schema: paginatedGroupsSchema,
      })
      checks.upstream = 'ok'
    } catch (error) {
      checks.upstream = error instanceof Error ? error.message : 'failed'
    }
    const ready = Object.values(checks).every((v) => v === 'ok')
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'not ready', checks })
  })

  app.get('/metrics', (_request, reply) =>
    reply.type('text/plain; version=0.0.4').send(deps.metrics.render()),
  )
}
