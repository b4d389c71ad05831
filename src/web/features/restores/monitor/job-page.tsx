import './monitor.css'

import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'

import type { JobRef } from '../../../../contract/bff/job-events'
import { LoadFailure } from '../../../components/load-failure'
import { TimeZoneToggle } from '../../../components/time-zone-toggle'
import { UpstreamBanner } from '../../../components/upstream-banner'
import { ApiError } from '../../../lib/api-error'
import { paths } from '../../../lib/paths'
import { liveJobQuery, liveJobsQuery } from '../queries'
import { ConnectionStatus } from './connection-status'
import { JobDetail } from './job-detail'
import { useProjectNames } from './place-names'
import { useAtlasClockOffset } from './use-atlas-clock'
import { useJobEvents } from './use-job-events'

function Breadcrumb({ jobId }: { jobId: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link to={paths.restores()}>Restore jobs</Link>
        </li>
        <li aria-current="page">{jobId}</li>
      </ol>
    </nav>
  )
}

/**
 * /restores/:kind/:groupId/:clusterName/:jobId — one restore job, live (issue 7). It subscribes
 * to the job itself (`?job=`), so any job works, even one started outside the console, and a
 * reload or a link opened later shows all of it again.
 */
export function RestoreJobPage({ jobRef }: { jobRef: JobRef }) {
  const job = useQuery(liveJobQuery(jobRef))
  const history = useQuery(liveJobsQuery())
  const stream = useJobEvents(jobRef)
  const names = useProjectNames()
  const clockOffsetMs = useAtlasClockOffset()

  const top = (title: string) => (
    <>
      <Breadcrumb jobId={jobRef.jobId} />
      <div className="page-heading">
        <h1>{title}</h1>
        <TimeZoneToggle />
      </div>
      <ConnectionStatus status={stream} />
    </>
  )

  if (job.isPending) {
    return (
      <>
        {top('Restore job')}
        <p role="status">Loading the restore job…</p>
      </>
    )
  }
  if (!job.data) {
    const missing = job.error instanceof ApiError && job.error.status === 404
    return (
      <>
        {top('Restore job')}
        {missing ? (
          <div className="banner banner-error" role="alert">
            <p>
              <strong>
                Atlas knows no restore job {jobRef.jobId} of{' '}
                {jobRef.clusterName}.
              </strong>{' '}
              {job.error.message}
            </p>
            <p>
              <Link to={paths.restores()}>See every restore job</Link>
            </p>
          </div>
        ) : (
          <LoadFailure
            error={job.error}
            what="This restore job"
            onRetry={() => void job.refetch()}
          />
        )}
      </>
    )
  }

  return (
    <JobDetail
      job={job.data}
      top={top}
      banner={
        <UpstreamBanner
          error={job.error}
          dataUpdatedAt={job.dataUpdatedAt}
          onRetry={() => void job.refetch()}
        />
      }
      history={history.data?.results ?? []}
      names={names}
      clockOffsetMs={clockOffsetMs}
    />
  )
}
