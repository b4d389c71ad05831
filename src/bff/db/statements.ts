import type { Statement } from 'better-sqlite3'

import type { BffDb } from './db'

const prepared = new WeakMap<BffDb, Map<string, Statement>>()

/** A statement prepared once per database and reused: SQLite compiles the SQL only then. */
export function statement(db: BffDb, sql: string): Statement {
  let statements = prepared.get(db)
  if (!statements) {
    statements = new Map()
    prepared.set(db, statements)
  }
  let found = statements.get(sql)
  if (!found) {
    found = db.prepare(sql)
    statements.set(sql, found)
  }
  return found
}
