import type { Role } from '../../contract/rules/roles'
import type { BffDb } from './db'
import { statement } from './statements'

export type User = { name: string; role: Role; createdAt: number }
type UserRow = {
  name: string
  role: Role
  password_hash: string
  created_at: number
}

export function findUser(
  db: BffDb,
  name: string,
): (User & { passwordHash: string }) | undefined {
  const row = statement(db, 'SELECT * FROM users WHERE name = ?').get(name) as
    UserRow | undefined
  return row
    ? {
        name: row.name,
        role: row.role,
        createdAt: row.created_at,
        passwordHash: row.password_hash,
      }
    : undefined
}

export function listUsers(db: BffDb): User[] {
  const rows = statement(
    db,
    'SELECT name, role, created_at FROM users ORDER BY name',
  ).all() as UserRow[]
  return rows.map((r) => ({
    name: r.name,
    role: r.role,
    createdAt: r.created_at,
  }))
}

export function countUsers(db: BffDb): number {
  return (
    statement(db, 'SELECT COUNT(*) AS n FROM users').get() as { n: number }
  ).n
}

export function upsertUser(
  db: BffDb,
  user: { name: string; role: Role; passwordHash: string },
  now: number,
): void {
  statement(
    db,
    `INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash`,
  ).run(user.name, user.role, user.passwordHash, now)
}

export function setUserRole(db: BffDb, name: string, role: Role): boolean {
  return (
    statement(db, 'UPDATE users SET role = ? WHERE name = ?').run(role, name)
      .changes > 0
  )
}
