import type { AuditFormat } from '../../../contract/bff/audit'
import { AUDIT_PAGE_SIZE_MAX } from '../../../contract/bff/audit'

// The BFF paths the audit feature calls (GET /api/audit, /api/users), one place so queries,
// mutations and the export links agree.

type Query = Record<string, string | undefined>

function withQuery(path: string, query: Query): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(key, value)
  }
  const text = search.toString()
  return text ? `${path}?${text}` : path
}

export const auditApi = {
  /** One page of the trail, newest first; `before` (an entry id) asks for older entries. */
  list: (query: Query) => withQuery('/api/audit', query),
  /**
   * A download of the entries the filters select: the BFF sends the CSV as an attachment. It
   * pages like the list, so an export holds the newest AUDIT_PAGE_SIZE_MAX entries.
   */
  export: (query: Query, format: AuditFormat) =>
    withQuery('/api/audit', {
      ...query,
      limit: String(AUDIT_PAGE_SIZE_MAX),
      format,
    }),
}

export const usersApi = {
  list: () => '/api/users',
  user: (name: string) => `/api/users/${encodeURIComponent(name)}`,
}
