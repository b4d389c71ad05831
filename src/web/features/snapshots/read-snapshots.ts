import type { z } from 'zod'

import { clusterSchema } from '../../../contract/atlas/cluster'
import { PAGE_SIZE_MAX } from '../../../contract/atlas/common'
import { paginatedFlexSnapshotsSchema } from '../../../contract/atlas/flex-backup'
import { flexClusterSchema } from '../../../contract/atlas/flex-cluster'
import {
  paginatedServerlessSnapshotsSchema,
  serverlessInstanceSchema,
} from '../../../contract/atlas/serverless'
import {
  paginatedReplicaSetSnapshotsSchema,
  paginatedShardedSnapshotsSchema,
} from '../../../contract/atlas/snapshot'
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

// The reads behind the snapshot browser's queries: Atlas's shapes in, one model out.

export async function readDeployment(
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

export async function readSnapshots(
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
