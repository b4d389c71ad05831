import type {
  FlexRestoreJob,
  FlexSnapshot,
} from '../../contract/atlas/flex-backup'
import type {
  ServerlessRestoreJob,
  ServerlessSnapshot,
} from '../../contract/atlas/serverless'
import {
  type DownloadJobInput,
  countActiveDownloads,
} from '../../contract/rules/download-limits'
import {
  type RestoreJobInput,
  isRestoreJobFinished,
} from '../../contract/rules/restore-job-state'
import type { SandboxDb } from './db'
import {
  type DocumentTable,
  type StoredDocument,
  getDocument,
  listDocuments,
} from './documents-repo'

// Flex and serverless snapshots and jobs live in the shared snapshots and restore_jobs tables;
// `sim.kind` tells them from dedicated ones, and `sim.done` marks those the clock has finished.
export type BackupKind = 'flex' | 'serverless'

type Phases = { kind: BackupKind; done: boolean; finishAt: number }
export type FlexSnapshotSim = Phases & { queuedAt: number; startAt: number }
export type FlexJobSim = Phases & {
  queuedAt: number
  runningAt: number
  fails: boolean
  /** The instant of the source's data the restore writes to the target (lineage). */
  dataAt: number
  /** Secret path segment of a download link. */
  token?: string
}
export type ServerlessSnapshotSim = Phases & { startAt: number }
export type ServerlessJobSim = Phases & { fails: boolean; dataAt: number }

export type StoredFlexSnapshot = StoredDocument<FlexSnapshot, FlexSnapshotSim>
export type StoredFlexJob = StoredDocument<FlexRestoreJob, FlexJobSim>
export type StoredServerlessSnapshot = StoredDocument<
  ServerlessSnapshot,
  ServerlessSnapshotSim
>
export type StoredServerlessJob = StoredDocument<
  ServerlessRestoreJob,
  ServerlessJobSim
>

export function listOfKind<Doc, Sim extends Phases>(
  db: SandboxDb,
  table: DocumentTable,
  kind: BackupKind,
  groupId: string,
  clusterName: string,
): StoredDocument<Doc, Sim>[] {
  return listDocuments<Doc, Sim>(db, table, groupId, clusterName).filter(
    (d) => d.sim.kind === kind,
  )
}

export function getOfKind<Doc, Sim extends Phases>(
  db: SandboxDb,
  table: DocumentTable,
  kind: BackupKind,
  groupId: string,
  clusterName: string,
  id: string,
): StoredDocument<Doc, Sim> | undefined {
  const found = getDocument<Doc, Sim>(db, table, groupId, clusterName, id)
  return found?.sim.kind === kind ? found : undefined
}

type Row = {
  id: string
  group_id: string
  cluster_name: string
  created_at: number
  doc: string
  sim: string
}

function fromRow<Doc, Sim>(row: Row): StoredDocument<Doc, Sim> {
  return {
    id: row.id,
    groupId: row.group_id,
    clusterName: row.cluster_name,
    createdAt: row.created_at,
    doc: JSON.parse(row.doc) as Doc,
    sim: JSON.parse(row.sim) as Sim,
  }
}

/** What the clock still has to move, oldest first. */
export function unfinishedOfKind<Doc, Sim extends Phases>(
  db: SandboxDb,
  table: DocumentTable,
  kind: BackupKind,
): StoredDocument<Doc, Sim>[] {
  const rows = db
    .prepare(
      `SELECT * FROM ${table} WHERE json_extract(sim, '$.kind') = ? AND json_extract(sim, '$.done') = 0 ORDER BY created_at`,
    )
    .all(kind) as Row[]
  return rows.map((r) => fromRow<Doc, Sim>(r))
}

export function flexJobById(
  db: SandboxDb,
  id: string,
): StoredFlexJob | undefined {
  const row = db
    .prepare(
      `SELECT * FROM restore_jobs WHERE id = ? AND json_extract(sim, '$.kind') = 'flex'`,
    )
    .get(id) as Row | undefined
  return row ? fromRow<FlexRestoreJob, FlexJobSim>(row) : undefined
}

type AnyJobDoc = Partial<FlexRestoreJob> &
  Partial<Omit<ServerlessRestoreJob, 'deliveryType'>> & {
    deliveryType?: string
    expiresAt?: string
  }

/**
 * Whether a restore of any kind (dedicated, flex, serverless) is writing to the target: the
 * target is unavailable during a restore (docs 000), so a second one is refused.
 */
export function restoreTargetBusy(
  db: SandboxDb,
  targetGroupId: string,
  targetName: string,
): boolean {
  const rows = db
    .prepare(
      `SELECT * FROM restore_jobs WHERE json_extract(doc, '$.targetClusterName') = ? OR json_extract(doc, '$.targetDeploymentItemName') = ?`,
    )
    .all(targetName, targetName) as Row[]
  return rows.some((row) => {
    const job = fromRow<AnyJobDoc, unknown>(row)
    if (job.doc.status !== undefined) {
      return (
        job.doc.deliveryType === 'RESTORE' &&
        (job.doc.targetProjectId ?? job.groupId) === targetGroupId &&
        job.doc.status !== 'COMPLETED' &&
        job.doc.status !== 'FAILED'
      )
    }
    return (
      job.doc.deliveryType !== 'download' &&
      job.doc.targetGroupId === targetGroupId &&
      !isRestoreJobFinished(job.doc as RestoreJobInput)
    )
  })
}

/** R3 counts over the project's downloads of every kind; a flex link lasts four hours. */
export function projectDownloadCounts(
  db: SandboxDb,
  groupId: string,
  snapshotId: string,
  now: number,
) {
  const rows = db
    .prepare('SELECT * FROM restore_jobs WHERE group_id = ?')
    .all(groupId) as Row[]
  const jobs = rows.map((row): DownloadJobInput => {
    const { doc } = fromRow<AnyJobDoc, unknown>(row)
    const expires = doc.expirationDate ?? doc.expiresAt
    return {
      deliveryType:
        doc.deliveryType === 'DOWNLOAD' || doc.deliveryType === 'download'
          ? 'download'
          : 'automated',
      snapshotId: doc.snapshotId,
      cancelled: doc.cancelled,
      failed: doc.failed ?? doc.status === 'FAILED',
      expired: doc.expired,
      expiresAt: expires ? new Date(expires) : undefined,
    }
  })
  return countActiveDownloads(jobs, snapshotId, new Date(now))
}
