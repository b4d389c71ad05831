import { type LoaderFunctionArgs, useLoaderData } from 'react-router'

import { PolicyEditor } from '../../features/policy/components/policy-editor'
import { clusterQuery, scheduleQuery } from '../../features/policy/queries'
import { TimeZoneProvider } from '../../lib/time-zone'
import { queryClient } from '../query-client'

/** Starts both reads as the route loads (not awaited: the page shows its own loading state). */
export function policyLoader({ params }: LoaderFunctionArgs) {
  const { groupId, name } = params
  if (!groupId || !name) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- react-router's way to a 404
    throw new Response('Not Found', { status: 404, statusText: 'Not Found' })
  }
  queryClient.query(scheduleQuery(groupId, name)).catch(() => undefined)
  queryClient.query(clusterQuery(groupId, name)).catch(() => undefined)
  return { groupId, name }
}

export function PolicyRoute() {
  const { groupId, name } = useLoaderData<typeof policyLoader>()
  return (
    <TimeZoneProvider>
      <PolicyEditor key={`${groupId}/${name}`} groupId={groupId} name={name} />
    </TimeZoneProvider>
  )
}
