// The audit page's filters live in the URL (issue 5: deep links, reload and back/forward keep
// them). Empty filters are left out, so the plain page has a clean address; other keys (tz) stay.

export type AuditFilters = {
  actor: string | undefined
  action: string | undefined
  /** A cluster's name (the API's `clusterName`). */
  cluster: string | undefined
  /** A project's groupId: set by links from other pages, shown and cleared here. */
  project: string | undefined
  atlasId: string | undefined
  /** ISO 8601 instants, inclusive. */
  from: string | undefined
  to: string | undefined
}

export const filterKeys = [
  'actor',
  'action',
  'cluster',
  'project',
  'atlasId',
  'from',
  'to',
] as const satisfies readonly (keyof AuditFilters)[]

export const noFilters: AuditFilters = {
  actor: undefined,
  action: undefined,
  cluster: undefined,
  project: undefined,
  atlasId: undefined,
  from: undefined,
  to: undefined,
}

function valueOf(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key)?.trim()
  return value ? value : undefined
}

export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const filters = { ...noFilters }
  for (const key of filterKeys) filters[key] = valueOf(params, key)
  return filters
}

/** A copy of `params` holding `filters` instead of the current ones. */
export function withAuditFilters(
  params: URLSearchParams,
  filters: AuditFilters,
): URLSearchParams {
  const updated = new URLSearchParams(params)
  for (const key of filterKeys) {
    const value = filters[key]?.trim()
    if (value) updated.set(key, value)
    else updated.delete(key)
  }
  return updated
}

export function isFiltered(filters: AuditFilters): boolean {
  return filterKeys.some((key) => filters[key] !== undefined)
}

/** The BFF's query parameters for these filters (contract/bff/audit.ts). */
export function toAuditQuery(
  filters: AuditFilters,
): Record<string, string | undefined> {
  return {
    actor: filters.actor,
    action: filters.action,
    clusterName: filters.cluster,
    groupId: filters.project,
    atlasId: filters.atlasId,
    from: filters.from,
    to: filters.to,
  }
}

/** The BFF names query parameters; the form names its fields after the URL. */
export const fieldOfParameter: Record<string, keyof AuditFilters> = {
  actor: 'actor',
  action: 'action',
  clusterName: 'cluster',
  groupId: 'project',
  atlasId: 'atlasId',
  from: 'from',
  to: 'to',
}
