import type { LoaderFunctionArgs } from 'react-router'

import { parseAuditFilters } from '../../features/audit/audit-params'
import { AuditPage } from '../../features/audit/components/audit-page'
import { auditListQuery } from '../../features/audit/queries'
import { TimeZoneProvider } from '../../lib/time-zone'
import { queryClient } from '../query-client'

/** Starts the first page's read as the route loads; the page shows its own loading state. */
export function auditLoader({ request }: LoaderFunctionArgs) {
  const filters = parseAuditFilters(new URL(request.url).searchParams)
  queryClient.infiniteQuery(auditListQuery(filters)).catch(() => undefined)
  return null
}

export function AuditRoute() {
  return (
    <TimeZoneProvider>
      <AuditPage />
    </TimeZoneProvider>
  )
}
