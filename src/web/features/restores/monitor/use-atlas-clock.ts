import { useQuery } from '@tanstack/react-query'

import type { LiveJob } from '../../../../contract/bff/job-events'
import { liveJobsQuery } from '../queries'
import { objectIdMillis } from './job-model'

// Job times are Atlas's (finishedAt, the link's expiry, the id's timestamp), so elapsed times
// and countdowns run on Atlas's clock. Every watched job says how far it is from the console's:
// its id carries Atlas's time of creation and `createdAt` the console's (for a job found later,
// the BFF derived `createdAt` from the id with the skew it measured). The newest job gives the
// latest reading, taken against the BFF's clock, which is the browser's host's in practice.
// No jobs yet: the browser's clock (an offset of 0).

/** Atlas's clock minus the console's, in ms, from the newest job that can tell. */
export function clockOffsetOf(jobs: readonly LiveJob[]): number {
  let newest: { at: number; offset: number } | undefined
  for (const job of jobs) {
    const atlas = objectIdMillis(job.jobId)
    const ours = Date.parse(job.createdAt)
    if (Number.isNaN(atlas) || Number.isNaN(ours)) continue
    if (!newest || ours > newest.at) newest = { at: ours, offset: atlas - ours }
  }
  return newest?.offset ?? 0
}

export function useAtlasClockOffset(): number {
  const { data } = useQuery(liveJobsQuery())
  return clockOffsetOf(data?.results ?? [])
}
