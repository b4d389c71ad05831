import type { OverviewRow } from '../../../contract/bff/overview'
import type {
  ClusterListParams,
  SortDirection,
  SortKey,
  TypeFilter,
} from './list-params'

export function typeOf(row: OverviewRow): TypeFilter {
  if (row.kind === 'flex') return 'flex'
  if (row.kind === 'serverless') return 'serverless'
  return row.clusterType === 'REPLICASET' || row.clusterType === null
    ? 'replicaSet'
    : 'sharded'
}

export const typeLabels: Record<TypeFilter, string> = {
  replicaSet: 'Replica set',
  sharded: 'Sharded',
  flex: 'Flex',
  serverless: 'Serverless',
}

/** "Replica set · M30"; Flex and serverless have no tier of their own. */
export function typeAndTier(row: OverviewRow): string {
  const type = typeLabels[typeOf(row)]
  const tier =
    row.kind === 'dedicated' && row.tier
      ? ` · ${row.tier.replace('_', ' ')}`
      : ''
  return `${type}${tier}`
}

/**
 * The achievable RPO now: the overview's figure at `fetchedAt`, plus the time since for an RPO
 * measured from the latest snapshot (continuous backup stays at its shipping lag).
 */
export function liveRpoSeconds(
  row: OverviewRow,
  fetchedAtMs: number,
  nowMs: number,
): number | null {
  if (row.rpoSeconds === null) return null
  if (row.rpoBasis !== 'snapshot') return row.rpoSeconds
  return row.rpoSeconds + Math.max(0, Math.round((nowMs - fetchedAtMs) / 1000))
}

function timeOf(value: string | null | undefined): number | null {
  return value ? Date.parse(value) : null
}

/** Unknown and "no backup at all" sort as the worst RPO. */
const NO_RPO = Number.MAX_SAFE_INTEGER

function sortValue(row: OverviewRow, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
      return row.name.toLowerCase()
    case 'project':
      return row.projectName.toLowerCase()
    case 'type':
      return typeAndTier(row)
    case 'version':
      return row.mongoDBVersion
        ? row.mongoDBVersion
            .split('.')
            .map((part) => part.padStart(4, '0'))
            .join('.')
        : null
    case 'backup':
      return row.backupEnabled ? 1 : 0
    case 'continuous':
      return row.pitEnabled ? (row.restoreWindowDays ?? 0) + 1 : 0
    case 'latest':
      return timeOf(row.latestSnapshot?.createdAt)
    case 'next':
      return timeOf(row.nextSnapshot)
    case 'rpo':
      return !row.backupEnabled || row.rpoSeconds === null
        ? NO_RPO
        : row.rpoSeconds
    case 'restores':
      return row.activeRestores
  }
}

function compare(
  a: string | number | null,
  b: string | number | null,
  dir: SortDirection,
): number {
  // Missing values go last whichever the direction.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
  const order =
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : String(a).localeCompare(String(b))
  return dir === 'asc' ? order : -order
}

export function sortRows(
  rows: readonly OverviewRow[],
  sort: SortKey,
  dir: SortDirection,
): OverviewRow[] {
  return [...rows].sort(
    (a, b) =>
      compare(sortValue(a, sort), sortValue(b, sort), dir) ||
      a.projectName.localeCompare(b.projectName) ||
      a.name.localeCompare(b.name),
  )
}

export function filterRows(
  rows: readonly OverviewRow[],
  params: Pick<ClusterListParams, 'project' | 'type' | 'problem' | 'q'>,
): OverviewRow[] {
  const needle = params.q.trim().toLowerCase()
  return rows.filter(
    (row) =>
      (params.project === undefined || row.groupId === params.project) &&
      (params.type === undefined || typeOf(row) === params.type) &&
      (params.problem === undefined || row.problems.includes(params.problem)) &&
      (needle === '' ||
        [row.name, row.projectName, row.tier, row.mongoDBVersion].some(
          (value) => value?.toLowerCase().includes(needle) === true,
        )),
  )
}
