import {
  type LoaderFunctionArgs,
  type ShouldRevalidateFunctionArgs,
  useLoaderData,
} from 'react-router'

import { SnapshotBrowser } from '../../features/snapshots/components/snapshot-browser'
import {
  deploymentQuery,
  restoreJobsQuery,
  snapshotListQuery,
} from '../../features/snapshots/queries'
import { kindOfSegment } from '../../lib/paths'
import { TimeZoneProvider } from '../../lib/time-zone'
import { queryClient } from '../query-client'

/** Starts the reads as the route loads (not awaited: the page shows its own loading state). */
export function snapshotsLoader({ params }: LoaderFunctionArgs) {
  const kind = kindOfSegment(params.kind)
  const { groupId, name } = params
  if (!kind || !groupId || !name) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- react-router's way to a 404
    throw new Response('Not Found', { status: 404, statusText: 'Not Found' })
  }
  queryClient
    .query(deploymentQuery(groupId, kind, name))
    .then((deployment) => queryClient.query(snapshotListQuery(deployment)))
    .catch(() => undefined)
  queryClient.query(restoreJobsQuery()).catch(() => undefined)
  return { groupId, kind, name }
}

/** Filters and selection change only the search: react-query, not the loader, refreshes data. */
export function snapshotsShouldRevalidate({
  currentParams,
  nextParams,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  const same = (['groupId', 'kind', 'name'] as const).every(
    (key) => currentParams[key] === nextParams[key],
  )
  return same ? false : defaultShouldRevalidate
}

export function SnapshotsRoute() {
  const { groupId, kind, name } = useLoaderData<typeof snapshotsLoader>()
  return (
    <TimeZoneProvider>
      <SnapshotBrowser
        key={`${groupId}/${kind}/${name}`}
        groupId={groupId}
        kind={kind}
        name={name}
      />
    </TimeZoneProvider>
  )
}
