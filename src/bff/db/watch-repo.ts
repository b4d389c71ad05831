import type { BffDb } from './db'
import { statement } from './statements'

export type WatchedJobKind = 'dedicated' | 'serverless' | 'flex'

export type WatchedJob = {
  kind: WatchedJobKind
  groupId: string
  clusterName: string
  jobId: string
  createdAt: number
  createdBy: string | null
  lastState: string | null
  lastDoc: unknown
  finished: boolean
}

type Row = {
  kind: WatchedJobKind
  group_id: string
  cluster_name: string
  job_id: string
  created_at: number
  created_by: string | null
  last_state: string | null
  last_doc: string | null
  finished: number
}

const fromRow = (r: Row): WatchedJob => ({
  kind: r.kind,
  groupId: r.group_id,
  clusterName: r.cluster_name,
  jobId: r.job_id,
  createdAt: r.created_at,
  createdBy: r.created_by,
  lastState: r.last_state,
  lastDoc: r.last_doc === null ? null : (JSON.parse(r.last_doc) as unknown),
  finished: r.finished === 1,
})

/** Records a job to watch; Atlas keeps no creation time (R10), so this is where it lives. */
export function recordWatchedJob(
  db: BffDb,
  job: Pick<
    WatchedJob,
    'kind' | 'groupId' | 'clusterName' | 'jobId' | 'createdAt' | 'createdBy'
  >,
): void {
  statement(
    db,
    `INSERT OR IGNORE INTO watched_jobs (kind, group_id, cluster_name, job_id, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    job.kind,
    job.groupId,
    job.clusterName,
    job.jobId,
    job.createdAt,
    job.createdBy,
  )
}

export function listWatchedJobs(db: BffDb, onlyActive: boolean): WatchedJob[] {
  const rows = statement(
    db,
    `SELECT * FROM watched_jobs ${onlyActive ? 'WHERE finished = 0' : ''} ORDER BY created_at DESC`,
  ).all() as Row[]
  return rows.map(fromRow)
}

export function findWatchedJob(
  db: BffDb,
  kind: WatchedJobKind,
  groupId: string,
  clusterName: string,
  jobId: string,
): WatchedJob | undefined {
  const row = statement(
    db,
    'SELECT * FROM watched_jobs WHERE kind = ? AND group_id = ? AND cluster_name = ? AND job_id = ?',
  ).get(kind, groupId, clusterName, jobId) as Row | undefined
  return row ? fromRow(row) : undefined
}

export function updateWatchedJob(
  db: BffDb,
  job: Pick<WatchedJob, 'kind' | 'groupId' | 'clusterName' | 'jobId'> & {
    lastState: string
    lastDoc: unknown
    finished: boolean
  },
): void {
  statement(
    db,
    `UPDATE watched_jobs SET last_state = ?, last_doc = ?, finished = ?
     WHERE kind = ? AND group_id = ? AND cluster_name = ? AND job_id = ?`,
  ).run(
    job.lastState,
    JSON.stringify(job.lastDoc),
    job.finished ? 1 : 0,
    job.kind,
    job.groupId,
    job.clusterName,
    job.jobId,
  )
}
