import type { FastifyInstance } from 'fastify'
import type { z } from 'zod'

import {
  paginatedClustersSchema,
  clusterSchema,
} from '../../contract/atlas/cluster'
import {
  flexClusterSchema,
  paginatedFlexClustersSchema,
} from '../../contract/atlas/flex-cluster'
import {
  flexRestoreJobSchema,
  flexSnapshotSchema,
  paginatedFlexRestoreJobsSchema,
  paginatedFlexSnapshotsSchema,
} from '../../contract/atlas/flex-backup'
import { groupSchema, paginatedGroupsSchema } from '../../contract/atlas/group'
import {
  paginatedRestoreJobsSchema,
  restoreJobSchema,
} from '../../contract/atlas/restore-job'
import {
  paginatedServerlessInstancesSchema,
  paginatedServerlessRestoreJobsSchema,
  paginatedServerlessSnapshotsSchema,
  serverlessInstanceSchema,
  serverlessRestoreJobSchema,
  serverlessSnapshotSchema,
} from '../../contract/atlas/serverless'
import {
  paginatedReplicaSetSnapshotsSchema,
  paginatedShardedSnapshotsSchema,
  replicaSetSnapshotSchema,
  shardedSnapshotSchema,
} from '../../contract/atlas/snapshot'
import type { AtlasResource } from '../../contract/atlas/versions'
import { requireAction } from '../auth/guard'
import type { BffDeps } from '../deps'
import { checkPathParams, forwardQuery } from '../http/atlas-params'

type ReadRoute = {
  path: string
  resource: AtlasResource
  schema: z.ZodType
  query?: readonly string[]
}

const PAGE = ['itemsPerPage', 'pageNum', 'includeCount'] as const
const G = '/groups/:groupId'
const C = `${G}/clusters/:clusterName`
const S = `${G}/serverless/:clusterName`
const F = `${G}/flexClusters/:name`

// The Atlas reads the SPA needs, at the same paths and in the same shapes as Atlas, so SPA and
// BFF share the contract types. Each response is parsed with its contract schema.
const readRoutes: ReadRoute[] = [
  {
    path: '/groups',
    resource: 'projects',
    schema: paginatedGroupsSchema,
    query: PAGE,
  },
  { path: G, resource: 'projects', schema: groupSchema },
  {
    path: `${G}/clusters`,
    resource: 'clusters',
    schema: paginatedClustersSchema,
    query: [...PAGE, 'includeDeletedWithRetainedBackups'],
  },
  { path: C, resource: 'clusters', schema: clusterSchema },
  {
    path: `${G}/flexClusters`,
    resource: 'flex',
    schema: paginatedFlexClustersSchema,
    query: PAGE,
  },
  { path: F, resource: 'flex', schema: flexClusterSchema },
  {
    path: `${G}/serverless`,
    resource: 'serverless',
    schema: paginatedServerlessInstancesSchema,
    query: PAGE,
  },
  { path: S, resource: 'serverless', schema: serverlessInstanceSchema },
  {
    path: `${C}/backup/snapshots`,
    resource: 'snapshots',
    schema: paginatedReplicaSetSnapshotsSchema,
    query: [...PAGE, 'pointInTimeUtcSeconds', 'oplogTs', 'oplogInc'],
  },
  {
    path: `${C}/backup/snapshots/shardedClusters`,
    resource: 'snapshots',
    schema: paginatedShardedSnapshotsSchema,
  },
  {
    path: `${C}/backup/snapshots/shardedCluster/:snapshotId`,
    resource: 'snapshots',
    schema: shardedSnapshotSchema,
  },
  {
    path: `${C}/backup/snapshots/:snapshotId`,
    resource: 'snapshots',
    schema: replicaSetSnapshotSchema,
  },
  {
    path: `${C}/backup/restoreJobs`,
    resource: 'restoreJobs',
    schema: paginatedRestoreJobsSchema,
    query: PAGE,
  },
  {
    path: `${C}/backup/restoreJobs/:restoreJobId`,
    resource: 'restoreJobs',
    schema: restoreJobSchema,
  },
  {
    path: `${S}/backup/snapshots`,
    resource: 'serverless',
    schema: paginatedServerlessSnapshotsSchema,
    query: PAGE,
  },
  {
    path: `${S}/backup/snapshots/:snapshotId`,
    resource: 'serverless',
    schema: serverlessSnapshotSchema,
  },
  {
    path: `${S}/backup/restoreJobs`,
    resource: 'serverless',
    schema: paginatedServerlessRestoreJobsSchema,
    query: PAGE,
  },
  {
    path: `${S}/backup/restoreJobs/:restoreJobId`,
    resource: 'serverless',
    schema: serverlessRestoreJobSchema,
  },
  {
    path: `${F}/backup/snapshots`,
    resource: 'flex',
    schema: paginatedFlexSnapshotsSchema,
    query: PAGE,
  },
  {
    path: `${F}/backup/snapshots/:snapshotId`,
    resource: 'flex',
    schema: flexSnapshotSchema,
  },
  {
    path: `${F}/backup/restoreJobs`,
    resource: 'flex',
    schema: paginatedFlexRestoreJobsSchema,
    query: PAGE,
  },
  {
    path: `${F}/backup/restoreJobs/:restoreJobId`,
    resource: 'flex',
    schema: flexRestoreJobSchema,
  },
]

/** Fills a Fastify path pattern with (already validated) params. */
export function fillPath(
  pattern: string,
  params: Record<string, string>,
): string {
  return pattern.replace(/:(\w+)/g, (_m, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  )
}

export function registerAtlasReadRoutes(
  app: FastifyInstance,
  deps: BffDeps,
): void {
  for (const route of readRoutes) {
    app.get(`/api/atlas/v2${route.path}`, async (request, reply) => {
      requireAction(request, 'read')
      const params = checkPathParams(request.params)
      const query = forwardQuery(request.query, route.query ?? [])
      const json = await deps.atlas.readJson({
        path: `${fillPath(route.path, params)}${query}`,
        resource: route.resource,
        schema: route.schema,
      })
      return reply.type('application/json; charset=utf-8').send(json)
    })
  }
}
