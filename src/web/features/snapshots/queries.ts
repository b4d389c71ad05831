import { queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'

import { clusterSchema } from '../../../contract/atlas/cluster'
import { PAGE_SIZE_MAX } from '../../../contract/atlas/common'
import { paginatedFlexSnapshotsSchema } from '../../../contract/atlas/flex-backup'
import { flexClusterSchema } from '../../../contract/atlas/flex-cluster'
import { backupScheduleSchema } from '../../../contract/atlas/schedule'
import {
  paginatedServerlessSnapshotsSchema,
  serverlessInstanceSchema,
} from '../../../contract/atlas/serverless'
import {
  paginatedReplicaSetSnapshotsSchema,
  paginatedShardedSnapshotsSchema,
} from '../../../contract/atlas/snapshot'
import { groupSchema } from '../../../contract/atlas/group'
import { restoreJobListSchema } from '../../../contract/bff/job-events'
import type { DeploymentKind } from '../../../contract/rules/delivery-type'
import { api } from '../../lib/api-client'
import { atlasPaths } from './api-paths'
import {
  type Deployment,
  fromDedicated,
  fromFlex,
  fromServerless,
  newestFirst,
  type SnapshotRow,
} from './model'

export const snapshotKeys = {
  all: ['snapshots'] as const,
  deployment: (groupId: string, kind: DeploymentKind, name: string) =>
    [...snapshotKeys.all, 'deployment', groupId, kind, name] as const,
  schedule: (groupId: string, name: string) =>
    [...snapshotKeys.all, 'schedule', groupId, name] as const,
  list: (groupId: string, kind: DeploymentKind, name: string) =>
    [...snapshotKeys.all, 'list', groupId, kind, name] as const,
  restoreJobs: () => [...snapshotKeys.all, 'restore-jobs'] as const,
}

async function readDeployment(
  groupId: string,
  kind: DeploymentKind,
  name: string,
  signal: AbortSignal,
): Promise<Deployment> {
  const base = { kind, groupId, name }
  if (kind === 'flex') {
    const c = await api.get(
      atlasPaths.flexCluster(groupId, name),
      flexClusterSchema,
      signal,
    )
    return {
      ...base,
      sharded: false,
      tier: 'Flex',
      mongoDBVersion: c.mongoDBVersion,
      backupEnabled: c.backupSettings?.enabled ?? true,
      pitEnabled: false,
      customerKeyEncryption: false,
    }
  }
  if (kind === 'serverless') {
    const s = await api.get(
      atlasPaths.serverless(groupId, name),
      serverlessInstanceSchema,
      signal,
    )
    return {
      ...base,
      sharded: false,
      tier: 'Serverless',
      mongoDBVersion: s.mongoDBVersion,
      backupEnabled: true,
      pitEnabled:
        s.serverlessBackupOptions?.serverlessContinuousBackupEnabled ?? false,
      customerKeyEncryption: false,
    }
  }
  const c = await api.get(
    atlasPaths.cluster(groupId, name),
    clusterSchema,
    signal,
  )
  return {
    ...base,
    sharded: c.clusterType !== undefined && c.clusterType !== 'REPLICASET',
    tier: c.replicationSpecs?.[0]?.regionConfigs?.[0]?.electableSpecs
      ?.instanceSize,
    mongoDBVersion: c.mongoDBVersion,
    backupEnabled: c.backupEnabled ?? false,
    pitEnabled: c.pitEnabled ?? false,
    customerKeyEncryption:
      c.encryptionAtRestProvider !== undefined &&
      c.encryptionAtRestProvider !== 'NONE',
  }
}

export function deploymentQuery(
  groupId: string,
  kind: DeploymentKind,
  name: string,
) {
  return queryOptions({
    queryKey: snapshotKeys.deployment(groupId, kind, name),
    queryFn: ({ signal }) => readDeployment(groupId, kind, name, signal),
  })
}

/** Dedicated clusters only: the restore window and the policy's intervals. */
export function scheduleQuery(groupId: string, name: string) {
  return queryOptions({
    queryKey: snapshotKeys.schedule(groupId, name),
    queryFn: ({ signal }) =>
      api.get(atlasPaths.schedule(groupId, name), backupScheduleSchema, signal),
  })
}

type Page<T> = { results: T[]; totalCount?: number | undefined }

/** Every page of a paginated list (A3), 500 at a time. */
async function allPages<T>(
  path: string,
  schema: z.ZodType<Page<T>>,
  signal: AbortSignal,
): Promise<T[]> {
  const results: T[] = []
  for (let page = 1; page <= 200; page += 1) {
    const body = await api.get(
      `${path}?itemsPerPage=${PAGE_SIZE_MAX}&pageNum=${page}&includeCount=true`,
      schema,
      signal,
    )
    results.push(...body.results)
    const total = body.totalCount ?? 0
    if (body.results.length < PAGE_SIZE_MAX || results.length >= total) break
  }
  return results
}

async function readSnapshots(
  deployment: Pick<Deployment, 'groupId' | 'kind' | 'name' | 'sharded'>,
  signal: AbortSignal,
): Promise<SnapshotRow[]> {
  const { groupId, name } = deployment
  const keep = (row: SnapshotRow | null): row is SnapshotRow => row !== null
  if (deployment.kind === 'flex') {
    const list = await allPages(
      atlasPaths.flexSnapshots(groupId, name),
      paginatedFlexSnapshotsSchema,
      signal,
    )
    return newestFirst(list.map(fromFlex).filter(keep))
  }
  if (deployment.kind === 'serverless') {
    const list = await allPages(
      atlasPaths.serverlessSnapshots(groupId, name),
      paginatedServerlessSnapshotsSchema,
      signal,
    )
    return newestFirst(list.map(fromServerless).filter(keep))
  }
  if (deployment.sharded) {
    // The sharded list takes no paging parameters.
    const body = await api.get(
      atlasPaths.shardedSnapshots(groupId, name),
      paginatedShardedSnapshotsSchema,
      signal,
    )
    return newestFirst(body.results.map(fromDedicated).filter(keep))
  }
  const list = await allPages(
    atlasPaths.snapshots(groupId, name),
    paginatedReplicaSetSnapshotsSchema,
    signal,
  )
  return newestFirst(list.map(fromDedicated).filter(keep))
}

const busy = (rows: SnapshotRow[] | undefined) =>
  rows?.some((r) => r.status === 'queued' || r.status === 'inProgress') ?? false

export function snapshotListQuery(
  deployment: Pick<Deployment, 'groupId' | 'kind' | 'name' | 'sharded'>,
) {
  const { groupId, kind, name, sharded } = deployment
  return queryOptions({
    queryKey: [...snapshotKeys.list(groupId, kind, name), { sharded }],
    queryFn: ({ signal }) =>
      readSnapshots({ groupId, kind, name, sharded }, signal),
    // While a snapshot is queued or running, follow it closely; otherwise once a minute.
    refetchInterval: (query) => (busy(query.state.data) ? 5_000 : 60_000),
  })
}

/** The console's watched restore jobs: restores into this cluster mark blackouts (R4). */
export function restoreJobsQuery() {
  return queryOptions({
    queryKey: snapshotKeys.restoreJobs(),
    queryFn: ({ signal }) =>
      api.get('/api/restore-jobs', restoreJobListSchema, signal),
  })
}

/** The project's name, for the breadcrumb. */
export function projectQuery(groupId: string) {
  return queryOptions({
    queryKey: [...snapshotKeys.all, 'project', groupId],
    queryFn: ({ signal }) =>
      api.get(
        `/api/atlas/v2/groups/${encodeURIComponent(groupId)}`,
        groupSchema,
        signal,
      ),
    staleTime: 10 * 60_000,
  })
}
