import type { JobRef } from '../../contract/bff/job-events'
import type { AtlasClient } from '../atlas/client'
import type { BffDb } from '../db/db'
import {
  type WatchedJob,
  findWatchedJob,
  recordWatchedJob,
} from '../db/watch-repo'
import { ApiProblem } from '../http/errors'
import { type JobDoc, fetchJob } from './job-source'
import { objectIdMillis } from './live-job'

const find = (db: BffDb, ref: JobRef) =>
  findWatchedJob(db, ref.kind, ref.groupId, ref.clusterName, ref.jobId)

/** The job's watched_jobs row, recorded now (by no one) if it has none yet. */
export function watchedRow(
  db: BffDb,
  ref: JobRef,
  now: number,
): WatchedJob | undefined {
  const row = find(db, ref)
  if (row) return row
  recordWatchedJob(db, { ...ref, createdAt: now, createdBy: null })
  return find(db, ref)
}

/**
 * Asks Atlas for a job the console has no record of (started elsewhere, or before the
 * console kept records) and records it; a job Atlas does not know is a 404 naming `job`.
 */
export async function discoverJob(
  atlas: AtlasClient,
  db: BffDb,
  ref: JobRef,
  now: number,
): Promise<JobDoc> {
  let doc: JobDoc
  try {
    doc = (await fetchJob(atlas, ref)).doc
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) {
      throw new ApiProblem(
        404,
        'RESTORE_JOB_NOT_FOUND',
        `Atlas knows no restore job ${ref.jobId} of ${ref.clusterName} in project ${ref.groupId}.`,
        [{ field: 'job', description: 'no such restore job' }],
      )
    }
    throw error
  }
  // Atlas keeps no creation time (R10), but its ObjectId does, by Atlas's clock.
  const skew = atlas.upstreamNow().getTime() - Date.now()
  const createdAt = Math.min(now, objectIdMillis(ref.jobId) - skew)
  recordWatchedJob(db, { ...ref, createdAt, createdBy: null })
  return doc
}
