import { clusterSchema } from '../../contract/atlas/cluster'
import {
  paginatedReplicaSetSnapshotsSchema,
  paginatedShardedSnapshotsSchema,
  type Snapshot,
} from '../../contract/atlas/snapshot'
import { PAGE_SIZE_MAX } from '../../contract/atlas/common'
import { checkOnDemandSnapshotAllowed } from '../../contract/rules/on-demand-snapshot'
import type { AtlasClient } from '../atlas/client'
import { refuseIf } from './write-checks'

/**
 * The cluster's snapshots, newest first as Atlas lists them. Sharded clusters list theirs at
 * …/snapshots/shardedClusters, which takes no paging; one page of 500 of a replica set's
 * reaches back far beyond any on-demand snapshot still queued or in progress.
 */
export async function listClusterSnapshots(
  atlas: AtlasClient,
  clusterPath: string,
): Promise<Snapshot[]> {
  const cluster = await atlas.request({
    path: clusterPath,
    resource: 'clusters',
    schema: clusterSchema,
  })
  const type = cluster.body.clusterType
  if (type !== undefined && type !== 'REPLICASET') {
    const sharded = await atlas.request({
      path: `${clusterPath}/backup/snapshots/shardedClusters`,
      resource: 'snapshots',
      schema: paginatedShardedSnapshotsSchema,
    })
    return sharded.body.results
  }
  const list = await atlas.request({
    path: `${clusterPath}/backup/snapshots?itemsPerPage=${PAGE_SIZE_MAX}`,
    resource: 'snapshots',
    schema: paginatedReplicaSetSnapshotsSchema,
  })
  return list.body.results
}

/** S1: refused (409) while another on-demand snapshot is queued or in progress. */
export async function checkNoOnDemandSnapshotRunning(
  atlas: AtlasClient,
  clusterPath: string,
): Promise<void> {
  const snapshots = await listClusterSnapshots(atlas, clusterPath)
  refuseIf(
    checkOnDemandSnapshotAllowed(
      snapshots.map((s) => ({
        snapshotType: s.snapshotType ?? 'scheduled',
        status: s.status ?? 'completed',
      })),
    ),
  )
}

/** What the audit keeps of a deleted snapshot: everything but its links. */
export function snapshotRecord(snapshot: Snapshot): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(snapshot).filter(([key]) => key !== 'links'),
  )
}
