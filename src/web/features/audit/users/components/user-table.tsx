import { Fragment } from 'react'

import type { User } from '../../../../../contract/bff/users'
import { formatInstant } from '../../../../lib/format-time'
import { useTimeZone } from '../../../../lib/time-zone'
import { roleSummaries } from '../role-options'
import { EditUserForm } from './edit-user-form'

type UserTableProps = {
  users: User[]
  /** The signed-in operator's name. */
  self: string | undefined
  editing: string | null
  onEdit: (name: string | null) => void
  onSaved: (message: string) => void
}

/** Every account with its role; a row opens in place to change the role or reset the password. */
export function UserTable({
  users,
  self,
  editing,
  onEdit,
  onSaved,
}: UserTableProps) {
  const { mode } = useTimeZone()
  return (
    <div className="table-scroll">
      <table className="data-table users-table">
        <caption>Users ({users.length})</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <Fragment key={user.name}>
              <tr>
                <th scope="row">
                  {user.name}
                  {user.name === self ? (
                    <span className="muted"> (you)</span>
                  ) : null}
                </th>
                <td>
                  {user.role}
                  <span className="audit-note">{roleSummaries[user.role]}</span>
                </td>
                <td>
                  <time dateTime={user.createdAt}>
                    {formatInstant(user.createdAt, mode)}
                  </time>
                </td>
                <td>
                  <button
                    type="button"
                    className="button small"
                    aria-expanded={editing === user.name}
                    onClick={() =>
                      onEdit(editing === user.name ? null : user.name)
                    }
                  >
                    Change role or password{' '}
                    <span className="visually-hidden">of {user.name}</span>
                  </button>
                </td>
              </tr>
              {editing === user.name ? (
                <tr className="user-edit-row">
                  <td colSpan={4}>
                    <EditUserForm
                      user={user}
                      self={user.name === self}
                      onClose={() => onEdit(null)}
                      onSaved={(message) => {
                        onEdit(null)
                        onSaved(message)
                      }}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  )
}
