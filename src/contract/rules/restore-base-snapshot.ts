import { formatUtc, formatUtcSeconds } from './format-utc'
import { ok, refuse } from './result'
import type { RuleResult } from './result'

// R4: a pointInTime restore may name the snapshot to start from; Atlas replays the oplog from
// it up to the instant, so the snapshot must have been taken at or before that instant. Atlas
// (and the sandbox) refuse a later one; the BFF checks first, so the request never reaches it.
export function checkBaseSnapshot(
  snapshot: { id: string; createdAt: Date },
  instantSeconds: number,
  field = 'snapshotId',
): RuleResult {
  if (snapshot.createdAt.getTime() <= instantSeconds * 1000) return ok
  return refuse(
    `Snapshot ${snapshot.id} was taken at ${formatUtc(snapshot.createdAt)}, after the instant ` +
      `to restore to (${formatUtcSeconds(instantSeconds)}); name an earlier snapshot or none`,
    field,
  )
}
