import type { RestoreJob } from '../../contract/atlas/restore-job'
import type { SandboxDb } from './db'
import {
  type StoredDocument,
  getDocument,
  insertDocument,
  listDocuments,
  selectDocuments,
  updateDocument,
} from './documents-repo'

// Dedicated-cluster restore jobs, stored under their source cluster (the path they are listed
// under). `doc` is what the API returns; `sim` is the clock's bookkeeping, in sandbox ms.

/**
 * queued → running (the target is being restored, or the download prepared) → done; a ready
 * download is 'ready' until its link expires.
 */
export type RestorePhase = 'queued' | 'running' | 'ready' | 'done'

export type RestoreSim = {
  phase: RestorePhase
  createdAt: number
  startAt: number
  finishAt: number
  /** Decided at creation: the sentinel target tag or a consumed failNextRestore fault. */
  outcome: 'success' | 'fail'
  /** The instant of the source's data the restore brings back (snapshot or point in time). */
  originAt: number
  /** Source is a sharded cluster: cancel is refused once started (405). */
  sharded: boolean
  /** Download links go to this base, the sandbox's own address when the job was created. */
  downloadBase?: string
  /** Secret part of the download path, so links cannot be guessed from the job id. */
  downloadToken?: string
  /** Replica sets of the snapshot, one download component each. */
  replicaSetNames?: string[]
  /** When the download link stops working. */
  linkExpiresAt?: number
  finishedAt?: number
  cancelledAt?: number
  postRestoreSnapshotId?: string
}

export type StoredRestoreJob = StoredDocument<RestoreJob, RestoreSim>

export function insertRestoreJob(db: SandboxDb, job: StoredRestoreJob): void {
  insertDocument(db, 'restore_jobs', job)
}

export function saveRestoreJob(
  db: SandboxDb,
  job: Pick<StoredRestoreJob, 'id' | 'doc' | 'sim'>,
): void {
  updateDocument(db, 'restore_jobs', job)
}

export function getRestoreJob(
  db: SandboxDb,
  groupId: string,
  clusterName: string,
  id: string,
): StoredRestoreJob | undefined {
  return getDocument<RestoreJob, RestoreSim>(
    db,
    'restore_jobs',
    groupId,
    clusterName,
    id,
  )
}

/** The jobs of one source cluster, newest first (op 18). */
export function listRestoreJobs(
  db: SandboxDb,
  groupId: string,
  clusterName: string,
): StoredRestoreJob[] {
  return listDocuments<RestoreJob, RestoreSim>(
    db,
    'restore_jobs',
    groupId,
    clusterName,
  )
}

/** Jobs the clock still has to move: dedicated ones (flex and serverless sims carry no phase). */
export function listOpenRestoreJobs(db: SandboxDb): StoredRestoreJob[] {
  return selectDocuments<RestoreJob, RestoreSim>(
    db,
    'restore_jobs',
    "json_extract(sim, '$.phase') != 'done'",
  )
}

/** A job by id alone, for the download links (they carry no group or cluster). */
export function findRestoreJob(
  db: SandboxDb,
  id: string,
): StoredRestoreJob | undefined {
  return selectDocuments<RestoreJob, RestoreSim>(
    db,
    'restore_jobs',
    'id = ?',
    id,
  )[0]
}
