import type {
  ServerlessRestoreJob,
  ServerlessRestoreJobCreate,
  ServerlessSnapshot,
} from '../../contract/atlas/serverless'
import {
  type DownloadCounts,
  type DownloadJobInput,
  countActiveDownloads,
} from '../../contract/rules/download-limits'
import {
  type RestoreJobInput,
  isRestoreJobFinished,
} from '../../contract/rules/restore-job-state'
import type { SandboxDb } from './db'
import { type StoredDocument, insertDocument } from './documents-repo'
import {
  type KindSim,
  type Row,
  fromRow,
  isoSeconds,
} from './flex-backups-repo'
import { newObjectId } from './ids'

// Serverless snapshots and restore jobs (ops 22–26), and the checks that look across restore
// jobs of every kind (dedicated, flex, serverless).

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
// Scaled so a demo restore finishes in well under a minute (issue 3).
const SNAPSHOT_PHASES = { start: 5_000, finish: 45_000 }
const RESTORE_MS = 40_000

export function insertServerlessSnapshot(
  db: SandboxDb,
  source: {
    groupId: string
    name: string
    mongoDBVersion?: string | undefined
  },
  at: number,
  kept: { frequencyType: 'hourly' | 'daily'; expiresAt: number },
): StoredServerlessSnapshot {
  const id = newObjectId(at)
  const doc: ServerlessSnapshot = {
    id,
    createdAt: isoSeconds(at),
    expiresAt: isoSeconds(kept.expiresAt),
    frequencyType: kept.frequencyType,
    snapshotType: 'scheduled',
    status: 'queued',
    // A small instance that grows a little every day.
    storageSizeBytes: Math.round(GIB * (0.4 + ((at / 86_400_000) % 30) / 100)),
    ...(source.mongoDBVersion ? { mongodVersion: source.mongoDBVersion } : {}),
    serverlessInstanceName: source.name,
  }
  const sim: ServerlessSnapshotSim = {
    kind: 'serverless',
    done: false,
    startAt: at + SNAPSHOT_PHASES.start,
    finishAt: at + SNAPSHOT_PHASES.finish,
    expiresAt: kept.expiresAt,
  }
  const stored = {
    id,
    groupId: source.groupId,
    clusterName: source.name,
    createdAt: at,
    doc,
    sim,
  }
  insertDocument(db, 'snapshots', stored)
  return stored
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
      finishAt: at + RESTORE_MS,
      fails: start.fails,
      dataAt: start.dataAt,
    },
  }
  insertDocument(db, 'restore_jobs', job)
  return job
}

/** The fields these checks read, common to dedicated, flex and serverless jobs. */
type AnyJobDoc = {
  status?: string
  deliveryType?: string
  targetGroupId?: string
  targetProjectId?: string
  snapshotId?: string
  cancelled?: boolean
  failed?: boolean
  expired?: boolean
  finishedAt?: string
  deliveryUrl?: string[]
  expirationDate?: string
  expiresAt?: string
}

function jobRows(db: SandboxDb, where: string, ...args: string[]) {
  const rows = db
    .prepare(`SELECT * FROM restore_jobs WHERE ${where}`)
    .all(...args) as Row[]
  return rows.map((row) => fromRow<AnyJobDoc, unknown>(row))
}

/**
 * Whether a restore of any kind is writing to the target: the target is unavailable for the
 * duration of a restore (reference 000), so a second one is refused. Flex jobs carry a status;
 * the others are unfinished by R10.
 */
export function restoreTargetBusy(
  db: SandboxDb,
  targetGroupId: string,
  targetName: string,
): string | undefined {
  const jobs = jobRows(
    db,
    "json_extract(doc, '$.targetClusterName') = ? OR json_extract(doc, '$.targetDeploymentItemName') = ?",
    targetName,
    targetName,
  )
  return jobs.find(({ doc, groupId }) =>
    doc.status !== undefined
      ? doc.deliveryType === 'RESTORE' &&
        (doc.targetProjectId ?? groupId) === targetGroupId &&
        doc.status !== 'COMPLETED' &&
        doc.status !== 'FAILED'
      : doc.deliveryType !== 'download' &&
        doc.targetGroupId === targetGroupId &&
        !isRestoreJobFinished(doc as RestoreJobInput),
  )?.id
}

/** R3 counts over the project's downloads of every kind. */
export function projectDownloadCounts(
  db: SandboxDb,
  groupId: string,
  snapshotId: string,
  now: number,
): DownloadCounts {
  const jobs = jobRows(db, 'group_id = ?', groupId).map(
    ({ doc }): DownloadJobInput => {
      const expires = doc.expirationDate ?? doc.expiresAt
      return {
        deliveryType:
          doc.deliveryType?.toLowerCase() === 'download'
            ? 'download'
            : 'automated',
        snapshotId: doc.snapshotId,
        cancelled: doc.cancelled,
        failed: doc.failed === true || doc.status === 'FAILED',
        expired: doc.expired,
        expiresAt: expires ? new Date(expires) : undefined,
      }
    },
  )
  return countActiveDownloads(jobs, snapshotId, new Date(now))
}
