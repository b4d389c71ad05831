import { createHash } from 'node:crypto'

import type { Cluster } from '../../contract/atlas/cluster'
import type {
  CloudProvider,
  SnapshotFrequencyType,
  SnapshotStatus,
  SnapshotType,
} from '../../contract/atlas/common'
import type {
  ReplicaSetSnapshot,
  ShardedSnapshot,
} from '../../contract/atlas/snapshot'
import { dedicatedFacts } from '../state/clusters-repo'
import { newObjectId } from '../state/ids'

// The document Atlas returns for a dedicated-cluster snapshot (ATLAS-CONTRACT.md §5), built
// from the cluster it backs up: a replica set snapshot, or a sharded one listing one member per
// shard plus the config server, whose ids are the snapshotIds.

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000
const GIB = 1024 ** 3

/**
 * One flat type for both kinds (their zod shapes are loose, so a union would not narrow on
 * `type`): the sharded fields are present when type is shardedCluster.
 */
export type SnapshotDoc = ReplicaSetSnapshot &
  Partial<Pick<ShardedSnapshot, 'configServerType' | 'members' | 'snapshotIds'>>

export type SnapshotDocInput = {
  at: number
  snapshotType: SnapshotType
  frequencyType?: SnapshotFrequencyType | undefined
  expiresAt: number
  description?: string | undefined
  policyItemIds?: readonly string[] | undefined
}

/** Atlas writes its timestamps to the second: 2020-08-13T10:39:25Z. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/**
 * The first whole second at or after `ms`. Restores of every kind finish on one, so the snapshot
 * taken after a restore starts exactly at the finish a client reads, and the R4 blackout ends at
 * an instant the client can name.
 */
export function wholeSecondFrom(ms: number): number {
  return Math.ceil(ms / 1000) * 1000
}

function hashOf(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}

/** A fraction in [0, 1) that is the same for the same text. */
function unit(text: string): number {
  return hashOf(text).readUInt32BE(0) / 2 ** 32
}

/**
 * Bytes one shard's data takes at `at`: a per-cluster size that grows about 0.3% a day from
 * the cluster's creation, with a little noise from one snapshot to the next.
 */
function shardBytes(cluster: Cluster, shard: number, at: number): number {
  const name = `${cluster.id ?? ''}/${cluster.name ?? ''}/${shard}`
  const base = (2 + unit(name) * 10) * GIB
  const created = Date.parse(cluster.createDate ?? '') || at
  const ageDays = Math.max(0, (at - created) / DAY_MS)
  const noise = 1 + (unit(`${name}@${at}`) - 0.5) * 0.01
  return Math.round(base * (1 + ageDays * 0.003) * noise)
}

/** Queued for a minute, then in progress for a few minutes depending on the size. */
export function snapshotDurationMs(bytes: number): number {
  return 3 * MINUTE_MS + Math.min(5, Math.floor(bytes / (10 * GIB))) * MINUTE_MS
}

export const SNAPSHOT_QUEUE_MS = MINUTE_MS

export function statusAt(
  now: number,
  startsAt: number,
  completesAt: number,
): SnapshotStatus {
  if (now < startsAt) return 'queued'
  return now < completesAt ? 'inProgress' : 'completed'
}

function providerOf(cluster: Cluster): CloudProvider {
  const name = cluster.replicationSpecs?.[0]?.regionConfigs?.[0]?.providerName
  return name === 'AZURE' || name === 'GCP' ? name : 'AWS'
}

/** The customer key's id, stable per cluster: only with encryption at rest. */
function masterKeyUuid(cluster: Cluster): string | undefined {
  if ((cluster.encryptionAtRestProvider ?? 'NONE') === 'NONE') return undefined
  const hex = hashOf(`kms/${cluster.id ?? cluster.name ?? ''}`).toString('hex')
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

export function shardReplicaSetName(clusterName: string, shard: number) {
  return `${clusterName}-shard-${shard}`
}

export function configReplicaSetName(clusterName: string) {
  return `${clusterName}-config-0`
}

/** The document and its total size (for the duration). */
export function buildSnapshotDoc(
  cluster: Cluster,
  id: string,
  input: SnapshotDocInput,
  status: SnapshotStatus,
): { doc: SnapshotDoc; bytes: number } {
  const facts = dedicatedFacts(cluster)
  const clusterName = cluster.name ?? ''
  const cloudProvider = providerOf(cluster)
  const masterKeyUUID = masterKeyUuid(cluster)
  const shards = Array.from({ length: facts.shardCount }, (_, shard) =>
    shardBytes(cluster, shard, input.at),
  )
  const common = {
    id,
    createdAt: isoSeconds(input.at),
    expiresAt: isoSeconds(input.expiresAt),
    // The spec returns a description only for on-demand snapshots, and its frequency enum has
    // no on-demand value, so on-demand snapshots carry no frequencyType.
    ...(input.snapshotType === 'onDemand'
      ? { description: input.description ?? '' }
      : input.frequencyType
        ? { frequencyType: input.frequencyType }
        : {}),
    snapshotType: input.snapshotType,
    status,
    mongodVersion: cluster.mongoDBVersion ?? '0.0.0',
    ...(masterKeyUUID ? { masterKeyUUID } : {}),
    policyItems: [...(input.policyItemIds ?? [])],
  }
  if (!facts.sharded) {
    const bytes = shards.reduce((a, b) => a + b, 0)
    const doc: ReplicaSetSnapshot = {
      ...common,
      type: 'replicaSet',
      storageSizeBytes: bytes,
      cloudProvider,
      copyRegions: [],
      replicaSetName: shardReplicaSetName(clusterName, 0),
    }
    return { doc, bytes }
  }
  // Config server data is small: metadata only.
  const configBytes = Math.round(0.05 * GIB * (1 + unit(`${id}/config`) * 0.1))
  const members = [
    ...shards.map((_, shard) => ({
      cloudProvider,
      id: newObjectId(input.at),
      replicaSetName: shardReplicaSetName(clusterName, shard),
    })),
    {
      cloudProvider,
      id: newObjectId(input.at),
      replicaSetName: configReplicaSetName(clusterName),
    },
  ]
  const bytes = shards.reduce((a, b) => a + b, configBytes)
  const doc: ShardedSnapshot = {
    ...common,
    type: 'shardedCluster',
    storageSizeBytes: bytes,
    configServerType:
      cluster.configServerType === 'EMBEDDED' ? 'EMBEDDED' : 'DEDICATED',
    members,
    snapshotIds: members.map((m) => m.id),
  }
  return { doc, bytes }
}
