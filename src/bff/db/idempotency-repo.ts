import type { BffDb } from './db'
import { statement } from './statements'

export type IdempotencyRecord = {
  key: string
  userName: string
  route: string
  bodyHash: string
  state: 'pending' | 'done'
  status: number | null
  response: unknown
  auditId: number | null
  createdAt: number
}

type Row = {
  key: string
  user_name: string
  route: string
  body_hash: string
  state: 'pending' | 'done'
  status: number | null
  response: string | null
  audit_id: number | null
  created_at: number
}

export function findIdempotency(
  db: BffDb,
  userName: string,
  key: string,
): IdempotencyRecord | undefined {
  const row = statement(
    db,
    'SELECT * FROM idempotency WHERE user_name = ? AND key = ?',
  ).get(userName, key) as Row | undefined
  return row
    ? {
        key: row.key,
        userName: row.user_name,
        route: row.route,
        bodyHash: row.body_hash,
        state: row.state,
        status: row.status,
        response:
          row.response === null ? null : (JSON.parse(row.response) as unknown),
        auditId: row.audit_id,
        createdAt: row.created_at,
      }
    : undefined
}

export function listPendingIdempotency(db: BffDb): IdempotencyRecord[] {
  const rows = statement(
    db,
    "SELECT user_name, key FROM idempotency WHERE state = 'pending'",
  ).all() as Row[]
  return rows.flatMap((r) => findIdempotency(db, r.user_name, r.key) ?? [])
}

/** Claims a key; false when it already exists (the caller then reads it). */
export function claimIdempotency(
  db: BffDb,
  record: Pick<
    IdempotencyRecord,
    'key' | 'userName' | 'route' | 'bodyHash' | 'auditId' | 'createdAt'
  >,
): boolean {
  const result = statement(
    db,
    `INSERT OR IGNORE INTO idempotency (key, user_name, route, body_hash, state, audit_id, created_at)
       VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
  ).run(
    record.key,
    record.userName,
    record.route,
    record.bodyHash,
    record.auditId,
    record.createdAt,
  )
  return result.changes === 1
}

export function completeIdempotency(
  db: BffDb,
  userName: string,
  key: string,
  status: number,
  response: unknown,
): void {
  statement(
    db,
    "UPDATE idempotency SET state = 'done', status = ?, response = ? WHERE user_name = ? AND key = ?",
  ).run(status, JSON.stringify(response), userName, key)
}

/** Forgets a claim whose request certainly did not reach Atlas, so it may be sent again. */
export function releaseIdempotency(
  db: BffDb,
  userName: string,
  key: string,
): void {
  statement(db, 'DELETE FROM idempotency WHERE user_name = ? AND key = ?').run(
    userName,
    key,
  )
}
