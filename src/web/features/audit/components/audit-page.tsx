import '../audit.css'

import { useInfiniteQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'

import { DataAge } from '../../../components/data-age'
import { LoadFailure } from '../../../components/load-failure'
import { TimeZoneToggle } from '../../../components/time-zone-toggle'
import { UpstreamBanner } from '../../../components/upstream-banner'
import { ApiError } from '../../../lib/api-error'
import {
  type AuditFilters,
  isFiltered,
  parseAuditFilters,
  withAuditFilters,
} from '../audit-params'
import { groupChanges } from '../pairing'
import { auditListQuery } from '../queries'
import { AuditExport } from './audit-export'
import { AuditFiltersForm } from './audit-filters'
import { AuditTable } from './audit-table'
import { LoadMore } from './load-more'
import { RoleRefusal } from './role-refusal'

/** The audit trail (issue 4): who changed what, when, and how it ended; admins only. */
export function AuditPage() {
  const [searchParams, setSearchParams] = useSearchParams()
  const filters = parseAuditFilters(searchParams)
  const audit = useInfiniteQuery(auditListQuery(filters))
  const error = audit.error

  const apply = (next: AuditFilters) =>
    setSearchParams((prev) => withAuditFilters(prev, next), {
      preventScrollReset: true,
    })

  const heading = (
    <>
      <title>Audit — Backup Console</title>
      <div className="page-heading">
        <h1>Audit</h1>
        <TimeZoneToggle />
      </div>
    </>
  )
  if (error instanceof ApiError && error.status === 403) {
    return (
      <>
        {heading}
        <RoleRefusal detail={error.message} />
      </>
    )
  }

  const intro = (
    <p className="hint">
      Every change made through Backup Console: an <em>intent</em> is written
      before Atlas is asked, an <em>outcome</em> once it has answered.
      {filters.project ? (
        <>
          {' '}
          Only project <code>{filters.project}</code> is shown.
        </>
      ) : null}
    </p>
  )
  const filterForm = (
    <AuditFiltersForm
      // A new address (back/forward, zone toggle) shows its own values.
      key={searchParams.toString()}
      filters={filters}
      serverErrors={
        error instanceof ApiError && error.status === 400 ? error.fields : []
      }
      onApply={apply}
    />
  )

  const data = audit.data
  if (!data) {
    return (
      <>
        {heading}
        {intro}
        {filterForm}
        {audit.isPending ? (
          <p role="status">Loading the audit trail…</p>
        ) : (
          <LoadFailure
            error={error}
            what="The audit trail"
            onRetry={() => void audit.refetch()}
          />
        )}
      </>
    )
  }

  const entries = data.pages.flatMap((page) => page.entries)
  const changes = groupChanges(entries)
  return (
    <>
      {heading}
      {intro}
      <UpstreamBanner
        error={audit.isFetchNextPageError ? null : error}
        dataUpdatedAt={audit.dataUpdatedAt}
        onRetry={() => void audit.refetch()}
      />
      {filterForm}
      <AuditExport filters={filters} />
      <DataAge
        dataUpdatedAt={audit.dataUpdatedAt}
        fetching={audit.isFetching && !audit.isFetchingNextPage}
        onRefresh={() => void audit.refetch()}
      />
      {entries.length === 0 ? (
        <p role="status" className="empty">
          {isFiltered(filters)
            ? 'No entry matches these filters.'
            : 'Nothing has been changed through Backup Console yet.'}
        </p>
      ) : (
        <>
          <AuditTable
            changes={changes}
            entryCount={entries.length}
            rangeEnds={filters.to !== undefined}
          />
          <LoadMore
            count={entries.length}
            hasMore={audit.hasNextPage}
            loading={audit.isFetchingNextPage}
            error={audit.isFetchNextPageError ? error : null}
            onLoadMore={() => void audit.fetchNextPage()}
          />
        </>
      )}
    </>
  )
}
