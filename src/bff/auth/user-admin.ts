import type { Role } from '../../contract/rules/roles'
import type { BffDb } from '../db/db'
import { deleteUserSessions } from '../db/sessions-repo'
import { type User, findUser, listUsers, upsertUser } from '../db/users-repo'
import { hashPassword } from './passwords'

// Account changes shared by the admin API and `npm run user`. A new role or password ends
// the user's sessions, so nobody keeps rights (or a session) that were just taken away.

export type UserAdminErrorCode = 'USER_EXISTS' | 'USER_NOT_FOUND' | 'LAST_ADMIN'

export class UserAdminError extends Error {
  constructor(
    readonly code: UserAdminErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export async function addUser(
  db: BffDb,
  user: { name: string; role: Role; password: string },
  now: number,
): Promise<User> {
  const passwordHash = await hashPassword(user.password)
  return db.transaction(() => {
    if (findUser(db, user.name)) {
      throw new UserAdminError(
        'USER_EXISTS',
        `A user named ${user.name} already exists.`,
      )
    }
    upsertUser(db, { name: user.name, role: user.role, passwordHash }, now)
    return { name: user.name, role: user.role, createdAt: now }
  })()
}

/** Refuses to demote the only admin: nobody could manage users any more. */
export function checkKeepsAnAdmin(db: BffDb, name: string, role: Role): void {
  const admins = listUsers(db).filter((u) => u.role === 'admin')
  if (role !== 'admin' && admins.length === 1 && admins[0]?.name === name) {
    throw new UserAdminError(
      'LAST_ADMIN',
      `${name} is the only admin; make another user admin first, so that someone can still manage users.`,
    )
  }
}

export type UserChange = {
  role?: Role | undefined
  password?: string | undefined
}
export type UserChanged = {
  user: User
  roleBefore: Role
  passwordChanged: boolean
  sessionsEnded: boolean
}

/** With `keepAnAdmin`, refuses to demote the last admin (the API; the CLI may). */
export async function changeUser(
  db: BffDb,
  name: string,
  change: UserChange,
  options: { keepAnAdmin: boolean },
): Promise<UserChanged> {
  const passwordHash =
    change.password === undefined
      ? undefined
      : await hashPassword(change.password)
  return db.transaction(() => {
    const existing = findUser(db, name)
    if (!existing) {
      throw new UserAdminError('USER_NOT_FOUND', `There is no user ${name}.`)
    }
    const role = change.role ?? existing.role
    if (options.keepAnAdmin) checkKeepsAnAdmin(db, name, role)
    upsertUser(
      db,
      { name, role, passwordHash: passwordHash ?? existing.passwordHash },
      existing.createdAt,
    )
    const sessionsEnded = role !== existing.role || passwordHash !== undefined
    if (sessionsEnded) deleteUserSessions(db, name)
    return {
      user: { name, role, createdAt: existing.createdAt },
      roleBefore: existing.role,
      passwordChanged: passwordHash !== undefined,
      sessionsEnded,
    }
  })()
}
