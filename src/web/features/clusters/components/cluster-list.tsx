import '../clusters.css'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'

import { DataAge } from '../../../components/data-age'
import { LoadFailure } from '../../../components/load-failure'
import { TimeZoneToggle } from '../../../components/time-zone-toggle'
import { UpstreamBanner } from '../../../components/upstream-banner'
import { useNow } from '../../../lib/use-now'
import {
  type ClusterListParams,
  nextSort,
  parseListParams,
  withListParams,
} from '../list-params'
import { overviewQuery, refreshOverview } from '../queries'
import { filterRows, sortRows } from '../rows'
import { ClusterFilters } from './cluster-filters'
import { ClusterTable } from './cluster-table'
import { HealthSummary } from './health-summary'

/** Home: every cluster of every project with its backup health (issue 5). */
export function ClusterList() {
  const queryClient = useQueryClient()
  const overview = useQuery(overviewQuery())
  const [searchParams, setSearchParams] = useSearchParams()
  const params = parseListParams(searchParams)
  const clientNow = useNow(30_000)

  const update = (
    change: Partial<ClusterListParams>,
    options: { replace?: boolean } = {},
  ) =>
    setSearchParams((prev) => withListParams(prev, change), {
      replace: options.replace ?? false,
      preventScrollReset: true,
    })

  const data = overview.data
  const rows = data
    ? sortRows(filterRows(data.rows, params), params.sort, params.dir)
    : []

  const heading = (
    <div className="page-heading">
      <h1>Clusters</h1>
      <TimeZoneToggle />
    </div>
  )

  if (overview.isPending) {
    return (
      <>
        {heading}
        <p role="status">Loading the clusters of every project…</p>
      </>
    )
  }
  if (!data) {
    return (
      <>
        {heading}
        <LoadFailure
          error={overview.error}
          what="The cluster list"
          onRetry={() => void refreshOverview(queryClient)}
        />
      </>
    )
  }

  const fetchedAtMs = Date.parse(data.fetchedAt)
  // Ages count on Atlas's clock: its time at fetch plus the time since.
  const nowMs = fetchedAtMs + Math.max(0, clientNow - overview.dataUpdatedAt)

  return (
    <>
      {heading}
      <UpstreamBanner
        error={overview.error}
        dataUpdatedAt={overview.dataUpdatedAt}
        onRetry={() => void refreshOverview(queryClient)}
      />
      {data.projectErrors.length > 0 ? (
        <div className="banner banner-warn" role="alert">
          <p>Some projects could not be listed; their clusters are missing:</p>
          <ul>
            {data.projectErrors.map((p) => (
              <li key={p.groupId}>
                {p.projectName}: {p.error}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <HealthSummary
        summary={data.summary}
        problem={params.problem}
        onProblem={(problem) => update({ problem })}
      />
      <DataAge
        dataUpdatedAt={overview.dataUpdatedAt}
        fetching={overview.isFetching}
        onRefresh={() => void refreshOverview(queryClient)}
      />
      <ClusterFilters overview={data} params={params} onChange={update} />
      {rows.length === 0 ? (
        <p role="status" className="empty">
          {data.rows.length === 0
            ? 'No clusters yet: the projects this console can see have no deployments.'
            : 'No cluster matches these filters.'}
        </p>
      ) : (
        <ClusterTable
          rows={rows}
          params={params}
          onSort={(column) => update(nextSort(params, column))}
          fetchedAtMs={fetchedAtMs}
          nowMs={nowMs}
        />
      )}
    </>
  )
}
