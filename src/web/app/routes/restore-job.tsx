import { type LoaderFunctionArgs, useLoaderData } from 'react-router'

import { jobKeyOf, jobRefSchema } from '../../../contract/bff/job-events'
import { RestoreJobPage } from '../../features/restores/monitor/job-page'
import { liveJobQuery, liveJobsQuery } from '../../features/restores/queries'
import { projectNamesQuery } from '../../lib/project-names'
import { TimeZoneProvider } from '../../lib/time-zone'
import { queryClient } from '../query-client'

/** Starts the reads as the route loads (not awaited: the page shows its own loading state). */
export function restoreJobLoader({ params }: LoaderFunctionArgs) {
  const parsed = jobRefSchema.safeParse(params)
  if (!parsed.success) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- react-router's way to a 404
    throw new Response('Not Found', { status: 404, statusText: 'Not Found' })
  }
  const ref = parsed.data
  queryClient.query(liveJobQuery(ref)).catch(() => undefined)
  queryClient.query(liveJobsQuery()).catch(() => undefined)
  // The projects' names.
  queryClient.query(projectNamesQuery()).catch(() => undefined)
  return ref
}

/** /restores/:kind/:groupId/:clusterName/:jobId — one restore job, live (issue 7). */
export function RestoreJobRoute() {
  const ref = useLoaderData<typeof restoreJobLoader>()
  return (
    <TimeZoneProvider>
      <RestoreJobPage key={jobKeyOf(ref)} jobRef={ref} />
    </TimeZoneProvider>
  )
}
