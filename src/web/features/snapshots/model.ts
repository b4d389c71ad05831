import type {
  SnapshotFrequencyType,
  SnapshotStatus,
  SnapshotType,
} from '../../../contract/atlas/common'
import type { FlexSnapshot } from '../../../contract/atlas/flex-backup'
import type { ServerlessSnapshot } from '../../../contract/atlas/serverless'
import type { ShardedSnapshot } from '../../../contract/atlas/snapshot'
import type { DeploymentKind } from '../../../contract/rules/delivery-type'
import type { SnapshotMemberInput } from '../../../contract/rules/snapshot-filters'

// One row shape for the snapshots of every kind of deployment, so the table, the timeline and
// the S2 filters (contract/rules/snapshot-filters.ts) need not know where a snapshot came from.

export type SnapshotRow = {
  id: string
  /** ISO 8601, UTC. */
  createdAt: string
  expiresAt: string | undefined
  snapshotType: SnapshotType
  frequencyType: SnapshotFrequencyType | undefined
  status: SnapshotStatus | undefined
  storageSizeBytes: number | undefined
  description: string | undefined
  mongodVersion: string | undefined
  replicaSetName: string | undefined
  /** Sharded cluster snapshots: one per shard and config server. */
  members: readonly SnapshotMemberInput[] | undefined
  /** Regions holding a copy of it (replica set snapshots, issue 9). */
  copyRegions?: readonly string[] | undefined
}

/** What the page knows of the deployment whose snapshots it shows. */
export type Deployment = {
  kind: DeploymentKind
  groupId: string
  name: string
  sharded: boolean
  tier: string | undefined
  mongoDBVersion: string | undefined
  backupEnabled: boolean
  /** Continuous cloud backup, or Serverless Continuous Backup. */
  pitEnabled: boolean
  /** R1: no snapshot download with customer-key encryption at rest. */
  customerKeyEncryption: boolean
}

/** Dedicated (replica set and sharded) snapshots share one shape; members only on sharded. */
export function fromDedicated(
  s: ShardedSnapshot & { replicaSetName?: string; copyRegions?: string[] },
): SnapshotRow | null {
  if (!s.id || !s.createdAt) return null
  return {
    id: s.id,
    createdAt: s.createdAt,
    expiresAt: s.expiresAt,
    snapshotType: s.snapshotType ?? 'scheduled',
    frequencyType: s.snapshotType === 'onDemand' ? undefined : s.frequencyType,
    status: s.status,
    storageSizeBytes: s.storageSizeBytes,
    description: s.description,
    mongodVersion: s.mongodVersion,
    replicaSetName: s.replicaSetName,
    members: s.members,
    copyRegions: s.copyRegions,
  }
}

const flexStatus: Record<string, SnapshotStatus> = {
  PENDING: 'queued',
  QUEUED: 'queued',
  RUNNING: 'inProgress',
  COMPLETED: 'completed',
  FAILED: 'failed',
}

/**
 * Flex: daily snapshots, the last 8 kept (R6). Its `expiration` is when the download link stops
 * working, not when the snapshot goes, so it is not shown as an expiry.
 */
export function fromFlex(s: FlexSnapshot): SnapshotRow | null {
  const createdAt = s.startTime ?? s.scheduledTime
  if (!s.id || !createdAt) return null
  return {
    id: s.id,
    createdAt,
    expiresAt: undefined,
    snapshotType: 'scheduled',
    frequencyType: 'daily',
    status: s.status ? flexStatus[s.status] : undefined,
    storageSizeBytes: undefined,
    description: undefined,
    mongodVersion: s.mongoDBVersion,
    replicaSetName: undefined,
    members: undefined,
  }
}

export function fromServerless(s: ServerlessSnapshot): SnapshotRow | null {
  if (!s.id || !s.createdAt) return null
  return {
    id: s.id,
    createdAt: s.createdAt,
    expiresAt: s.expiresAt,
    snapshotType: s.snapshotType ?? 'scheduled',
    frequencyType: s.snapshotType === 'onDemand' ? undefined : s.frequencyType,
    status: s.status,
    storageSizeBytes: s.storageSizeBytes,
    description: undefined,
    mongodVersion: s.mongodVersion,
    replicaSetName: undefined,
    members: undefined,
  }
}

/** Newest first, as Atlas lists them. */
export function newestFirst(rows: SnapshotRow[]): SnapshotRow[] {
  return rows.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
}

export const frequencyLabels: Record<SnapshotFrequencyType, string> = {
  hourly: 'Hourly',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  yearly: 'Yearly',
}

export const statusLabels: Record<SnapshotStatus, string> = {
  queued: 'Queued',
  inProgress: 'In progress',
  completed: 'Completed',
  failed: 'Failed',
}

export const typeLabels: Record<SnapshotType, string> = {
  scheduled: 'Scheduled',
  onDemand: 'On demand',
  fallback: 'Fallback',
}
