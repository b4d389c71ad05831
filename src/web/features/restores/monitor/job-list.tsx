import './monitor.css'

import { useQuery } from '@tanstack/react-query'
import { Link, useSearchParams } from 'react-router'

import { LoadFailure } from '../../../components/load-failure'
import { TimeZoneToggle } from '../../../components/time-zone-toggle'
import { UpstreamBanner } from '../../../components/upstream-banner'
import { paths } from '../../../lib/paths'
import { useNow } from '../../../lib/use-now'
import { liveJobsQuery } from '../queries'
import { ConnectionStatus } from './connection-status'
import { JobFilters } from './job-filters'
import { JobTable } from './job-table'
import {
  type JobListParams,
  filterJobs,
  isFiltered,
  parseJobListParams,
  placesOf,
  withJobListParams,
} from './list-params'
import { useProjectNames } from './place-names'
import { useAtlasClockOffset } from './use-atlas-clock'
import { useJobEvents } from './use-job-events'

/** /restores: every restore job the console watches, newest first, kept live (issue 7). */
export function RestoreJobList() {
  const jobs = useQuery(liveJobsQuery())
  const stream = useJobEvents()
  const names = useProjectNames()
  const nowMs = useNow(5_000) + useAtlasClockOffset()
  const [searchParams, setSearchParams] = useSearchParams()
  const params = parseJobListParams(searchParams)
  const update = (change: Partial<JobListParams>) =>
    setSearchParams((prev) => withJobListParams(prev, change), {
      preventScrollReset: true,
    })

  const heading = (
    <>
      <div className="page-heading">
        <h1>Restore jobs</h1>
        <TimeZoneToggle />
      </div>
      <div className="toolbar">
        <ConnectionStatus status={stream} />
        <Link className="button" to={paths.newRestore()}>
          Start a restore
        </Link>
      </div>
    </>
  )

  if (jobs.isPending) {
    return (
      <>
        {heading}
        <p role="status">Loading the restore jobs…</p>
      </>
    )
  }
  if (!jobs.data) {
    return (
      <>
        {heading}
        <LoadFailure
          error={jobs.error}
          what="The restore jobs"
          onRetry={() => void jobs.refetch()}
        />
      </>
    )
  }

  const all = jobs.data.results
  const shown = filterJobs(all, params, nowMs)
  return (
    <>
      {heading}
      <UpstreamBanner
        error={jobs.error}
        dataUpdatedAt={jobs.dataUpdatedAt}
        onRetry={() => void jobs.refetch()}
      />
      <JobFilters
        params={params}
        places={placesOf(all)}
        names={names}
        onChange={update}
      />
      {shown.length === 0 ? (
        <div className="empty">
          {all.length === 0 ? (
            <p>
              No restore jobs yet. Restores started in this console appear here,
              and so does a job started elsewhere once its page is opened.
            </p>
          ) : (
            <p>No restore job matches these filters.</p>
          )}
          {isFiltered(params) && all.length > 0 ? (
            <button
              type="button"
              className="button"
              onClick={() =>
                update({
                  state: undefined,
                  cluster: undefined,
                  delivery: undefined,
                })
              }
            >
              Show every job
            </button>
          ) : null}
        </div>
      ) : (
        <JobTable jobs={shown} total={all.length} names={names} nowMs={nowMs} />
      )}
    </>
  )
}
