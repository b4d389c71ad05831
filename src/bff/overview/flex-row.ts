import type { FlexStatus, SnapshotStatus } from '../../contract/atlas/common'
import {
  type FlexSnapshot,
  paginatedFlexRestoreJobsSchema,
  paginatedFlexSnapshotsSchema,
} from '../../contract/atlas/flex-backup'
import type { FlexCluster } from '../../contract/atlas/flex-cluster'
import type { OverviewRow } from '../../contract/bff/overview'
import {
  flexRestoreJobState,
  isTerminalState,
} from '../../contract/rules/restore-job-state'
import { staleAfterSeconds } from './backup-health'
import { type Reader, readAll } from './reader'
import { type Project, emptyRow, finishRow, isoOrNull, valueOf } from './row'

const enc = encodeURIComponent

const statusOf: Record<FlexStatus, SnapshotStatus> = {
  PENDING: 'queued',
  QUEUED: 'queued',
  RUNNING: 'inProgress',
  COMPLETED: 'completed',
  FAILED: 'failed',
}

/** When the snapshot was taken: flex snapshots carry no createdAt. */
const takenAt = (s: FlexSnapshot) => s.scheduledTime ?? s.startTime ?? ''

/** One Flex cluster: daily snapshots, the last 8 kept (R6), and its restores. */
export async function flexRow(
  reader: Reader,
  project: Project,
  cluster: FlexCluster & { name: string },
): Promise<OverviewRow> {
  const backupEnabled = cluster.backupSettings?.enabled ?? true
  const base = `/groups/${enc(project.id)}/flexClusters/${enc(cluster.name)}/backup`
  const [snapshotsResult, jobsResult] = await Promise.allSettled([
    readAll(reader, `${base}/snapshots`, 'flex', paginatedFlexSnapshotsSchema),
    readAll(
      reader,
      `${base}/restoreJobs`,
      'flex',
      paginatedFlexRestoreJobsSchema,
    ),
  ])
  const errors: unknown[] = []
  const snapshots = valueOf(snapshotsResult, errors)?.toSorted((a, b) =>
    takenAt(b).localeCompare(takenAt(a)),
  )
  const jobs = valueOf(jobsResult, errors)
  const now = reader.atlas.upstreamNow()

  const newest = snapshots?.[0]
  const latest = newest
    ? {
        id: newest.id ?? null,
        createdAt: isoOrNull(takenAt(newest)),
        status: newest.status ? statusOf[newest.status] : null,
      }
    : null
  const completed = snapshots?.find((s) => s.status === 'COMPLETED')
  const lastCompletedAt = completed ? new Date(takenAt(completed)) : null
  const active = jobs?.filter(
    (job) =>
      job.status !== undefined &&
      !isTerminalState(
        flexRestoreJobState(
          {
            status: job.status,
            deliveryType: job.deliveryType,
            snapshotUrl: job.snapshotUrl,
            expirationDate: job.expirationDate
              ? new Date(job.expirationDate)
              : undefined,
          },
          now,
        ),
      ),
  )
  return finishRow(
    {
      ...emptyRow(project, cluster.name, 'flex'),
      clusterType: cluster.clusterType ?? 'REPLICASET',
      tier: 'FLEX',
      mongoDBVersion: cluster.mongoDBVersion ?? null,
      backupEnabled,
      latestSnapshot: latest,
      lastCompletedSnapshotAt: isoOrNull(lastCompletedAt),
      activeRestores: active ? active.length : null,
    },
    {
      backupEnabled,
      continuous: false,
      snapshots: snapshots ? { latest, lastCompletedAt } : undefined,
      createdAt: cluster.createDate ? new Date(cluster.createDate) : null,
      // No policy: Flex takes one snapshot a day (R6).
      staleAfterSeconds: staleAfterSeconds(undefined),
      now,
    },
    errors,
  )
}
