import { RestoreJobList } from '../../features/restores/monitor/job-list'
import { liveJobsQuery } from '../../features/restores/queries'
import { projectNamesQuery } from '../../lib/project-names'
import { TimeZoneProvider } from '../../lib/time-zone'
import { queryClient } from '../query-client'

/** Starts the reads as the route loads; the page shows its own loading state. */
export function restoreJobsLoader() {
  queryClient.query(liveJobsQuery()).catch(() => undefined)
  // The projects' names.
  queryClient.query(projectNamesQuery()).catch(() => undefined)
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
