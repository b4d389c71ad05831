import type { FastifyInstance } from 'fastify'

import type { SandboxContext } from '../context'
import { notFound } from '../protocol/api-error'
import { listSnapshots } from '../state/snapshots-repo'
import { requireCluster } from './lookup'
import { type AtlasRequest, atlasRoute, selfUrl } from './route-kit'
import { deleteWithRules, requireSnapshot, snapshotView } from './snapshots'

// Sharded cluster snapshots (ops 12–14). On a replica set cluster the list is empty, and an id
// that names a replica set snapshot is not found here: these paths serve only snapshots whose
// type is shardedCluster (ops 7–11 serve both kinds).

const BASE = '/groups/:groupId/clusters/:clusterName/backup/snapshots'

function requireShardedSnapshot(ctx: SandboxContext, request: AtlasRequest) {
  const found = requireSnapshot(ctx, request)
  if (found.snapshot.doc.type !== 'shardedCluster') {
    throw notFound('sharded cluster snapshot', found.snapshot.id)
  }
  return found
}

export function registerShardedSnapshotRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
): void {
  // No paging parameters [spec], but the answer is still results + totalCount.
  atlasRoute(app, ctx, {
    method: 'GET',
    url: `${BASE}/shardedClusters`,
    resource: 'snapshots',
    handler: (request) => {
      const { groupId = '', clusterName = '' } = request.params
      requireCluster(ctx, groupId, clusterName, 'dedicated')
      const results = listSnapshots(ctx, groupId, clusterName)
        .filter((s) => s.doc.type === 'shardedCluster')
        .map((s) => snapshotView(request, s))
      return {
        status: 200,
        body: {
          links: [{ href: selfUrl(request), rel: 'self' }],
          results,
          totalCount: results.length,
        },
      }
    },
  })

  atlasRoute(app, ctx, {
    method: 'GET',
    url: `${BASE}/shardedCluster/:snapshotId`,
    resource: 'snapshots',
    handler: (request) => ({
      status: 200,
      body: snapshotView(
        request,
        requireShardedSnapshot(ctx, request).snapshot,
      ),
    }),
  })

  atlasRoute(app, ctx, {
    method: 'DELETE',
    url: `${BASE}/shardedCluster/:snapshotId`,
    resource: 'snapshots',
    handler: (request) => {
      const { snapshot } = requireShardedSnapshot(ctx, request)
      deleteWithRules(ctx, snapshot.groupId, snapshot)
      return { status: 204 }
    },
  })
}
