import { type Role, roles } from '../../../../contract/rules/roles'

// What each role may do (R9), said where the role is chosen.
export const roleSummaries: Record<Role, string> = {
  viewer: 'reads backups only',
  operator: 'also takes on-demand snapshots, starts and cancels restores',
  admin: 'also edits policies, deletes snapshots, manages users',
}

export function RoleOptions() {
  return roles.map((role) => (
    <option key={role} value={role}>
      {role}: {roleSummaries[role]}
    </option>
  ))
}

/** 409 LAST_ADMIN: why the refusal, and the way out. */
export function explainLastAdmin(errorCode: string): string | undefined {
  return errorCode === 'LAST_ADMIN'
    ? 'Backup Console always keeps at least one admin; without one, nobody could add users, change roles or reset passwords.'
    : undefined
}
