import type { UseFormRegisterReturn } from 'react-hook-form'

import { formatInstant } from '../../../lib/format-time'
import { formatBytes } from '../../../lib/format-units'
import type { SnapshotRow } from '../snapshot-rows'

type SnapshotPickerProps = {
  snapshots: readonly SnapshotRow[]
  registration: UseFormRegisterReturn<'snapshotId'>
  errorId?: string | undefined
}

const statusText: Record<SnapshotRow['status'], string> = {
  queued: 'Queued — not restorable yet',
  inProgress: 'In progress — not restorable yet',
  completed: 'Completed',
  failed: 'Failed — cannot be restored',
}

function typeText(row: SnapshotRow): string {
  if (row.snapshotType === 'onDemand') return 'On demand'
  if (row.snapshotType === 'fallback') return 'Fallback (may be inconsistent)'
  return row.frequencyType ? `Scheduled, ${row.frequencyType}` : 'Scheduled'
}

/**
 * The source's snapshots, newest first, one radio each. Only completed snapshots can be
 * chosen; the others stay listed, disabled, their status saying why.
 */
export function SnapshotPicker({
  snapshots,
  registration,
  errorId,
}: SnapshotPickerProps) {
  return (
    <table className="data-table snapshot-picker">
      <caption>Snapshots, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Choose</th>
          <th scope="col">Taken (UTC)</th>
          <th scope="col">Taken (local)</th>
          <th scope="col">Type</th>
          <th scope="col">Status</th>
          <th scope="col">Size</th>
          <th scope="col">MongoDB</th>
        </tr>
      </thead>
      <tbody>
        {snapshots.map((row) => {
          const utc = formatInstant(row.createdAt, 'utc', { seconds: true })
          const statusId = `snapshot-status-${row.id}`
          return (
            <tr key={row.id}>
              <td>
                <input
                  type="radio"
                  value={row.id}
                  disabled={row.status !== 'completed'}
                  aria-label={`Snapshot taken ${utc}`}
                  aria-describedby={
                    [statusId, errorId].filter(Boolean).join(' ') || undefined
                  }
                  {...registration}
                />
              </td>
              <td>
                <time dateTime={row.createdAt}>{utc}</time>
              </td>
              <td>
                {formatInstant(row.createdAt, 'local', { seconds: true })}
              </td>
              <td>{typeText(row)}</td>
              <td id={statusId}>{statusText[row.status]}</td>
              <td>
                {row.storageSizeBytes === undefined
                  ? '—'
                  : formatBytes(row.storageSizeBytes)}
              </td>
              <td>{row.mongodVersion ?? '—'}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
