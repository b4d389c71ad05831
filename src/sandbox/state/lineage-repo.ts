import type { SandboxDb } from './db'

// Data lineage: a cluster's data is its own stream of writes, until a restore replaces it
// with another cluster's data as of an instant; writes then continue on top of that. Tests
// read it to prove a restore restored the right point in time and lost nothing.
export type LineageSegment = {
  since: number
  origin?: { groupId: string; clusterName: string; at: number }
  restoreJobId?: string
}

type Row = {
  since: number
  origin_group_id: string | null
  origin_cluster_name: string | null
  origin_at: number | null
  restore_job_id: string | null
}

export function listLineage(
  db: SandboxDb,
  groupId: string,
  clusterName: string,
): LineageSegment[] {
  const rows = db
    .prepare(
      'SELECT * FROM lineage WHERE group_id = ? AND cluster_name = ? ORDER BY since',
    )
    .all(groupId, clusterName) as Row[]
  return rows.map((r) => ({
    since: r.since,
    ...(r.origin_group_id && r.origin_cluster_name && r.origin_at !== null
      ? {
          origin: {
            groupId: r.origin_group_id,
            clusterName: r.origin_cluster_name,
            at: r.origin_at,
          },
        }
      : {}),
    ...(r.restore_job_id ? { restoreJobId: r.restore_job_id } : {}),
  }))
}

export function addLineageSegment(
  db: SandboxDb,
  groupId: string,
  clusterName: string,
  segment: LineageSegment,
): void {
  db.prepare(
    'INSERT OR REPLACE INTO lineage (group_id, cluster_name, since, origin_group_id, origin_cluster_name, origin_at, restore_job_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    groupId,
    clusterName,
    segment.since,
    segment.origin?.groupId ?? null,
    segment.origin?.clusterName ?? null,
    segment.origin?.at ?? null,
    segment.restoreJobId ?? null,
  )
}

/**
 * The data a cluster holds at `at`, followed back through restores: a chain of identities,
 * newest first. The last element is the original stream of writes the data comes from.
 */
export function dataAt(
  db: SandboxDb,
  groupId: string,
  clusterName: string,
  at: number,
  depth = 0,
): {
  segments: { groupId: string; clusterName: string; from: number; to: number }[]
} {
  const lineage = listLineage(db, groupId, clusterName).filter(
    (s) => s.since <= at,
  )
  const current = lineage.at(-1)
  const own = { groupId, clusterName, from: current?.since ?? 0, to: at }
  if (!current?.origin || depth > 20) return { segments: [own] }
  const earlier = dataAt(
    db,
    current.origin.groupId,
    current.origin.clusterName,
    current.origin.at,
    depth + 1,
  )
  return { segments: [own, ...earlier.segments] }
}
