import type { BffDeps } from '../deps'
import { type WatchedJobKind, recordWatchedJob } from '../db/watch-repo'

/**
 * A restore job the console just created: remembered with its creation time and author (Atlas
 * keeps neither, R10) and polled from now on, so every browser sees it move.
 */
export function watchCreatedJob(
  deps: BffDeps,
  source: { kind: WatchedJobKind; groupId: string; clusterName: string },
  createdBy: string,
  job: unknown,
): void {
  const jobId = (job as { id?: unknown } | undefined)?.id
  if (typeof jobId !== 'string') return
  recordWatchedJob(deps.db, {
    ...source,
    jobId,
    createdAt: deps.now(),
    createdBy,
  })
  deps.jobs.watch({ ...source, jobId }, job)
}
