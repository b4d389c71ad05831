import type { SnapshotMemberInput } from '../../../../contract/rules/snapshot-filters'
import { formatInstant, otherMode } from '../../../lib/format-time'
import { formatBytes } from '../../../lib/format-units'
import type { TimeZoneMode } from '../../../lib/time-zone'
import {
  frequencyLabels,
  type SnapshotRow,
  statusLabels,
  typeLabels,
} from '../model'

// Status is never colour alone: each has its own symbol and word.
const statusSymbols = {
  queued: '◷',
  inProgress: '◔',
  completed: '✓',
  failed: '✕',
} as const

type SnapshotCellsProps = {
  snapshot: SnapshotRow
  mode: TimeZoneMode
  selected: boolean
  expanded: boolean
  onSelect: (id: string) => void
  onToggle: (id: string) => void
  rollingRetention: boolean
}

export function SnapshotCells({
  snapshot,
  mode,
  selected,
  expanded,
  onSelect,
  onToggle,
  rollingRetention,
}: SnapshotCellsProps) {
  const when = formatInstant(snapshot.createdAt, mode)
  const members = snapshot.members?.length ?? 0
  return (
    <>
      <td>
        <div className="created-cell">
          {members > 0 ? (
            <button
              type="button"
              className="expand-button"
              aria-expanded={expanded}
              aria-label={`${members} members of the snapshot of ${when}`}
              onClick={() => onToggle(snapshot.id)}
            >
              <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
            </button>
          ) : (
            <span className="expand-spacer" />
          )}
          <button
            type="button"
            className="select-button"
            aria-pressed={selected}
            onClick={() => onSelect(snapshot.id)}
          >
            <time dateTime={snapshot.createdAt}>{when}</time>
            <span className="muted">
              {formatInstant(snapshot.createdAt, otherMode(mode))}
            </span>
          </button>
        </div>
      </td>
      <td>
        {snapshot.snapshotType === 'fallback' ? '⚠ ' : ''}
        {typeLabels[snapshot.snapshotType]}
      </td>
      <td>
        {snapshot.frequencyType ? frequencyLabels[snapshot.frequencyType] : '—'}
      </td>
      <td className={`status status-${snapshot.status ?? 'unknown'}`}>
        {snapshot.status ? (
          <>
            <span aria-hidden="true">{statusSymbols[snapshot.status]} </span>
            {statusLabels[snapshot.status]}
          </>
        ) : (
          'Unknown'
        )}
      </td>
      <td>
        {snapshot.storageSizeBytes === undefined
          ? '—'
          : formatBytes(snapshot.storageSizeBytes)}
      </td>
      <td>
        {snapshot.expiresAt ? (
          <time dateTime={snapshot.expiresAt}>
            {formatInstant(snapshot.expiresAt, mode)}
          </time>
        ) : rollingRetention ? (
          'Last 8 kept'
        ) : (
          '—'
        )}
      </td>
      <td>
        {/* Issue 9: the regions this snapshot has been copied to. */}
        {snapshot.copyRegions && snapshot.copyRegions.length > 0
          ? snapshot.copyRegions.join(', ')
          : '—'}
      </td>
      <td className="description">{snapshot.description ?? ''}</td>
    </>
  )
}

export function MemberCells({ member }: { member: SnapshotMemberInput }) {
  const config = /config/i.test(member.replicaSetName)
  return (
    <>
      <td>
        <span className="member-name">↳ {member.replicaSetName}</span>
      </td>
      <td>{config ? 'Config server' : 'Shard'}</td>
      <td />
      <td />
      <td />
      <td />
      <td />
      <td className="description">
        {member.cloudProvider ? `${member.cloudProvider} · ` : ''}
        <code>{member.id}</code>
      </td>
    </>
  )
}
