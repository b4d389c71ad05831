import type { Statement } from 'better-sqlite3'

import type { Cluster } from '../../contract/atlas/cluster'
import type { SnapshotFrequencyType } from '../../contract/atlas/common'
import type { SandboxContext } from '../context'
import {
  SNAPSHOT_QUEUE_MS,
  type SnapshotDoc,
  buildSnapshotDoc,
  isoSeconds,
  snapshotDurationMs,
  statusAt,
} from '../sim/snapshot-doc'
import { getCluster } from './clusters-repo'
import type { SandboxDb } from './db'
import {
  type StoredDocument,
  deleteDocument,
  getDocument,
  listDocuments,
  updateDocument,
} from './documents-repo'
import { newObjectId } from './ids'

export type { SnapshotDoc } from '../sim/snapshot-doc'

/** Private bookkeeping (ms, sandbox time), never sent to clients. */
export type SnapshotSim = {
  /** Queued until then, in progress until completesAt, then completed. */
  startsAt: number
  completesAt: number
  expiresAt: number
  /** The expiry was changed on the snapshot itself: updateSnapshots leaves it (P7). */
  retentionOverridden?: boolean
}

export type StoredSnapshot = StoredDocument<SnapshotDoc, SnapshotSim>

export type TakeSnapshotInput = {
  groupId: string
  clusterName: string
  at: number
  snapshotType: 'onDemand' | 'scheduled' | 'fallback'
  frequencyType?: SnapshotFrequencyType
  expiresAt: number
  description?: string
  policyItemIds?: string[]
  completesAt?: number
}

const inserts = new WeakMap<SandboxDb, Statement>()

// The seed fills weeks of snapshots in one simulate: one statement, prepared once per db.
function insertStatement(db: SandboxDb): Statement {
  let statement = inserts.get(db)
  if (!statement) {
    statement = db.prepare(
      'INSERT INTO snapshots (id, group_id, cluster_name, created_at, doc, sim) VALUES (?, ?, ?, ?, ?, ?)',
    )
    inserts.set(db, statement)
  }
  return statement
}

/** Builds and inserts a snapshot of a cluster whose document is already at hand. */
export function storeSnapshot(
  db: SandboxDb,
  cluster: Cluster,
  input: TakeSnapshotInput,
  now: number,
): StoredSnapshot {
  const id = newObjectId(input.at)
  const { doc, bytes } = buildSnapshotDoc(cluster, id, input, 'queued')
  const completesAt = input.completesAt ?? input.at + snapshotDurationMs(bytes)
  const sim: SnapshotSim = {
    startsAt: Math.min(input.at + SNAPSHOT_QUEUE_MS, completesAt),
    completesAt,
    expiresAt: input.expiresAt,
  }
  doc.status = statusAt(now, sim.startsAt, completesAt)
  const stored: StoredSnapshot = {
    id,
    groupId: input.groupId,
    clusterName: input.clusterName,
    createdAt: input.at,
    doc,
    sim,
  }
  insertStatement(db).run(
    id,
    input.groupId,
    input.clusterName,
    input.at,
    JSON.stringify(doc),
    JSON.stringify(sim),
  )
  return stored
}

/**
 * Takes a snapshot of a dedicated cluster (scheduled, on-demand, or the one Atlas takes after
 * a restore completes, R10), with the status its times give at the sandbox's now.
 */
export function takeSnapshot(
  ctx: SandboxContext,
  input: TakeSnapshotInput,
): StoredSnapshot {
  const cluster = getCluster(ctx.db, input.groupId, input.clusterName)
  if (cluster?.kind !== 'dedicated') {
    throw new Error(
      `takeSnapshot: ${input.groupId}/${input.clusterName} is not a dedicated cluster`,
    )
  }
  return storeSnapshot(ctx.db, cluster.doc, input, ctx.clock.now())
}

/** Newest first, as Atlas lists them. */
export function listSnapshots(
  ctx: SandboxContext,
  groupId: string,
  clusterName: string,
): StoredSnapshot[] {
  return listDocuments<SnapshotDoc, SnapshotSim>(
    ctx.db,
    'snapshots',
    groupId,
    clusterName,
  )
}

export function getSnapshot(
  ctx: SandboxContext,
  groupId: string,
  clusterName: string,
  snapshotId: string,
): StoredSnapshot | undefined {
  return getDocument<SnapshotDoc, SnapshotSim>(
    ctx.db,
    'snapshots',
    groupId,
    clusterName,
    snapshotId,
  )
}

/** A new expiry, e.g. from PATCH snapshot or a schedule's updateSnapshots. */
export function setSnapshotExpiry(
  ctx: SandboxContext,
  snapshot: StoredSnapshot,
  expiresAt: number,
  overridden: boolean,
): StoredSnapshot {
  const sim: SnapshotSim = {
    ...snapshot.sim,
    expiresAt,
    ...(overridden ? { retentionOverridden: true } : {}),
  }
  const doc = { ...snapshot.doc, expiresAt: isoSeconds(expiresAt) }
  updateDocument(ctx.db, 'snapshots', { id: snapshot.id, doc, sim })
  return { ...snapshot, doc, sim }
}

export function deleteSnapshot(ctx: SandboxContext, snapshotId: string): void {
  deleteDocument(ctx.db, 'snapshots', snapshotId)
}
