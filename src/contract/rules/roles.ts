import { ruleErrorCodes } from './error-codes'
import { listWithOr } from './field-checks'
import { ok, refuse } from './result'
import type { RuleResult } from './result'

// R9: Backup Console's own roles, one per operator, ranked viewer < operator < admin. Atlas
// still needs its own roles on the API key (ATLAS-CONTRACT.md §1); these decide what the BFF
// lets a signed-in person ask for, and which actions the UI disables (with the reason).

export const roles = ['viewer', 'operator', 'admin'] as const
export type Role = (typeof roles)[number]

export const actions = [
  'read',
  'takeSnapshot',
  'startRestore',
  'cancelRestore',
  'editPolicy',
  'deleteSnapshot',
  'changeSnapshotExpiry',
  'manageUsers',
] as const
export type Action = (typeof actions)[number]

/** The lowest role that may perform each action. */
export const minimumRole: Record<Action, Role> = {
  read: 'viewer',
  takeSnapshot: 'operator',
  startRestore: 'operator',
  cancelRestore: 'operator',
  editPolicy: 'admin',
  deleteSnapshot: 'admin',
  changeSnapshotExpiry: 'admin',
  manageUsers: 'admin',
}

const actionLabel: Record<Action, string> = {
  read: 'Viewing backups',
  takeSnapshot: 'Taking an on-demand snapshot',
  startRestore: 'Starting a restore',
  cancelRestore: 'Cancelling a restore',
  editPolicy: 'Changing the backup policy',
  deleteSnapshot: 'Deleting a snapshot',
  changeSnapshotExpiry: "Changing a snapshot's expiry",
  manageUsers: 'Managing users',
}

export function isRole(value: unknown): value is Role {
  return (roles as readonly unknown[]).includes(value)
}

/** The roles that may perform an action, lowest first. */
export function rolesFor(action: Action): Role[] {
  return roles.slice(roles.indexOf(minimumRole[action]))
}

export function canPerform(role: Role, action: Action): RuleResult {
  const allowed = rolesFor(action)
  if (isRole(role) && allowed.includes(role)) return ok
  return refuse(
    `${actionLabel[action]} needs the ${listWithOr(allowed)} role`,
    undefined,
    ruleErrorCodes.insufficientRole,
  )
}
