import '../snapshots.css'

import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'

import type { LiveJob } from '../../../../contract/bff/job-events'
import type { DeploymentKind } from '../../../../contract/rules/delivery-type'
import { filterSnapshots } from '../../../../contract/rules/snapshot-filters'
import { DataAge } from '../../../components/data-age'
import { LoadFailure } from '../../../components/load-failure'
import { TimeZoneToggle } from '../../../components/time-zone-toggle'
import { UpstreamBanner } from '../../../components/upstream-banner'
import { sessionQuery } from '../../../lib/session'
import { useNow } from '../../../lib/use-now'
import { takeSnapshotVerdict } from '../action-rules'
import {
  type BrowserParams,
  parseBrowserParams,
  toSnapshotFilter,
  withBrowserParams,
} from '../browser-params'
import {
  deploymentQuery,
  restoreJobsQuery,
  scheduleQuery,
  snapshotListQuery,
} from '../queries'
import { BrowserHeader } from './browser-header'
import { SnapshotFilters } from './snapshot-filters'
import { SnapshotResults } from './snapshot-results'
import { TakeSnapshot } from './take-snapshot'

/** One empty list, so that the timeline's memo holds while the jobs load. */
const noJobs: readonly LiveJob[] = []

type SnapshotBrowserProps = {
  groupId: string
  kind: DeploymentKind
  name: string
}

/** One deployment's snapshots: timeline, S2 filters, a virtualised table and the actions. */
export function SnapshotBrowser({ groupId, kind, name }: SnapshotBrowserProps) {
  const role = useQuery(sessionQuery()).data?.role ?? 'viewer'
  const deployment = useQuery(deploymentQuery(groupId, kind, name))
  const d = deployment.data
  const schedule = useQuery({
    ...scheduleQuery(groupId, name),
    enabled: d?.kind === 'dedicated' && d.backupEnabled,
  })
  const snapshots = useQuery({
    ...snapshotListQuery({ groupId, kind, name, sharded: d?.sharded ?? false }),
    enabled: d !== undefined,
  })
  const jobs = useQuery(restoreJobsQuery())
  const [searchParams, setSearchParams] = useSearchParams()
  const params = parseBrowserParams(searchParams)
  const [notice, setNotice] = useState<string | null>(null)
  const clientNow = useNow(60_000)

  const update = (
    change: Partial<BrowserParams>,
    options: { replace?: boolean } = {},
  ) =>
    setSearchParams((prev) => withBrowserParams(prev, change), {
      replace: options.replace ?? false,
      preventScrollReset: true,
    })

  const all = useMemo(() => snapshots.data ?? [], [snapshots.data])
  const filterKey = searchParams.toString()
  const shown = useMemo(
    () =>
      filterSnapshots(
        all,
        toSnapshotFilter(parseBrowserParams(new URLSearchParams(filterKey))),
      ),
    [all, filterKey],
  )

  if (!d) {
    return (
      <>
        <BrowserHeader groupId={groupId} name={name} deployment={undefined} />
        {deployment.isPending ? (
          <p role="status">Loading {name}…</p>
        ) : (
          <LoadFailure
            error={deployment.error}
            what={`The deployment ${name}`}
            onRetry={() => void deployment.refetch()}
          />
        )}
      </>
    )
  }

  return (
    <>
      <BrowserHeader
        groupId={groupId}
        name={name}
        deployment={d}
        schedule={schedule.data}
      />
      <UpstreamBanner
        error={snapshots.data ? snapshots.error : null}
        dataUpdatedAt={snapshots.dataUpdatedAt}
        onRetry={() => void snapshots.refetch()}
      />
      <div className="toolbar">
        <TimeZoneToggle />
        <DataAge
          dataUpdatedAt={snapshots.dataUpdatedAt}
          fetching={snapshots.isFetching}
          onRefresh={() => void snapshots.refetch()}
        />
      </div>
      <TakeSnapshot
        deployment={d}
        verdict={takeSnapshotVerdict(role, d, all)}
      />
      <SnapshotFilters params={params} onChange={update} />
      {snapshots.data ? (
        <SnapshotResults
          params={params}
          update={update}
          all={all}
          shown={shown}
          deployment={d}
          schedule={schedule.data}
          jobs={jobs.data?.results ?? noJobs}
          clientNow={clientNow}
          role={role}
          notice={notice}
          setNotice={setNotice}
        />
      ) : snapshots.isPending ? (
        <p role="status">Loading snapshots…</p>
      ) : (
        <LoadFailure
          error={snapshots.error}
          what={`The snapshots of ${name}`}
          onRetry={() => void snapshots.refetch()}
        />
      )}
    </>
  )
}
