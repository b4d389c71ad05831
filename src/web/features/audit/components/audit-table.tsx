import { Fragment, useId, useState } from 'react'

import type { AuditChange } from '../pairing'
import { entriesOf } from '../pairing'
import { AUDIT_COLUMNS, AuditEntryRow } from './audit-entry-row'

type AuditTableProps = {
  changes: AuditChange[]
  entryCount: number
  /** The time range has an end: a missing outcome may lie after it. */
  rangeEnds: boolean
}

/**
 * The trail, newest change first. Each change is one row group: its intent, then its
 * outcome(s), bracketed together and numbered alike, so the pair reads as one (issue 4).
 */
export function AuditTable({
  changes,
  entryCount,
  rangeEnds,
}: AuditTableProps) {
  const baseId = useId()
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set())
  const toggle = (id: number) =>
    setExpanded((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  return (
    <div className="table-scroll">
      <table className="data-table audit-table">
        <caption>
          Audit trail: {entryCount} {entryCount === 1 ? 'entry' : 'entries'} in{' '}
          {changes.length} {changes.length === 1 ? 'change' : 'changes'}, newest
          first
        </caption>
        <thead>
          <tr>
            {AUDIT_COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        {changes.map((change) => (
          <tbody key={change.id} className="audit-change">
            {entriesOf(change).map((entry) => {
              const detailsId = `${baseId}-details-${entry.id}`
              const open = expanded.has(entry.id)
              return (
                <Fragment key={entry.id}>
                  <AuditEntryRow
                    entry={entry}
                    change={change}
                    outcomeMayBeLater={rangeEnds}
                    expanded={open}
                    onToggle={() => toggle(entry.id)}
                    detailsId={detailsId}
                  />
                  {open ? (
                    <tr className="audit-details">
                      <td colSpan={AUDIT_COLUMNS.length}>
                        {/* Focusable: a long value scrolls sideways, by keyboard too. */}
                        <div
                          id={detailsId}
                          role="region"
                          aria-label={`Details of #${entry.id}`}
                          tabIndex={0}
                          className="audit-json"
                        >
                          <pre>{JSON.stringify(entry.details, null, 2)}</pre>
                        </div>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              )
            })}
          </tbody>
        ))}
      </table>
    </div>
  )
}
