import { RestoreJobList } from '../../features/restores/monitor/job-list'
import { liveJobsQuery, overviewQuery } from '../../features/restores/queries'
import { TimeZoneProvider } from '../../lib/time-zone'
import { queryClient } from '../query-client'

/** Starts the reads as the route loads; the page shows its own loading state. */
export function restoreJobsLoader() {
  queryClient.query(liveJobsQuery()).catch(() => undefined)
  // Project names and Atlas's clock.
  queryClient.query(overviewQuery()).catch(() => undefined)
  return null
}

/** /restores — every restore job, live, filterable (issue 7). */
export function RestoreJobsRoute() {
  return (
    <TimeZoneProvider>
      <RestoreJobList />
    </TimeZoneProvider>
  )
}
