import type { QueryClient } from '@tanstack/react-query'

import type {
  LiveJob,
  RestoreJobList,
} from '../../../../contract/bff/job-events'
import { liveJobQuery, liveJobsQuery } from '../queries'
import { refOf, sameJob } from './job-model'
import { newerOf } from './job-versions'

// Each job event lands in the react-query cache, where the jobs page and the job page read it:
// the list keeps its order (newest first) and the job's own query gets the new state.

/** Newest first by when the console says it started; the id (time first) breaks ties. */
function newestFirst(a: LiveJob, b: LiveJob): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1
  return a.jobId < b.jobId ? 1 : a.jobId > b.jobId ? -1 : 0
}

export function upsertJob(list: RestoreJobList, job: LiveJob): RestoreJobList {
  const ref = refOf(job)
  const index = list.results.findIndex((j) => sameJob(refOf(j), ref))
  if (index >= 0) {
    const results = [...list.results]
    results[index] = newerOf(list.results[index], job)
    return { ...list, results }
  }
  return {
    results: [...list.results, job].sort(newestFirst),
    totalCount: list.totalCount + 1,
  }
}

/**
 * A list never loaded stays unloaded (a list of only the streamed jobs would look complete);
 * a job's own query is filled when someone reads it, or when it is the one `watched`.
 */
export function applyJobEvent(
  client: QueryClient,
  job: LiveJob,
  watched: boolean,
): void {
  client.setQueryData(liveJobsQuery().queryKey, (list) =>
    list ? upsertJob(list, job) : list,
  )
  const key = liveJobQuery(refOf(job)).queryKey
  const held = client.getQueryData(key)
  if (watched || held !== undefined)
    client.setQueryData(key, newerOf(held, job))
}
