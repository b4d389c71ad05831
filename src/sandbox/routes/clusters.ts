import type { FastifyInstance } from 'fastify'

import type { SandboxContext } from '../context'
import { boolParam, paginate, parsePageRequest } from '../protocol/pagination'
import { listClusters } from '../state/clusters-repo'
import { atlasRoute, selfUrl } from './route-kit'
import { requireCluster, requireGroup } from './lookup'

/** Dedicated clusters (ops 3, 4), flex clusters (5, 6) and serverless instances. */
export function registerClusterRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
): void {
  atlasRoute(app, ctx, {
    method: 'GET',
    url: '/groups/:groupId/clusters',
    resource: 'clusters',
    handler: (request) => {
      const groupId = request.params.groupId ?? ''
      requireGroup(ctx, groupId)
      boolParam(request.query, 'includeDeletedWithRetainedBackups', false)
      const docs = listClusters(ctx.db, groupId, 'dedicated').map((c) => c.doc)
      return {
        status: 200,
        body: paginate(docs, parsePageRequest(request.query), selfUrl(request)),
      }
    },
  })

  atlasRoute(app, ctx, {
    method: 'GET',
    url: '/groups/:groupId/clusters/:clusterName',
    resource: 'clusters',
    handler: (request) => ({
      status: 200,
      body: requireCluster(
        ctx,
        request.params.groupId ?? '',
        request.params.clusterName ?? '',
        'dedicated',
      ).doc,
    }),
  })

  atlasRoute(app, ctx, {
    method: 'GET',
    url: '/groups/:groupId/flexClusters',
    resource: 'flex',
    handler: (request) => {
      const groupId = request.params.groupId ?? ''
      requireGroup(ctx, groupId)
      const docs = listClusters(ctx.db, groupId, 'flex').map((c) => c.doc)
      return {
        status: 200,
        body: paginate(docs, parsePageRequest(request.query), selfUrl(request)),
      }
    },
  })

  atlasRoute(app, ctx, {
    method: 'GET',
    url: '/groups/:groupId/flexClusters/:name',
    resource: 'flex',
    handler: (request) => ({
      status: 200,
      body: requireCluster(
        ctx,
        request.params.groupId ?? '',
        request.params.name ?? '',
        'flex',
      ).doc,
    }),
  })

  // Serverless instance list and get: not in the spec subset, but how instances are found.
  atlasRoute(app, ctx, {
    method: 'GET',
    url: '/groups/:groupId/serverless',
    resource: 'serverless',
    handler: (request) => {
      const groupId = request.params.groupId ?? ''
      requireGroup(ctx, groupId)
      const docs = listClusters(ctx.db, groupId, 'serverless').map((c) => c.doc)
      return {
        status: 200,
        body: paginate(docs, parsePageRequest(request.query), selfUrl(request)),
      }
    },
  })

  atlasRoute(app, ctx, {
    method: 'GET',
    url: '/groups/:groupId/serverless/:clusterName',
    resource: 'serverless',
    handler: (request) => ({
      status: 200,
      body: requireCluster(
        ctx,
        request.params.groupId ?? '',
        request.params.clusterName ?? '',
        'serverless',
      ).doc,
    }),
  })
}
