import type {
  SnapshotFrequencyType,
  SnapshotStatus,
  SnapshotType,
} from '../atlas/common'

// S2: the snapshot browser's filters, as the Atlas UI's "View Snapshots by Policy / On-demand"
// plus frequency, status, a time range and free text. Sharded snapshots list their members
// (one per shard and config server), and the text filter matches those too.

export type SnapshotOrigin = 'all' | 'policy' | 'onDemand'

export type SnapshotFilter = {
  origin?: SnapshotOrigin | undefined
  /** Empty or absent: every frequency. */
  frequencyTypes?: readonly SnapshotFrequencyType[] | undefined
  statuses?: readonly SnapshotStatus[] | undefined
  /** Inclusive bounds on createdAt. */
  createdFrom?: Date | undefined
  createdTo?: Date | undefined
  /** Case-insensitive, against id, description, replica set and member names and ids. */
  text?: string | undefined
}

export type SnapshotMemberInput = {
  id: string
  replicaSetName: string
  cloudProvider?: string | undefined
}

export type FilterableSnapshot = {
  id: string
  createdAt: Date | string
  snapshotType?: SnapshotType | undefined
  frequencyType?: SnapshotFrequencyType | undefined
  status?: SnapshotStatus | undefined
  description?: string | undefined
  replicaSetName?: string | undefined
  /** Sharded cluster snapshots only. */
  members?: readonly SnapshotMemberInput[] | undefined
}

/**
 * Policy snapshots are the scheduled ones and their fallbacks (retries of a failed one). A
 * scheduled snapshot without a frequency (the one Atlas takes after a restore, R10) is one too.
 */
export function snapshotOrigin(
  snapshot: FilterableSnapshot,
): 'policy' | 'onDemand' {
  return snapshot.snapshotType === 'onDemand' ? 'onDemand' : 'policy'
}

/** The members a sharded snapshot lists; empty for a replica set snapshot. */
export function snapshotMembers(
  snapshot: FilterableSnapshot,
): readonly SnapshotMemberInput[] {
  return snapshot.members ?? []
}

function within(value: Date | string, from?: Date, to?: Date): boolean {
  // Without bounds there is nothing to parse (this runs per snapshot, per keystroke).
  if (!from && !to) return true
  const ms = new Date(value).getTime()
  if (from && ms < from.getTime()) return false
  return !(to && ms > to.getTime())
}

function matchesText(snapshot: FilterableSnapshot, text: string): boolean {
  const needle = text.trim().toLowerCase()
  if (needle === '') return true
  const haystack = [
    snapshot.id,
    snapshot.description,
    snapshot.replicaSetName,
    ...snapshotMembers(snapshot).flatMap((m) => [m.id, m.replicaSetName]),
  ]
  return haystack.some(
    (value) => value?.toLowerCase().includes(needle) === true,
  )
}

export function matchesSnapshotFilter(
  snapshot: FilterableSnapshot,
  filter: SnapshotFilter,
): boolean {
  const origin = filter.origin ?? 'all'
  if (origin !== 'all' && snapshotOrigin(snapshot) !== origin) return false
  const frequencies = filter.frequencyTypes ?? []
  // An on-demand snapshot has no frequency, and neither has the one Atlas takes after a restore
  // (R10: scheduled, from no policy item): a frequency filter leaves both out.
  if (frequencies.length > 0) {
    if (!snapshot.frequencyType || snapshotOrigin(snapshot) === 'onDemand')
      return false
    if (!frequencies.includes(snapshot.frequencyType)) return false
  }
  const statuses = filter.statuses ?? []
  if (
    statuses.length > 0 &&
    (!snapshot.status || !statuses.includes(snapshot.status))
  ) {
    return false
  }
  if (!within(snapshot.createdAt, filter.createdFrom, filter.createdTo))
    return false
  return filter.text === undefined || matchesText(snapshot, filter.text)
}

export function filterSnapshots<T extends FilterableSnapshot>(
  snapshots: readonly T[],
  filter: SnapshotFilter,
): T[] {
  return snapshots.filter((s) => matchesSnapshotFilter(s, filter))
}
