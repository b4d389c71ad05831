import type { OverviewProblem } from '../../../contract/bff/overview'
import { overviewProblems } from '../../../contract/bff/overview'

// The cluster list's state lives in the URL (issue 5: deep links, back/forward and reload keep
// sorting and filters). Defaults are left out, so the plain home page has a clean address.

export const sortKeys = [
  'name',
  'project',
  'type',
  'version',
  'backup',
  'continuous',
  'latest',
  'next',
  'rpo',
  'restores',
] as const
export type SortKey = (typeof sortKeys)[number]
export type SortDirection = 'asc' | 'desc'

export const typeFilters = [
  'replicaSet',
  'sharded',
  'flex',
  'serverless',
] as const
export type TypeFilter = (typeof typeFilters)[number]

export type ClusterListParams = {
  sort: SortKey
  dir: SortDirection
  /** A project's groupId. */
  project: string | undefined
  type: TypeFilter | undefined
  problem: OverviewProblem | undefined
  q: string
}

/** Worst achievable RPO first: the clusters that would lose the most data come to the top. */
export const DEFAULT_SORT: SortKey = 'rpo'

export function defaultDirection(key: SortKey): SortDirection {
  return key === 'rpo' || key === 'restores' ? 'desc' : 'asc'
}

function oneOf<T extends string>(
  values: readonly T[],
  value: string | null,
): T | undefined {
  return (values as readonly (string | null)[]).includes(value)
    ? (value as T)
    : undefined
}

export function parseListParams(params: URLSearchParams): ClusterListParams {
  const sort = oneOf(sortKeys, params.get('sort')) ?? DEFAULT_SORT
  return {
    sort,
    dir: oneOf(['asc', 'desc'], params.get('dir')) ?? defaultDirection(sort),
    project: params.get('project') ?? undefined,
    type: oneOf(typeFilters, params.get('type')),
    problem: oneOf(overviewProblems, params.get('problem')),
    q: params.get('q') ?? '',
  }
}

/** A copy of `params` with the list's own keys changed; other keys (tz) are kept. */
export function withListParams(
  params: URLSearchParams,
  change: Partial<ClusterListParams>,
): URLSearchParams {
  const next = { ...parseListParams(params), ...change }
  const updated = new URLSearchParams(params)
  const set = (key: string, value: string | undefined, fallback?: string) => {
    if (value === undefined || value === '' || value === fallback)
      updated.delete(key)
    else updated.set(key, value)
  }
  set('sort', next.sort, DEFAULT_SORT)
  set('dir', next.dir, defaultDirection(next.sort))
  set('project', next.project)
  set('type', next.type)
  set('problem', next.problem)
  set('q', next.q.trim() === '' ? undefined : next.q)
  return updated
}

/** Clicking a header: the same column flips its direction, another starts at its default. */
export function nextSort(
  current: ClusterListParams,
  key: SortKey,
): Pick<ClusterListParams, 'sort' | 'dir'> {
  if (current.sort !== key) return { sort: key, dir: defaultDirection(key) }
  return { sort: key, dir: current.dir === 'asc' ? 'desc' : 'asc' }
}
