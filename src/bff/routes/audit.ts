import type { FastifyInstance, FastifyRequest } from 'fastify'

import {
  AUDIT_NEXT_BEFORE_HEADER,
  AUDIT_PAGE_SIZE_DEFAULT,
  type AuditEntry,
  type AuditPage,
  auditCsvColumns,
  auditQuerySchema,
} from '../../contract/bff/audit'
import { toCsv } from '../audit/csv'
import { requireAction } from '../auth/guard'
import type { BffDeps } from '../deps'
import { type AuditEntry as StoredEntry, listAudit } from '../db/audit-repo'
import { ApiProblem } from '../http/errors'
import { parseQuery } from '../http/parse-query'

// R9 names no action for reading the trail; it is an admin's, like managing users.
function requireAuditReader(request: FastifyRequest): void {
  try {
    requireAction(request, 'manageUsers')
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 403) {
      throw new ApiProblem(
        403,
        error.errorCode,
        `Reading the audit trail needs the admin role; you are signed in as ${request.session?.role ?? 'nobody'}.`,
      )
    }
    throw error
  }
}

function present(entry: StoredEntry): AuditEntry {
  return { ...entry, at: new Date(entry.at).toISOString() }
}

export function registerAuditRoutes(app: FastifyInstance, deps: BffDeps): void {
  app.get('/api/audit', (request, reply) => {
    requireAuditReader(request)
    const query = parseQuery(auditQuerySchema, request.query)
    const limit = query.limit ?? AUDIT_PAGE_SIZE_DEFAULT
    const entries = listAudit(deps.db, {
      actor: query.actor,
      action: query.action,
      groupId: query.groupId,
      clusterName: query.clusterName,
      atlasId: query.atlasId,
      from: query.from === undefined ? undefined : Date.parse(query.from),
      to: query.to === undefined ? undefined : Date.parse(query.to),
      beforeId: query.before,
      limit,
    }).map(present)
    // A full page may have older entries behind it; the client asks with before=<last id>.
    const nextBefore =
      entries.length === limit ? (entries.at(-1)?.id ?? null) : null

    if (query.format === 'csv') {
      const stamp = new Date(deps.now()).toISOString().replace(/[:.]/g, '-')
      if (nextBefore !== null)
        reply.header(AUDIT_NEXT_BEFORE_HEADER, String(nextBefore))
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="audit-${stamp}.csv"`,
        )
        .send(toCsv(auditCsvColumns, entries))
    }
    const page: AuditPage = { entries, nextBefore }
    return reply.send(page)
  })
}
