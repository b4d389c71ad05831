import type {
  ClusterType,
  ConfigServerType,
  EncryptionAtRestProvider,
} from '../../../contract/atlas/common'
import type { Cluster } from '../../../contract/atlas/cluster'
import type { FlexCluster } from '../../../contract/atlas/flex-cluster'
import type { ServerlessInstance } from '../../../contract/atlas/serverless'
import type { DeploymentKind } from '../../../contract/rules/delivery-type'
import { clusterShardCount } from '../../../contract/rules/topology'

// What the wizard needs to know of a deployment, whatever its kind, read from the Atlas
// document of its kind: the facts the delivery-type, topology and target rules take.

export type DeploymentFacts = {
  kind: DeploymentKind
  groupId: string
  name: string
  clusterType: ClusterType
  /** Shards now (sharded clusters only). */
  shardCount: number | undefined
  configServerType: ConfigServerType | undefined
  mongoDBVersion: string | undefined
  encryptionAtRestProvider: EncryptionAtRestProvider
  /** Continuous cloud backup (dedicated), Serverless Continuous Backup (serverless). */
  pitEnabled: boolean
  backupEnabled: boolean
}

export function dedicatedFacts(
  groupId: string,
  name: string,
  doc: Cluster,
): DeploymentFacts {
  const clusterType = doc.clusterType ?? 'REPLICASET'
  return {
    kind: 'dedicated',
    groupId,
    name,
    clusterType,
    shardCount: clusterShardCount({ ...doc, clusterType }),
    configServerType: doc.configServerType,
    mongoDBVersion: doc.mongoDBVersion,
    encryptionAtRestProvider: doc.encryptionAtRestProvider ?? 'NONE',
    pitEnabled: doc.pitEnabled === true,
    backupEnabled: doc.backupEnabled === true,
  }
}

export function flexFacts(
  groupId: string,
  name: string,
  doc: FlexCluster,
): DeploymentFacts {
  return {
    kind: 'flex',
    groupId,
    name,
    clusterType: 'REPLICASET',
    shardCount: undefined,
    configServerType: undefined,
    mongoDBVersion: doc.mongoDBVersion,
    encryptionAtRestProvider: 'NONE',
    pitEnabled: false,
    backupEnabled: doc.backupSettings?.enabled !== false,
  }
}

export function serverlessFacts(
  groupId: string,
  name: string,
  doc: ServerlessInstance,
): DeploymentFacts {
  return {
    kind: 'serverless',
    groupId,
    name,
    clusterType: 'REPLICASET',
    shardCount: undefined,
    configServerType: undefined,
    mongoDBVersion: doc.mongoDBVersion,
    encryptionAtRestProvider: 'NONE',
    pitEnabled:
      doc.serverlessBackupOptions?.serverlessContinuousBackupEnabled === true,
    // "You can't disable backup of serverless instances" (reference 003).
    backupEnabled: true,
  }
}

export const kindLabel: Record<DeploymentKind, string> = {
  dedicated: 'dedicated cluster',
  flex: 'Flex cluster',
  serverless: 'serverless instance',
}

/** "sharded, 3 shards" or "replica set", for option labels and summaries. */
export function topologyLabel(facts: DeploymentFacts): string {
  if (facts.clusterType === 'REPLICASET') return 'replica set'
  return `sharded, ${facts.shardCount ?? '?'} shards`
}
