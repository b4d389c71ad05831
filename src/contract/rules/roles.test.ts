import { describe, expect, it } from 'vitest'
import { actions, canPerform, isRole, roles, rolesFor } from './roles'
import type { Action, Role } from './roles'

describe('R9 canPerform', () => {
  const table: Record<Action, Role[]> = {
    read: ['viewer', 'operator', 'admin'],
    takeSnapshot: ['operator', 'admin'],
    startRestore: ['operator', 'admin'],
    cancelRestore: ['operator', 'admin'],
    editPolicy: ['admin'],
    deleteSnapshot: ['admin'],
    changeSnapshotExpiry: ['admin'],
    manageUsers: ['admin'],
  }

  it.each(actions)('%s is allowed exactly for its roles', (action) => {
    for (const role of roles) {
      expect(canPerform(role, action).ok).toBe(table[action].includes(role))
    }
    expect(rolesFor(action)).toEqual(table[action])
  })

  it('explains a refusal with the roles that may', () => {
    expect(canPerform('viewer', 'startRestore')).toEqual({
      ok: false,
      reason: 'Starting a restore needs the operator or admin role',
      errorCode: 'INSUFFICIENT_ROLE',
    })
    const result = canPerform('operator', 'editPolicy')
    expect(!result.ok && result.reason).toBe(
      'Changing the backup policy needs the admin role',
    )
  })

  it('refuses an unknown role read from storage', () => {
    expect(canPerform('owner' as Role, 'read').ok).toBe(false)
    expect(isRole('owner')).toBe(false)
    expect(isRole('admin')).toBe(true)
  })
})
