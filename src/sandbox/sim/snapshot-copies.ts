import type { CopySetting } from '../../contract/atlas/schedule'
import {
  currentCopySettings,
  snapshotCopyKind,
} from '../../contract/rules/copy-kinds'
import type {
  CopyChange,
  CopyChanges,
  ExistingCopyInput,
} from '../../contract/rules/copy-retention-changes'
import { addRetention } from '../../contract/rules/retention'
import type { SandboxContext } from '../context'
import type { SimulationStep } from '../simulate'
import type { SandboxDb } from '../state/db'
import { getSchedule } from '../state/schedules-repo'
import type { SnapshotDoc, SnapshotSim } from '../state/snapshots-repo'

// Copies to other regions (issue 9, reference 003): once a snapshot completes, Atlas copies it
// to each copy region whose settings take its kind (copyPolicyItems, or the deprecated
// frequencies read as the same), or to every region of a lastNumberOfSnapshots setting, which
// then keeps copies of the newest N only. A copy is ready a few minutes after the snapshot and
// has its own retention; the snapshot lists the regions holding a live copy in `copyRegions`
// [spec DiskBackupReplicaSet]. Settings added later copy later snapshots only.
//
// A copy never outlives its snapshot here: the sandbox lists snapshots while the original is
// kept, so a longer copy retention ends with the original.

const COPY_MS = 10 * 60_000

export type SnapshotCopy = {
  zoneId: string
  cloudProvider: string
  regionName: string
  readyAt: number
  expiresAt: number
  /** Copied by a lastNumberOfSnapshots setting: only the newest N are kept. */
  lastOf?: number
}

type CopySim = SnapshotSim & {
  copies?: SnapshotCopy[]
  /** The snapshot's copies were decided (at its completion). */
  copiesPlanned?: boolean
}

type Row = {
  id: string
  group_id: string
  cluster_name: string
  created_at: number
  doc: string
  sim: string
}

/** The copies one completed snapshot gets under the schedule's current copy settings. */
export function planCopies(
  settings: readonly CopySetting[],
  doc: SnapshotDoc,
  sim: SnapshotSim,
  createdAt: number,
): SnapshotCopy[] {
  const kind = snapshotCopyKind(doc)
  return settings.flatMap((setting): SnapshotCopy[] => {
    const { zoneId, cloudProvider, regionName } = setting
    if (!cloudProvider || !regionName) return []
    const place = { zoneId, cloudProvider, regionName }
    const readyAt = sim.completesAt + COPY_MS
    const last = setting.lastNumberOfSnapshots
    if (last !== undefined) {
      return [{ ...place, readyAt, expiresAt: sim.expiresAt, lastOf: last }]
    }
    const item = setting.copyPolicyItems?.find((i) => i.frequencyType === kind)
    if (!item) return []
    const expiresAt =
      item.frequencyType === 'ondemand'
        ? sim.expiresAt
        : addRetention(
            new Date(createdAt),
            item.retentionValue,
            item.retentionUnit,
          ).getTime()
    return [
      { ...place, readyAt, expiresAt: Math.min(expiresAt, sim.expiresAt) },
    ]
  })
}

/** The regions holding a copy now, in the order of the settings. */
export function liveCopyRegions(copies: readonly SnapshotCopy[], now: number) {
  const regions = copies
    .filter((c) => c.readyAt <= now && now < c.expiresAt)
    .map((c) => c.regionName)
  return [...new Set(regions)]
}

function writeRow(db: SandboxDb, id: string, doc: SnapshotDoc, sim: CopySim) {
  db.prepare('UPDATE snapshots SET doc = ?, sim = ? WHERE id = ?').run(
    JSON.stringify(doc),
    JSON.stringify(sim),
    id,
  )
}

function planNewlyCompleted(ctx: SandboxContext, now: number): void {
  const rows = ctx.db
    .prepare(
      `SELECT id, group_id, cluster_name, created_at, doc, sim FROM snapshots
       WHERE json_extract(sim, '$.copiesPlanned') IS NULL
         AND COALESCE(json_extract(sim, '$.completesAt'), 0) <= ?`,
    )
    .all(now) as Row[]
  const settingsOf = new Map<string, CopySetting[]>()
  for (const row of rows) {
    const key = `${row.group_id}/${row.cluster_name}`
    let settings = settingsOf.get(key)
    if (!settings) {
      const schedule = getSchedule(ctx.db, row.group_id, row.cluster_name)
      settings = schedule ? currentCopySettings(schedule) : []
      settingsOf.set(key, settings)
    }
    const doc = JSON.parse(row.doc) as SnapshotDoc
    const sim = JSON.parse(row.sim) as CopySim
    const copies =
      sim.completesAt === undefined || doc.status !== 'completed'
        ? []
        : planCopies(settings, doc, sim, row.created_at)
    writeRow(ctx.db, row.id, doc, {
      ...sim,
      copiesPlanned: true,
      ...(copies.length > 0 ? { copies } : {}),
    })
  }
}

/** Keeps the copies of a lastNumberOfSnapshots setting on its newest N snapshots only. */
function trimLastOf(rows: { created_at: number; sim: CopySim }[]): void {
  const seen = new Map<string, number>()
  for (const row of [...rows].sort((a, b) => b.created_at - a.created_at)) {
    row.sim.copies = (row.sim.copies ?? []).filter((c) => {
      if (c.lastOf === undefined) return true
      const key = `${c.zoneId}/${c.regionName}`
      const n = (seen.get(key) ?? 0) + 1
      seen.set(key, n)
      return n <= c.lastOf
    })
  }
}

/** Drops expired copies and writes each snapshot's copyRegions as it is now. */
export function refreshCopyRegions(
  db: SandboxDb,
  now: number,
  where?: { groupId: string; clusterName: string },
): void {
  const rows = (
    db
      .prepare(
        `SELECT id, group_id, cluster_name, created_at, doc, sim FROM snapshots
         WHERE (json_array_length(sim, '$.copies') > 0
                OR json_array_length(doc, '$.copyRegions') > 0)
           AND (? IS NULL OR (group_id = ? AND cluster_name = ?))`,
      )
      .all(
        where?.groupId ?? null,
        where?.groupId ?? null,
        where?.clusterName ?? null,
      ) as Row[]
  ).map((row) => ({
    ...row,
    rawSim: row.sim,
    parsedDoc: JSON.parse(row.doc) as SnapshotDoc,
    sim: JSON.parse(row.sim) as CopySim,
  }))
  const byCluster = new Map<string, typeof rows>()
  for (const row of rows) {
    const key = `${row.group_id}/${row.cluster_name}`
    byCluster.set(key, [...(byCluster.get(key) ?? []), row])
  }
  for (const clusterRows of byCluster.values()) trimLastOf(clusterRows)
  for (const row of rows) {
    const copies = (row.sim.copies ?? []).filter((c) => now < c.expiresAt)
    const sim: CopySim = { ...row.sim, copies }
    const doc = row.parsedDoc
    const next =
      doc.type === 'shardedCluster'
        ? doc
        : { ...doc, copyRegions: liveCopyRegions(copies, now) }
    if (
      row.doc !== JSON.stringify(next) ||
      row.rawSim !== JSON.stringify(sim)
    ) {
      writeRow(db, row.id, next, sim)
    }
  }
}

/** The clock's copy side: runs after snapshots are taken and move on. */
export const copySnapshots: SimulationStep = (ctx, now) => {
  planNewlyCompleted(ctx, now)
  refreshCopyRegions(ctx.db, now)
}

/**
 * deleteCopiedBackups: the copies in the named regions of removed copy settings go now
 * (reference 003: "Delete all snapshots in this region").
 */
export function deleteCopies(
  ctx: SandboxContext,
  where: { groupId: string; clusterName: string },
  entries: readonly {
    zoneId?: string | undefined
    regionName?: string | undefined
  }[],
): void {
  if (entries.length === 0) return
  const rows = ctx.db
    .prepare(
      `SELECT id, doc, sim FROM snapshots WHERE group_id = ? AND cluster_name = ?
         AND json_array_length(sim, '$.copies') > 0`,
    )
    .all(where.groupId, where.clusterName) as Row[]
  for (const row of rows) {
    const sim = JSON.parse(row.sim) as CopySim
    const copies = (sim.copies ?? []).filter(
      (c) =>
        !entries.some(
          (e) => e.zoneId === c.zoneId && e.regionName === c.regionName,
        ),
    )
    writeRow(ctx.db, row.id, JSON.parse(row.doc) as SnapshotDoc, {
      ...sim,
      copies,
    })
  }
  refreshCopyRegions(ctx.db, ctx.clock.now(), where)
}

const samePlace = (change: CopyChange, copy: SnapshotCopy) =>
  change.zoneId === copy.zoneId && change.regionName === copy.regionName

/** The live copies of the cluster's snapshots, as copy-retention-changes.ts reads them. */
export function listCopies(
  ctx: SandboxContext,
  where: { groupId: string; clusterName: string },
): ExistingCopyInput[] {
  const rows = ctx.db
    .prepare(
      `SELECT id, created_at, doc, sim FROM snapshots
       WHERE group_id = ? AND cluster_name = ?
         AND json_array_length(sim, '$.copies') > 0`,
    )
    .all(where.groupId, where.clusterName) as Row[]
  return rows.flatMap((row) => {
    const doc = JSON.parse(row.doc) as SnapshotDoc
    const sim = JSON.parse(row.sim) as CopySim
    const kind = snapshotCopyKind(doc)
    return (sim.copies ?? []).map((c) => ({
      snapshotId: row.id,
      createdAt: new Date(row.created_at),
      kind,
      zoneId: c.zoneId,
      regionName: c.regionName,
      expiresAt: new Date(c.expiresAt),
      lastOf: c.lastOf,
    }))
  })
}

/**
 * updateCopySnapshots and deleteCopySnapshots: copies take their new expiry (never past their
 * snapshot's, as planCopies keeps them), go when it has passed, or go with their item.
 */
export function applyCopyChanges(
  ctx: SandboxContext,
  where: { groupId: string; clusterName: string },
  changes: CopyChanges,
): void {
  const gone = [...changes.removed, ...changes.deleted]
  if (changes.updated.length === 0 && gone.length === 0) return
  const ids = new Set([...changes.updated, ...gone].map((c) => c.snapshotId))
  const read = ctx.db.prepare('SELECT doc, sim FROM snapshots WHERE id = ?')
  for (const id of ids) {
    // Read anew: the policy's own retention changes may have moved the snapshot meanwhile.
    const row = read.get(id) as { doc: string; sim: string } | undefined
    if (!row) continue
    const sim = JSON.parse(row.sim) as CopySim
    const mine = (list: readonly CopyChange[]) =>
      list.filter((c) => c.snapshotId === id)
    const copies = (sim.copies ?? []).flatMap((copy) => {
      if (mine(gone).some((c) => samePlace(c, copy))) return []
      const update = mine(changes.updated).find((c) => samePlace(c, copy))
      if (!update?.newExpiresAt) return [copy]
      const expiresAt = Math.min(update.newExpiresAt.getTime(), sim.expiresAt)
      return [{ ...copy, expiresAt }]
    })
    writeRow(ctx.db, id, JSON.parse(row.doc) as SnapshotDoc, {
      ...sim,
      copies,
    })
  }
  refreshCopyRegions(ctx.db, ctx.clock.now(), where)
}
