import {
  type ServerlessInstance,
  paginatedServerlessRestoreJobsSchema,
  paginatedServerlessSnapshotsSchema,
} from '../../contract/atlas/serverless'
import type { OverviewRow } from '../../contract/bff/overview'
import { isRestoreJobFinished } from '../../contract/rules/restore-job-state'
import { staleAfterSeconds } from './backup-health'
import { type Reader, readAll } from './reader'
import { type Project, emptyRow, finishRow, isoOrNull, valueOf } from './row'

const enc = encodeURIComponent

/**
 * One serverless instance. Its backup endpoints were sunset on 2026-01-22 (R5): a 410 from
 * them makes the row unreachable with the explanation the client already put in words.
 */
export async function serverlessRow(
  reader: Reader,
  project: Project,
  instance: ServerlessInstance & { name: string },
): Promise<OverviewRow> {
  const continuous =
    instance.serverlessBackupOptions?.serverlessContinuousBackupEnabled ?? false
  const base = `/groups/${enc(project.id)}/serverless/${enc(instance.name)}/backup`
  const [snapshotsResult, jobsResult] = await Promise.allSettled([
    readAll(
      reader,
      `${base}/snapshots`,
      'serverless',
      paginatedServerlessSnapshotsSchema,
    ),
    readAll(
      reader,
      `${base}/restoreJobs`,
      'serverless',
      paginatedServerlessRestoreJobsSchema,
    ),
  ])
  const errors: unknown[] = []
  const snapshots = valueOf(snapshotsResult, errors)?.toSorted((a, b) =>
    (b.createdAt ?? '').localeCompare(a.createdAt ?? ''),
  )
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
      ...emptyRow(project, instance.name, 'serverless'),
      tier: 'SERVERLESS',
      mongoDBVersion: instance.mongoDBVersion ?? null,
      // Serverless instances are always backed up; continuous backup is the option.
      backupEnabled: true,
      pitEnabled: continuous,
      latestSnapshot: latest,
      lastCompletedSnapshotAt: isoOrNull(lastCompletedAt),
      activeRestores: jobs
        ? jobs.filter((job) => !isRestoreJobFinished(job)).length
        : null,
    },
    {
      backupEnabled: true,
      continuous,
      snapshots: snapshots ? { latest, lastCompletedAt } : undefined,
      createdAt: instance.createDate ? new Date(instance.createDate) : null,
      staleAfterSeconds: staleAfterSeconds(undefined),
      now: reader.atlas.upstreamNow(),
    },
    errors,
  )
}
