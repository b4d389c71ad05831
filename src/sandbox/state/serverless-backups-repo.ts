import type {
  ServerlessRestoreJob,
  ServerlessRestoreJobCreate,
  ServerlessSnapshot,
} from '../../contract/atlas/serverless'
import type { SnapshotStatus } from '../../contract/atlas/common'
import type { SandboxDb } from './db'
import { type StoredDocument, insertDocument } from './documents-repo'
import { isoSeconds, statusAt, wholeSecondFrom } from '../sim/snapshot-doc'
import type { KindSim } from './flex-backups-repo'
import { newObjectId } from './ids'

// Serverless snapshots and restore jobs (ops 22–26), in the shared snapshots and restore_jobs
// tables under their instance; `sim.kind` is 'serverless'.

export type ServerlessSnapshotSim = KindSim & {
  startAt: number
  expiresAt: number
}
export type ServerlessJobSim = KindSim & { fails: boolean; dataAt: number }
export type StoredServerlessSnapshot = StoredDocument<
  ServerlessSnapshot,
  ServerlessSnapshotSim
>
export type StoredServerlessJob = StoredDocument<
  ServerlessRestoreJob,
  ServerlessJobSim
>

const GIB = 1024 ** 3
/** Basic (not continuous) backup "retains only the two most recent snapshots" (reference 003). */
export const SERVERLESS_BASIC_KEEP_MS = 12 * 3_600_000
// Scaled so a demo restore finishes in well under a minute (issue 3).
const SNAPSHOT_PHASES = { start: 5_000, finish: 45_000 }
const RESTORE_MS = 40_000

/** queued → inProgress → completed by the times in its `sim`. */
export function serverlessSnapshotStatus(
  sim: Pick<ServerlessSnapshotSim, 'startAt' | 'finishAt'>,
  now: number,
): SnapshotStatus {
  return statusAt(now, sim.startAt, sim.finishAt)
}

/**
 * A snapshot taken at `at`, with the status it has at `now`. Without a frequency it is the one
 * Atlas takes after a restore (post-restore-snapshot.ts).
 */
export function insertServerlessSnapshot(
  db: SandboxDb,
  source: {
    groupId: string
    name: string
    mongoDBVersion?: string | undefined
  },
  at: number,
  kept: { frequencyType?: 'hourly' | 'daily'; expiresAt: number },
  now: number,
): StoredServerlessSnapshot {
  const id = newObjectId(at)
  const sim: ServerlessSnapshotSim = {
    kind: 'serverless',
    done: now >= at + SNAPSHOT_PHASES.finish,
    startAt: at + SNAPSHOT_PHASES.start,
    finishAt: at + SNAPSHOT_PHASES.finish,
    expiresAt: kept.expiresAt,
  }
  const doc: ServerlessSnapshot = {
    id,
    createdAt: isoSeconds(at),
    expiresAt: isoSeconds(kept.expiresAt),
    ...(kept.frequencyType ? { frequencyType: kept.frequencyType } : {}),
    snapshotType: 'scheduled',
    status: serverlessSnapshotStatus(sim, now),
    // A small instance that grows a little every day.
    storageSizeBytes: Math.round(GIB * (0.4 + ((at / 86_400_000) % 30) / 100)),
    ...(source.mongoDBVersion ? { mongodVersion: source.mongoDBVersion } : {}),
    serverlessInstanceName: source.name,
  }
  return insertDocument(db, 'snapshots', {
    id,
    groupId: source.groupId,
    clusterName: source.name,
    createdAt: at,
    doc,
    sim,
  })
}

/** A restore job (25); like a dedicated one it has no status (R10) until it finishes. */
export function insertServerlessRestore(
  db: SandboxDb,
  start: {
    groupId: string
    clusterName: string
    at: number
    body: ServerlessRestoreJobCreate
    snapshot?: StoredServerlessSnapshot | undefined
    dataAt: number
    fails: boolean
  },
): StoredServerlessJob {
  const { at, body, snapshot } = start
  const id = newObjectId(at)
  const job: StoredServerlessJob = {
    id,
    groupId: start.groupId,
    clusterName: start.clusterName,
    createdAt: at,
    doc: {
      id,
      deliveryType: body.deliveryType,
      targetClusterName: body.targetClusterName,
      targetGroupId: body.targetGroupId,
      ...(snapshot
        ? { snapshotId: snapshot.id, timestamp: isoSeconds(snapshot.createdAt) }
        : {}),
      ...(body.pointInTimeUTCSeconds !== undefined
        ? { pointInTimeUTCSeconds: body.pointInTimeUTCSeconds }
        : {}),
      cancelled: false,
      expired: false,
      failed: false,
    },
    sim: {
      kind: 'serverless',
      done: false,
      finishAt: wholeSecondFrom(at + RESTORE_MS),
      fails: start.fails,
      dataAt: start.dataAt,
    },
  }
  insertDocument(db, 'restore_jobs', job)
  return job
}
