import { describe, expect, it } from 'vitest'
import {
  checkRestoreTopology,
  clusterShardCount,
  snapshotShardCount,
} from './topology'
import type { TopologySnapshotInput } from './topology'

const createdAt = new Date('2026-02-01T18:00:00Z')
const sharded3: TopologySnapshotInput = {
  type: 'shardedCluster',
  shardCount: 3,
  configServerType: 'DEDICATED',
  clusterName: 'orders',
  createdAt,
}
const replicaSet: TopologySnapshotInput = {
  type: 'replicaSet',
  clusterName: 'billing',
  createdAt,
}

describe('R7 checkRestoreTopology', () => {
  it('accepts a sharded cluster with the same shard count', () => {
    expect(
      checkRestoreTopology(sharded3, {
        name: 'orders-copy',
        clusterType: 'SHARDED',
        shardCount: 3,
        configServerType: 'DEDICATED',
      }),
    ).toEqual({ ok: true })
  })

  it('refuses a different shard count', () => {
    const result = checkRestoreTopology(sharded3, {
      name: 'orders-copy',
      clusterType: 'SHARDED',
      shardCount: 2,
    })
    expect(result).toEqual({
      ok: false,
      reason:
        'The snapshot holds 3 shards but orders-copy has 2; a sharded snapshot restores ' +
        'only to a cluster with the same number of shards',
      field: 'targetClusterName',
      errorCode: 'RESTORE_TOPOLOGY_MISMATCH',
    })
  })

  it('treats a global cluster as sharded', () => {
    expect(
      checkRestoreTopology(sharded3, {
        name: 'geo',
        clusterType: 'GEOSHARDED',
        shardCount: 3,
      }).ok,
    ).toBe(true)
  })

  it('refuses a sharded snapshot to a replica set and the reverse', () => {
    const toReplicaSet = checkRestoreTopology(sharded3, {
      name: 'billing',
      clusterType: 'REPLICASET',
    })
    expect(!toReplicaSet.ok && toReplicaSet.reason).toMatch(
      /cannot be restored to the replica set billing.*with 3 shards/,
    )
    expect(
      checkRestoreTopology(replicaSet, {
        name: 'orders',
        clusterType: 'SHARDED',
        shardCount: 3,
      }).ok,
    ).toBe(false)
    expect(
      checkRestoreTopology(replicaSet, {
        name: 'billing-2',
        clusterType: 'REPLICASET',
      }).ok,
    ).toBe(true)
  })

  it('refuses a different config server type', () => {
    const result = checkRestoreTopology(sharded3, {
      name: 'orders-8',
      clusterType: 'SHARDED',
      shardCount: 3,
      configServerType: 'EMBEDDED',
    })
    expect(!result.ok && result.reason).toMatch(/config server is dedicated/)
  })

  it('refuses the source cluster once its shards changed after the snapshot', () => {
    const target = {
      name: 'orders',
      clusterType: 'SHARDED',
      shardCount: 3,
    } as const
    expect(
      checkRestoreTopology(sharded3, {
        ...target,
        shardsChangedAt: new Date('2026-02-10T00:00:00Z'),
      }).ok,
    ).toBe(false)
    expect(
      checkRestoreTopology(sharded3, {
        ...target,
        shardsChangedAt: new Date('2026-01-10T00:00:00Z'),
      }).ok,
    ).toBe(true)
  })
})

describe('shard counts', () => {
  it('counts one replication spec per shard', () => {
    expect(
      clusterShardCount({
        clusterType: 'SHARDED',
        replicationSpecs: [{}, {}, {}],
      }),
    ).toBe(3)
    expect(
      clusterShardCount({ clusterType: 'REPLICASET', replicationSpecs: [{}] }),
    ).toBeUndefined()
  })

  it('leaves the dedicated config server out of a snapshot', () => {
    const members = [{}, {}, {}, {}]
    expect(snapshotShardCount({ members, configServerType: 'DEDICATED' })).toBe(
      3,
    )
    expect(snapshotShardCount({ members })).toBe(3)
    expect(snapshotShardCount({ members, configServerType: 'EMBEDDED' })).toBe(
      4,
    )
  })
})
