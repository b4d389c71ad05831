import { AUDIT_PAGE_SIZE_MAX } from '../../../../contract/bff/audit'
import { auditApi } from '../api-paths'
import { type AuditFilters, toAuditQuery } from '../audit-params'

/** Downloads of what the filters select: CSV (the BFF names the file) or JSON. */
export function AuditExport({ filters }: { filters: AuditFilters }) {
  const query = toAuditQuery(filters)
  return (
    <div className="toolbar audit-export">
      <p className="hint" id="audit-export-hint">
        Exports hold the newest {AUDIT_PAGE_SIZE_MAX} entries that match the
        filters, details included.
      </p>
      <div className="button-row">
        <a
          className="button"
          href={auditApi.export(query, 'csv')}
          download
          aria-describedby="audit-export-hint"
        >
          Export CSV
        </a>
        <a
          className="button"
          href={auditApi.export(query, 'json')}
          download="audit.json"
          aria-describedby="audit-export-hint"
        >
          Export JSON
        </a>
      </div>
    </div>
  )
}
