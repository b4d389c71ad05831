import { ClusterList } from '../../features/clusters/components/cluster-list'
import { overviewQuery } from '../../features/clusters/queries'
import { TimeZoneProvider } from '../../lib/time-zone'
import { queryClient } from '../query-client'

/** Starts the overview read as the route loads; the page shows its own loading state. */
export function clustersLoader() {
  queryClient.query(overviewQuery()).catch(() => undefined)
  return null
}

export function ClustersRoute() {
  return (
    <TimeZoneProvider>
      <ClusterList />
    </TimeZoneProvider>
  )
}
