import type { ClusterType } from '../atlas/common'
import { ruleErrorCodes } from './error-codes'
import { formatUtc } from './format-utc'
import { ok, refuse } from './result'
import type { RuleResult } from './result'

// R7: "Cannot restore an existing snapshot to a cluster after you add or remove a shard from it.
// You may restore an existing snapshot to another cluster with a matching topology" (reference
// 003); shards map shardN → shardN, and sharded sources also need the same config server type
// (PEERS.md §1). A sharded snapshot cannot go to a replica set, nor a replica set snapshot to a
// sharded cluster.

export type ConfigServerType = 'EMBEDDED' | 'DEDICATED'

export type TopologySnapshotInput = {
  type: 'replicaSet' | 'shardedCluster'
  /** Shards in the snapshot (see snapshotShardCount); required for sharded snapshots. */
  shardCount?: number | undefined
  configServerType?: ConfigServerType | undefined
  /** The cluster the snapshot was taken of, and when. */
  clusterName: string
  createdAt: Date
}

export type TopologyTargetInput = {
  name: string
  clusterType: ClusterType
  /** Shards of the target now (see clusterShardCount); required for sharded targets. */
  shardCount?: number | undefined
  configServerType?: ConfigServerType | undefined
  /** Last time a shard was added or removed, when known. */
  shardsChangedAt?: Date | undefined
}

function mismatch(reason: string): RuleResult {
  return refuse(reason, 'targetClusterName', ruleErrorCodes.topologyMismatch)
}

export function checkRestoreTopology(
  snapshot: TopologySnapshotInput,
  target: TopologyTargetInput,
): RuleResult {
  const targetSharded = target.clusterType !== 'REPLICASET'
  if (snapshot.type === 'replicaSet') {
    return targetSharded
      ? mismatch(
          `A replica set snapshot cannot be restored to the sharded cluster ${target.name}. ` +
            'Choose a replica set as the target',
        )
      : ok
  }
  if (!targetSharded) {
    return mismatch(
      `A sharded cluster snapshot cannot be restored to the replica set ${target.name}. ` +
        `Choose a sharded cluster with ${snapshot.shardCount ?? 'the same number of'} shards`,
    )
  }
  if (snapshot.shardCount !== target.shardCount) {
    return mismatch(
      `The snapshot holds ${snapshot.shardCount ?? 'an unknown number of'} shards but ` +
        `${target.name} has ${target.shardCount ?? 'an unknown number of'}; a sharded ` +
        'snapshot restores only to a cluster with the same number of shards',
    )
  }
  if (
    snapshot.configServerType &&
    target.configServerType &&
    snapshot.configServerType !== target.configServerType
  ) {
    return mismatch(
      `The snapshot's config server is ${snapshot.configServerType.toLowerCase()} but ` +
        `${target.name}'s is ${target.configServerType.toLowerCase()}; both must be the same`,
    )
  }
  if (
    target.name === snapshot.clusterName &&
    target.shardsChangedAt &&
    target.shardsChangedAt.getTime() > snapshot.createdAt.getTime()
  ) {
    return mismatch(
      `Shards of ${target.name} were added or removed at ${formatUtc(target.shardsChangedAt)}, ` +
        'after this snapshot was taken, so it cannot take the snapshot back. Restore it to ' +
        'another cluster with the same topology',
    )
  }
  return ok
}

/** Shards of a cluster: one replication spec per shard in the 2024-08-05 cluster API. */
export function clusterShardCount(cluster: {
  clusterType?: ClusterType | undefined
  replicationSpecs?: readonly unknown[] | undefined
}): number | undefined {
  if (cluster.clusterType === 'REPLICASET') return undefined
  return cluster.replicationSpecs?.length
}

/**
 * Shards of a sharded snapshot. Its members are the shards plus, with a dedicated config server
 * (the only kind before embedded ones, so also the default), the config server replica set.
 */
export function snapshotShardCount(snapshot: {
  members: readonly unknown[]
  configServerType?: ConfigServerType | undefined
}): number {
  const config = snapshot.configServerType === 'EMBEDDED' ? 0 : 1
  return Math.max(0, snapshot.members.length - config)
}
