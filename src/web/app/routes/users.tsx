import { UsersPage } from '../../features/audit/users/components/users-page'
import { usersQuery } from '../../features/audit/users/queries'
import { TimeZoneProvider } from '../../lib/time-zone'
import { queryClient } from '../query-client'

/** Starts the user list's read as the route loads; the page shows its own loading state. */
export function usersLoader() {
  queryClient.query(usersQuery()).catch(() => undefined)
  return null
}

export function UsersRoute() {
  return (
    <TimeZoneProvider>
      <UsersPage />
    </TimeZoneProvider>
  )
}
