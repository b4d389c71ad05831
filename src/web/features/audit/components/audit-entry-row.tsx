import type { AuditEntry } from '../../../../contract/bff/audit'
import { formatInstant } from '../../../lib/format-time'
import { useTimeZone } from '../../../lib/time-zone'
import { actionLabel, isTroubleOutcome, outcomeLabel } from '../labels'
import type { AuditChange } from '../pairing'

export const AUDIT_COLUMNS = [
  'Time',
  'Actor',
  'Action',
  'Phase',
  'Project / cluster',
  'Target',
  'Outcome',
  'Atlas id',
  'Request id',
  'Details',
] as const

type AuditEntryRowProps = {
  entry: AuditEntry
  change: AuditChange
  /** No outcome can be newer than the loaded entries unless the time range ends early. */
  outcomeMayBeLater: boolean
  expanded: boolean
  onToggle: () => void
  detailsId: string
}

const dash = <span className="muted">—</span>

function errorCodeOf(entry: AuditEntry): string | undefined {
  const code = entry.details.errorCode
  return typeof code === 'string' ? code : undefined
}

function OutcomeCell({
  entry,
  change,
  outcomeMayBeLater,
}: Pick<AuditEntryRowProps, 'entry' | 'change' | 'outcomeMayBeLater'>) {
  if (entry.phase === 'outcome') {
    const code = errorCodeOf(entry)
    return (
      <span className={isTroubleOutcome(entry.outcome) ? 'audit-trouble' : ''}>
        {outcomeLabel(entry.outcome)}
        {code ? <code className="audit-code">{code}</code> : null}
      </span>
    )
  }
  const last = change.outcomes.at(-1)
  if (last) {
    return (
      <span className="muted">
        See #{last.id}: {outcomeLabel(last.outcome)}
      </span>
    )
  }
  return (
    <span className="audit-trouble">
      No outcome recorded
      <span className="audit-note">
        {outcomeMayBeLater
          ? 'none before the end of the time range'
          : 'still running, or cut off before Atlas answered'}
      </span>
    </span>
  )
}

/** One audit entry; its phase cell names the change it belongs to (same intentId). */
export function AuditEntryRow({
  entry,
  change,
  outcomeMayBeLater,
  expanded,
  onToggle,
  detailsId,
}: AuditEntryRowProps) {
  const { mode } = useTimeZone()
  const hasDetails = Object.keys(entry.details).length > 0
  const isIntent = entry.phase === 'intent'
  return (
    <tr className={isIntent ? 'audit-intent' : 'audit-outcome'}>
      <td className="audit-time">
        <time dateTime={entry.at}>
          {formatInstant(entry.at, mode, { seconds: true })}
        </time>
      </td>
      <td>{entry.actor}</td>
      <td>
        {actionLabel(entry.action)}
        <code className="audit-code">{entry.action}</code>
      </td>
      <td className="audit-phase">
        {isIntent ? (
          `Intent #${entry.id}`
        ) : (
          <>
            <span aria-hidden="true">↳ </span>Outcome #{entry.id} of #
            {change.id}
            {change.intent ? null : (
              <span className="audit-note">intent not loaded</span>
            )}
          </>
        )}
      </td>
      <td>
        {entry.clusterName ?? dash}
        {entry.groupId ? (
          <code className="audit-code">project {entry.groupId}</code>
        ) : null}
      </td>
      <td>{entry.target ?? dash}</td>
      <td>
        <OutcomeCell
          entry={entry}
          change={change}
          outcomeMayBeLater={outcomeMayBeLater}
        />
      </td>
      <td>{entry.atlasId ? <code>{entry.atlasId}</code> : dash}</td>
      <td>{entry.requestId ? <code>{entry.requestId}</code> : dash}</td>
      <td>
        {hasDetails ? (
          <button
            type="button"
            className="button small"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            onClick={onToggle}
          >
            {expanded ? 'Hide details' : 'Show details'}{' '}
            <span className="visually-hidden">of #{entry.id}</span>
          </button>
        ) : (
          dash
        )}
      </td>
    </tr>
  )
}
