import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import path from 'node:path'

export type SandboxDb = Database.Database

// Resources are stored as the JSON documents Atlas returns, with the columns we query on
// beside them. Every change runs in a transaction, so a crash never leaves half of one.
const schema = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS groups (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS clusters (
  group_id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('dedicated', 'flex', 'serverless')),
  doc TEXT NOT NULL,
  PRIMARY KEY (group_id, name)
);
CREATE TABLE IF NOT EXISTS schedules (
  group_id TEXT NOT NULL,
  cluster_name TEXT NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (group_id, cluster_name)
);
CREATE TABLE IF NOT EXISTS snapshots (
  id TEXT PRIMARY KEY,
  group_id TEXT NOT NULL,
  cluster_name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL,
  sim TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS snapshots_by_cluster
  ON snapshots (group_id, cluster_name, created_at DESC);
CREATE TABLE IF NOT EXISTS restore_jobs (
  id TEXT PRIMARY KEY,
  group_id TEXT NOT NULL,
  cluster_name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL,
  sim TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS restore_jobs_by_cluster
  ON restore_jobs (group_id, cluster_name, created_at DESC);
CREATE TABLE IF NOT EXISTS lineage (
  group_id TEXT NOT NULL,
  cluster_name TEXT NOT NULL,
  since INTEGER NOT NULL,
  origin_group_id TEXT,
  origin_cluster_name TEXT,
  origin_at INTEGER,
  restore_job_id TEXT,
  PRIMARY KEY (group_id, cluster_name, since)
);
CREATE TABLE IF NOT EXISTS oauth_tokens (
  token TEXT PRIMARY KEY,
  client_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
`

export function openSandboxDb(file: string): SandboxDb {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.exec(schema)
  return db
}

export function getMeta(db: SandboxDb, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined
  return row?.value
}

export function setMeta(db: SandboxDb, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value)
}
