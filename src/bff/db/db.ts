import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import path from 'node:path'

export type BffDb = Database.Database

// The BFF's own state. Repositories over it are plain functions taking the db, so a shared
// database for several BFF instances can replace this file without touching the routes.
const schema = `
CREATE TABLE IF NOT EXISTS users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  phase TEXT NOT NULL CHECK (phase IN ('intent', 'outcome')),
  intent_id INTEGER,
  group_id TEXT,
  cluster_name TEXT,
  target TEXT,
  outcome TEXT,
  atlas_id TEXT,
  request_id TEXT,
  details TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_time ON audit (at DESC);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TABLE IF NOT EXISTS idempotency (
  key TEXT NOT NULL,
  user_name TEXT NOT NULL,
  route TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'done')),
  status INTEGER,
  response TEXT,
  audit_id INTEGER,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_name, key)
);
CREATE TABLE IF NOT EXISTS watched_jobs (
  kind TEXT NOT NULL,
  group_id TEXT NOT NULL,
  cluster_name TEXT NOT NULL,
  job_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT,
  last_state TEXT,
  last_doc TEXT,
  finished INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, group_id, cluster_name, job_id)
);
`

export function openBffDb(file: string): BffDb {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.exec(schema)
  return db
}
