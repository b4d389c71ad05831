import { randomBytes } from 'node:crypto'

import type {
  FlexRestoreJob,
  FlexSnapshot,
} from '../../contract/atlas/flex-backup'
import { flexDownloadLinkExpiresAt } from '../../contract/rules/flex-restore'
import type { SandboxDb } from './db'
import {
  type DocumentTable,
  type StoredDocument,
  getDocument,
  insertDocument,
  listDocuments,
  selectDocuments,
  selectDocumentsOldestFirst,
} from './documents-repo'
import { isoSeconds, wholeSecondFrom } from '../sim/snapshot-doc'
import { newObjectId } from './ids'

// Flex and serverless snapshots and jobs live in the shared snapshots and restore_jobs tables,
// under their source cluster; `sim.kind` tells them from dedicated ones and `sim.done` marks
// those the clock has finished moving. Times are sandbox ms.
export type BackupKind = 'flex' | 'serverless'
export type KindSim = { kind: BackupKind; done: boolean; finishAt: number }

export type FlexSnapshotSim = KindSim & { queuedAt: number; startAt: number }
export type FlexJobSim = KindSim & {
  queuedAt: number
  runningAt: number
  fails: boolean
  /** The instant of the source's data the restore writes to the target (lineage). */
  dataAt: number
  /** Secret path segment of a download link. */
  token?: string
}
export type StoredFlexSnapshot = StoredDocument<FlexSnapshot, FlexSnapshotSim>
export type StoredFlexJob = StoredDocument<FlexRestoreJob, FlexJobSim>

export function listOfKind<Doc, Sim extends KindSim>(
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

export function getOfKind<Doc, Sim extends KindSim>(
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

/** What the clock still has to move, oldest first. */
export function unfinishedOfKind<Doc, Sim extends KindSim>(
  db: SandboxDb,
  table: DocumentTable,
  kind: BackupKind,
): StoredDocument<Doc, Sim>[] {
  return selectDocumentsOldestFirst<Doc, Sim>(
    db,
    table,
    "json_extract(sim, '$.kind') = ? AND json_extract(sim, '$.done') = 0",
    kind,
  )
}

/** A flex job by id alone, for download links (they carry no group or cluster). */
export function flexJobById(
  db: SandboxDb,
  id: string,
): StoredFlexJob | undefined {
  return selectDocuments<FlexRestoreJob, FlexJobSim>(
    db,
    'restore_jobs',
    "id = ? AND json_extract(sim, '$.kind') = 'flex'",
    id,
  )[0]
}

// Scaled so a demo restore finishes in well under a minute (issue 3).
const SNAPSHOT_PHASES = { queued: 5_000, start: 10_000, finish: 60_000 }
const RESTORE_PHASES = { queued: 5_000, running: 10_000, finish: 40_000 }

/** A daily snapshot taken at `at`; `expiration` says until when it can be downloaded. */
export function insertFlexSnapshot(
  db: SandboxDb,
  source: {
    groupId: string
    name: string
    mongoDBVersion?: string | undefined
  },
  at: number,
  expiration: number,
): StoredFlexSnapshot {
  const id = newObjectId(at)
  const doc: FlexSnapshot = {
    id,
    status: 'PENDING',
    scheduledTime: isoSeconds(at),
    expiration: isoSeconds(expiration),
    ...(source.mongoDBVersion ? { mongoDBVersion: source.mongoDBVersion } : {}),
  }
  const sim: FlexSnapshotSim = {
    kind: 'flex',
    done: false,
    queuedAt: at + SNAPSHOT_PHASES.queued,
    startAt: at + SNAPSHOT_PHASES.start,
    finishAt: at + SNAPSHOT_PHASES.finish,
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

export type FlexJobStart = {
  groupId: string
  clusterName: string
  snapshot: StoredFlexSnapshot
  at: number
}

function insertFlexJob(
  db: SandboxDb,
  start: FlexJobStart,
  fields: FlexRestoreJob,
  sim: Omit<FlexJobSim, 'kind' | 'dataAt'>,
): StoredFlexJob {
  const { at, snapshot } = start
  const id = newObjectId(at)
  const job: StoredFlexJob = {
    id,
    groupId: start.groupId,
    clusterName: start.clusterName,
    createdAt: at,
    doc: {
      id,
      instanceName: start.clusterName,
      projectId: start.groupId,
      snapshotId: snapshot.id,
      ...fields,
      restoreScheduledDate: isoSeconds(at),
      snapshotFinishedDate: isoSeconds(snapshot.sim.finishAt),
    },
    sim: { ...sim, kind: 'flex', dataAt: snapshot.createdAt },
  }
  insertDocument(db, 'restore_jobs', job)
  return job
}

/** A restore (31), PENDING until the clock moves it. */
export function insertFlexRestore(
  db: SandboxDb,
  start: FlexJobStart & { target: { groupId: string; name: string } },
  fails: boolean,
): StoredFlexJob {
  const { at } = start
  return insertFlexJob(
    db,
    start,
    {
      deliveryType: 'RESTORE',
      status: 'PENDING',
      targetDeploymentItemName: start.target.name,
      targetProjectId: start.target.groupId,
    },
    {
      done: false,
      queuedAt: at + RESTORE_PHASES.queued,
      runningAt: at + RESTORE_PHASES.running,
      finishAt: wholeSecondFrom(at + RESTORE_PHASES.finish),
      fails,
    },
  )
}

/** A download (29): its link is ready at once and works four hours (R6). */
export function insertFlexDownload(
  db: SandboxDb,
  start: FlexJobStart,
): StoredFlexJob {
  const { at } = start
  return insertFlexJob(
    db,
    start,
    {
      deliveryType: 'DOWNLOAD',
      status: 'COMPLETED',
      expirationDate: isoSeconds(
        flexDownloadLinkExpiresAt(new Date(at)).getTime(),
      ),
      restoreFinishedDate: isoSeconds(at),
    },
    {
      done: true,
      queuedAt: at,
      runningAt: at,
      finishAt: at,
      fails: false,
      token: randomBytes(16).toString('hex'),
    },
  )
}
