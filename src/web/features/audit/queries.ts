import { infiniteQueryOptions } from '@tanstack/react-query'

import { auditPageSchema } from '../../../contract/bff/audit'
import { api } from '../../lib/api-client'
import { ApiError } from '../../lib/api-error'
import { auditApi } from './api-paths'
import { type AuditFilters, toAuditQuery } from './audit-params'

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, 'list', filters] as const,
}

/** A refusal (403 for a non-admin, 400 for a bad filter) is an answer: asking again changes nothing. */
export function retryUnlessRefused(
  failureCount: number,
  error: Error,
): boolean {
  const refused =
    error instanceof ApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 429
  return !refused && failureCount < 1
}

/** GET /api/audit, newest first, a page at a time: "Load more" asks with before=<last id>. */
export function auditListQuery(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get(
        auditApi.list({
          ...toAuditQuery(filters),
          before: pageParam === undefined ? undefined : String(pageParam),
        }),
        auditPageSchema,
        signal,
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    retry: retryUnlessRefused,
  })
}
