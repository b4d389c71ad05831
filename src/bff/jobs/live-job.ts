import type { JobRef, LiveJob } from '../../contract/bff/job-events'
import {
  type RestoreJobState,
  restoreJobStates,
} from '../../contract/rules/restore-job-state'
import type { WatchedJob } from '../db/watch-repo'
import { type JobDoc, parseJobDoc } from './job-source'

/** LiveJob with its kind and document not tied together, as the hub handles them. */
export type LiveJobData = Omit<LiveJob, 'kind' | 'doc'> & {
  kind: JobRef['kind']
  doc: JobDoc | null
}

// Every document comes from the schema of its own kind (job-source.ts), so the pair is sound.
export const toLiveJob = (job: LiveJobData): LiveJob => job as LiveJob

export const iso = (ms: number) => new Date(ms).toISOString()

function isState(value: string | null): value is RestoreJobState {
  return (restoreJobStates as readonly (string | null)[]).includes(value)
}

/** A watched job as last persisted; not being polled until the hub says so. */
export function liveJobFromRow(row: WatchedJob): LiveJobData {
  return {
    kind: row.kind,
    groupId: row.groupId,
    clusterName: row.clusterName,
    jobId: row.jobId,
    state: isState(row.lastState) ? row.lastState : 'inProgress',
    doc:
      row.lastDoc === null
        ? null
        : (parseJobDoc(row.kind, row.lastDoc) ?? null),
    createdAt: iso(row.createdAt),
    createdBy: row.createdBy,
    updatedAt: null,
    checkedAt: null,
    watching: false,
    stale: false,
    problem: null,
  }
}

/** Newest first; the job id (an ObjectId, time first) breaks ties. */
export function newestFirst(a: LiveJobData, b: LiveJobData): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1
  return a.jobId < b.jobId ? 1 : a.jobId > b.jobId ? -1 : 0
}

/** When Atlas made a job, from its ObjectId (seconds since the epoch, first 4 bytes). */
export function objectIdMillis(id: string): number {
  return parseInt(id.slice(0, 8), 16) * 1000
}
