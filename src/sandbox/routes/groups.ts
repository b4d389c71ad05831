import type { FastifyInstance } from 'fastify'

import type { SandboxContext } from '../context'
import { notFound } from '../protocol/api-error'
import { paginate, parsePageRequest } from '../protocol/pagination'
import { getGroup, listGroups } from '../state/clusters-repo'
import { atlasRoute, selfUrl } from './route-kit'

export function registerGroupRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
): void {
  atlasRoute(app, ctx, {
    method: 'GET',
    url: '/groups',
    resource: 'projects',
    handler: (request) => ({
      status: 200,
      body: paginate(
        listGroups(ctx.db),
        parsePageRequest(request.query),
        selfUrl(request),
      ),
    }),
  })

  atlasRoute(app, ctx, {
    method: 'GET',
    url: '/groups/:groupId',
    resource: 'projects',
    handler: (request) => {
      const groupId = request.params.groupId ?? ''
      const group = getGroup(ctx.db, groupId)
      if (!group) throw notFound('group', groupId)
      return { status: 200, body: group }
    },
  })
}
