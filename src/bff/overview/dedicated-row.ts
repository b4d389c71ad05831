import type { Cluster } from '../../contract/atlas/cluster'
import { paginatedRestoreJobsSchema } from '../../contract/atlas/restore-job'
import { backupScheduleSchema } from '../../contract/atlas/schedule'
import {
  paginatedReplicaSetSnapshotsSchema,
  paginatedShardedSnapshotsSchema,
} from '../../contract/atlas/snapshot'
import type { OverviewRow } from '../../contract/bff/overview'
import { isRestoreJobFinished } from '../../contract/rules/restore-job-state'
import { staleAfterSeconds } from './backup-health'
import { type Reader, readAll, readOne } from './reader'
import { type Project, emptyRow, finishRow, isoOrNull, valueOf } from './row'

const enc = encodeURIComponent

type SnapshotLike = {
  id?: string | undefined
  createdAt?: string | undefined
  status?: 'queued' | 'inProgress' | 'completed' | 'failed' | undefined
}

// A page of the replica-set list, newest first, to find the latest completed snapshot when the
// newest one is still running or failed.
const LOOKBACK = 20

async function latestSnapshots(
  reader: Reader,
  base: string,
  sharded: boolean,
): Promise<SnapshotLike[]> {
  if (sharded) {
    // The sharded list takes no paging parameters and returns everything (§1).
    const all = await readOne(
      reader,
      `${base}/backup/snapshots/shardedClusters`,
      'snapshots',
      paginatedShardedSnapshotsSchema,
    )
    return all.results.toSorted((a, b) =>
      (b.createdAt ?? '').localeCompare(a.createdAt ?? ''),
    )
  }
  const page = (size: number) =>
    readOne(
      reader,
      `${base}/backup/snapshots?itemsPerPage=${size}`,
      'snapshots',
      paginatedReplicaSetSnapshotsSchema,
    )
  const newest = (await page(1)).results
  if (newest.length === 0 || newest[0]?.status === 'completed') return newest
  return (await page(LOOKBACK)).results
}

/** One dedicated cluster: schedule, latest snapshot and active restores (R10). */
export async function dedicatedRow(
  reader: Reader,
  project: Project,
  cluster: Cluster & { name: string },
): Promise<OverviewRow> {
  const backupEnabled = cluster.backupEnabled ?? false
  const pitEnabled = cluster.pitEnabled ?? false
  const row: OverviewRow = {
    ...emptyRow(project, cluster.name, 'dedicated'),
    clusterType: cluster.clusterType ?? null,
    tier:
      cluster.replicationSpecs?.[0]?.regionConfigs?.[0]?.electableSpecs
        ?.instanceSize ?? null,
    mongoDBVersion: cluster.mongoDBVersion ?? null,
    backupEnabled,
    pitEnabled,
  }
  const createdAt = cluster.createDate ? new Date(cluster.createDate) : null
  if (!backupEnabled) {
    return finishRow(
      { ...row, activeRestores: 0 },
      {
        backupEnabled,
        continuous: false,
        snapshots: undefined,
        createdAt,
        staleAfterSeconds: 0,
        now: reader.atlas.upstreamNow(),
      },
      [],
    )
  }

  const base = `/groups/${enc(project.id)}/clusters/${enc(cluster.name)}`
  const sharded =
    cluster.clusterType !== undefined && cluster.clusterType !== 'REPLICASET'
  const [scheduleResult, snapshotsResult, jobsResult] =
    await Promise.allSettled([
      readOne(
        reader,
        `${base}/backup/schedule`,
        'schedule',
        backupScheduleSchema,
      ),
      latestSnapshots(reader, base, sharded),
      readAll(
        reader,
        `${base}/backup/restoreJobs`,
        'restoreJobs',
        paginatedRestoreJobsSchema,
      ),
    ])
  const errors: unknown[] = []
  const schedule = valueOf(scheduleResult, errors)
  const snapshots = valueOf(snapshotsResult, errors)
  const jobs = valueOf(jobsResult, errors)

  const newest = snapshots?.[0]
  const latest = newest
    ? {
        id: newest.id ?? null,
        createdAt: isoOrNull(newest.createdAt),
        status: newest.status ?? null,
      }
    : null
  const completed = snapshots?.find((s) => s.status === 'completed')
  const lastCompletedAt = completed?.createdAt
    ? new Date(completed.createdAt)
    : null
  return finishRow(
    {
      ...row,
      restoreWindowDays: pitEnabled
        ? (schedule?.restoreWindowDays ?? null)
        : null,
      nextSnapshot: isoOrNull(schedule?.nextSnapshot),
      latestSnapshot: latest,
      lastCompletedSnapshotAt: isoOrNull(lastCompletedAt),
      activeRestores: jobs
        ? jobs.filter((job) => !isRestoreJobFinished(job)).length
        : null,
    },
    {
      backupEnabled,
      continuous: pitEnabled,
      snapshots: snapshots ? { latest, lastCompletedAt } : undefined,
      createdAt,
      staleAfterSeconds: staleAfterSeconds(schedule?.policies[0]?.policyItems),
      now: reader.atlas.upstreamNow(),
    },
    errors,
  )
}
