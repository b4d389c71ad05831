import type { SandboxDb } from '../state/db'
import type { SnapshotDoc, SnapshotSim } from '../state/snapshots-repo'
import { statusAt } from './snapshot-doc'

// A snapshot's life after it is taken: queued → inProgress → completed by the times in its
// `sim`, and gone once its expiresAt has passed ("Date and time when MongoDB Cloud deletes the
// snapshot" [spec]).

type PendingRow = { id: string; doc: string; sim: string }

export function advanceSnapshotStatuses(db: SandboxDb, now: number): void {
  const pending = db
    .prepare(
      "SELECT id, doc, sim FROM snapshots WHERE json_extract(doc, '$.status') IN ('queued', 'inProgress')",
    )
    .all() as PendingRow[]
  if (pending.length === 0) return
  const update = db.prepare('UPDATE snapshots SET doc = ? WHERE id = ?')
  for (const row of pending) {
    const doc = JSON.parse(row.doc) as SnapshotDoc
    const sim = JSON.parse(row.sim) as Partial<SnapshotSim>
    if (sim.startsAt === undefined || sim.completesAt === undefined) continue
    const status = statusAt(now, sim.startsAt, sim.completesAt)
    if (status !== doc.status) {
      update.run(JSON.stringify({ ...doc, status }), row.id)
    }
  }
}

/** Rows inserted without our bookkeeping fall back on the document's expiresAt. */
export function deleteExpiredSnapshots(db: SandboxDb, now: number): number {
  return db
    .prepare(
      `DELETE FROM snapshots WHERE COALESCE(
         json_extract(sim, '$.expiresAt'),
         CAST(strftime('%s', json_extract(doc, '$.expiresAt')) AS INTEGER) * 1000
       ) <= ?`,
    )
    .run(now).changes
}
