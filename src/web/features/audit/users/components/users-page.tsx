import '../../audit.css'

import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'

import { LoadFailure } from '../../../../components/load-failure'
import { TimeZoneToggle } from '../../../../components/time-zone-toggle'
import { ApiError } from '../../../../lib/api-error'
import { sessionQuery } from '../../../../lib/session'
import { RoleRefusal } from '../../components/role-refusal'
import { usersQuery } from '../queries'
import { AddUserForm } from './add-user-form'
import { UserTable } from './user-table'

/** Operator accounts (admins only, R9): list, add, change a role, reset a password. */
export function UsersPage() {
  const users = useQuery(usersQuery())
  const { data: operator } = useQuery(sessionQuery())
  const [editing, setEditing] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const error = users.error

  const heading = (
    <>
      <title>Users — Backup Console</title>
      <div className="page-heading">
        <h1>Users</h1>
        <TimeZoneToggle />
      </div>
    </>
  )
  if (error instanceof ApiError && error.status === 403) {
    return (
      <>
        {heading}
        <RoleRefusal detail={error.message} />
      </>
    )
  }
  if (users.isPending) {
    return (
      <>
        {heading}
        <p role="status">Loading the users…</p>
      </>
    )
  }
  if (!users.data) {
    return (
      <>
        {heading}
        <LoadFailure
          error={error}
          what="The user list"
          onRetry={() => void users.refetch()}
        />
      </>
    )
  }
  return (
    <>
      {heading}
      <p className="hint">
        Who may sign in to Backup Console, and what each may do. Every change is
        recorded in the audit trail.
      </p>
      <p role="status">{saved}</p>
      <UserTable
        users={users.data.users}
        self={operator?.name}
        editing={editing}
        onEdit={(name) => {
          setSaved(null)
          setEditing(name)
        }}
        onSaved={setSaved}
      />
      <AddUserForm />
    </>
  )
}
