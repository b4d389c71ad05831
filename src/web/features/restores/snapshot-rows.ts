import type {
  ConfigServerType,
  SnapshotStatus,
} from '../../../contract/atlas/common'
import type { FlexSnapshot } from '../../../contract/atlas/flex-backup'
import type { ServerlessSnapshot } from '../../../contract/atlas/serverless'
import type {
  ReplicaSetSnapshot,
  ShardedSnapshot,
} from '../../../contract/atlas/snapshot'
import { snapshotShardCount } from '../../../contract/rules/topology'

// One row per snapshot whatever the deployment kind, newest first, with what the wizard shows
// and what the topology and version checks (R6, R7) and S1 need.

export type SnapshotRow = {
  id: string
  /** ISO instant the snapshot's data is of (Flex: its scheduled time). */
  createdAt: string
  status: SnapshotStatus
  snapshotType: 'onDemand' | 'scheduled' | 'fallback' | undefined
  frequencyType: string | undefined
  storageSizeBytes: number | undefined
  mongodVersion: string | undefined
  description: string | undefined
  topology: 'replicaSet' | 'shardedCluster'
  shardCount: number | undefined
  configServerType: ConfigServerType | undefined
  /** Regions holding a copy (replica set snapshots, issue 9). */
  copyRegions?: readonly string[] | undefined
}

const byNewest = (a: SnapshotRow, b: SnapshotRow) =>
  Date.parse(b.createdAt) - Date.parse(a.createdAt)

type Dedicated = ReplicaSetSnapshot | ShardedSnapshot

export function dedicatedSnapshotRows(
  snapshots: readonly Dedicated[],
): SnapshotRow[] {
  return snapshots
    .flatMap((s): SnapshotRow[] => {
      if (!s.id || !s.createdAt) return []
      // The sharded list's items carry members; replica set snapshots do not.
      const { members, configServerType } = s as ShardedSnapshot
      return [
        {
          id: s.id,
          createdAt: s.createdAt,
          status: s.status ?? 'queued',
          snapshotType: s.snapshotType,
          frequencyType: s.frequencyType,
          storageSizeBytes: s.storageSizeBytes,
          mongodVersion: s.mongodVersion,
          description: s.description,
          topology: members ? 'shardedCluster' : 'replicaSet',
          shardCount: members
            ? snapshotShardCount({ members, configServerType })
            : undefined,
          configServerType,
          copyRegions: (s as ReplicaSetSnapshot).copyRegions,
        },
      ]
    })
    .sort(byNewest)
}

export function serverlessSnapshotRows(
  snapshots: readonly ServerlessSnapshot[],
): SnapshotRow[] {
  return snapshots
    .flatMap((s): SnapshotRow[] =>
      s.id && s.createdAt
        ? [
            {
              id: s.id,
              createdAt: s.createdAt,
              status: s.status ?? 'queued',
              snapshotType: s.snapshotType,
              frequencyType: s.frequencyType,
              storageSizeBytes: s.storageSizeBytes,
              mongodVersion: s.mongodVersion,
              description: undefined,
              topology: 'replicaSet',
              shardCount: undefined,
              configServerType: undefined,
            },
          ]
        : [],
    )
    .sort(byNewest)
}

const flexStatus: Record<string, SnapshotStatus> = {
  PENDING: 'queued',
  QUEUED: 'queued',
  RUNNING: 'inProgress',
  COMPLETED: 'completed',
  FAILED: 'failed',
}

export function flexSnapshotRows(
  snapshots: readonly FlexSnapshot[],
): SnapshotRow[] {
  return snapshots
    .flatMap((s): SnapshotRow[] => {
      // The data a Flex snapshot holds is as of its scheduled time.
      const createdAt = s.scheduledTime ?? s.startTime ?? s.finishTime
      if (!s.id || !createdAt) return []
      return [
        {
          id: s.id,
          createdAt,
          status: flexStatus[s.status ?? 'PENDING'] ?? 'queued',
          snapshotType: 'scheduled',
          frequencyType: 'daily',
          storageSizeBytes: undefined,
          mongodVersion: s.mongoDBVersion,
          description: undefined,
          topology: 'replicaSet',
          shardCount: undefined,
          configServerType: undefined,
        },
      ]
    })
    .sort(byNewest)
}

/** The newest completed snapshot, for "last snapshotted" and the pre-flight age check. */
export function latestCompleted(
  rows: readonly SnapshotRow[],
): SnapshotRow | undefined {
  return rows.find((row) => row.status === 'completed')
}
