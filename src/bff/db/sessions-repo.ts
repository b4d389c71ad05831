import { createHash, randomBytes } from 'node:crypto'

import type { Role } from '../../contract/rules/roles'
import type { BffDb } from './db'
import { statement } from './statements'

export type Session = {
  idHash: string
  userName: string
  role: Role
  csrfToken: string
  expiresAt: number
}

// The cookie holds a random id; the table holds only its hash, so a leaked database file
// does not hand out live sessions.
const hashId = (id: string) =>
  createHash('sha256').update(id).digest('base64url')

export function createSession(
  db: BffDb,
  userName: string,
  now: number,
  ttlMs: number,
) {
  const id = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  statement(db, 'DELETE FROM sessions WHERE expires_at <= ?').run(now)
  statement(
    db,
    'INSERT INTO sessions (id_hash, user_name, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  ).run(hashId(id), userName, csrfToken, now, now + ttlMs)
  return { id, csrfToken, expiresAt: now + ttlMs }
}

export function findSession(
  db: BffDb,
  id: string,
  now: number,
): Session | undefined {
  const row = statement(
    db,
    `SELECT s.id_hash, s.user_name, s.csrf_token, s.expires_at, u.role
       FROM sessions s JOIN users u ON u.name = s.user_name
       WHERE s.id_hash = ? AND s.expires_at > ?`,
  ).get(hashId(id), now) as
    | {
        id_hash: string
        user_name: string
        csrf_token: string
        expires_at: number
        role: Role
      }
    | undefined
  return row
    ? {
        idHash: row.id_hash,
        userName: row.user_name,
        role: row.role,
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
      }
    : undefined
}

export function deleteSession(db: BffDb, idHash: string): void {
  statement(db, 'DELETE FROM sessions WHERE id_hash = ?').run(idHash)
}

export function deleteUserSessions(db: BffDb, userName: string): void {
  statement(db, 'DELETE FROM sessions WHERE user_name = ?').run(userName)
}
