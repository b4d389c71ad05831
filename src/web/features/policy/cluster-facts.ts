import type { Cluster } from '../../../contract/atlas/cluster'
import {
  type CopyZone,
  clusterNodeRegions,
  clusterZones,
} from '../../../contract/rules/copy-zones'

/** What the editor needs to know of the cluster. */
export type ClusterFacts = {
  name: string
  instanceSize: string | undefined
  /** P2: NVMe clusters take hourly snapshots only every 12 hours. */
  nvme: boolean
  /** P5: the restore window exists only with continuous cloud backup. */
  pitEnabled: boolean
  backupEnabled: boolean
  sharded: boolean
  mongoDBVersion: string | undefined
  /** Zones whose snapshots can be copied to other regions (issue 9). */
  zones: CopyZone[]
  /** Regions holding the cluster's nodes: offered last as copy regions. */
  nodeRegions: string[]
}

export function clusterFacts(cluster: Cluster): ClusterFacts {
  const instanceSize =
    cluster.replicationSpecs?.[0]?.regionConfigs?.[0]?.electableSpecs
      ?.instanceSize
  return {
    name: cluster.name ?? '',
    instanceSize,
    // The same test as the BFF's (the size names the NVMe class).
    nvme: instanceSize?.endsWith('_NVME') ?? false,
    pitEnabled: cluster.pitEnabled === true,
    backupEnabled: cluster.backupEnabled === true,
    sharded:
      cluster.clusterType !== undefined && cluster.clusterType !== 'REPLICASET',
    mongoDBVersion: cluster.mongoDBVersion,
    zones: clusterZones(cluster),
    nodeRegions: clusterNodeRegions(cluster),
  }
}
