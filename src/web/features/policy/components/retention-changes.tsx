import { useQuery } from '@tanstack/react-query'

import type { PolicyItemInput } from '../../../../contract/rules/policy-items'
import { retentionChanges } from '../../../../contract/rules/policy-retention-changes'
import { LoadFailure } from '../../../components/load-failure'
import { formatInstant } from '../../../lib/format-time'
import { useTimeZone } from '../../../lib/time-zone'
import { frequencyLabels } from '../describe-item'
import { existingSnapshotsQuery } from '../queries'
import { useAtlasNow } from '../use-atlas-now'

type RetentionChangesProps = {
  groupId: string
  name: string
  sharded: boolean
  oldItems: readonly PolicyItemInput[]
  newItems: readonly PolicyItemInput[]
}

/** Rows shown before "and N more": enough to check, not a wall. */
const SHOWN = 50

/** P7 with updateSnapshots: which existing snapshots get a new expiry, and which would go. */
export function RetentionChanges({
  groupId,
  name,
  sharded,
  oldItems,
  newItems,
}: RetentionChangesProps) {
  const { mode } = useTimeZone()
  const snapshots = useQuery(existingSnapshotsQuery(groupId, name, sharded))
  const { now } = useAtlasNow()
  if (!snapshots.data) {
    return snapshots.isPending ? (
      <p role="status">Loading the existing snapshots…</p>
    ) : (
      <LoadFailure
        error={snapshots.error}
        what="The existing snapshots"
        onRetry={() => void snapshots.refetch()}
      />
    )
  }
  const changes = retentionChanges({
    snapshots: snapshots.data,
    oldItems,
    newItems,
    updateSnapshots: true,
    now,
  })
  const byId = new Map(snapshots.data.map((s) => [s.id, s]))
  const rows = [
    ...changes.removed.map((c) => ({ ...c, removed: true })),
    ...changes.updated.map((c) => ({ ...c, removed: false })),
  ]
  const count = (n: number) => `${n} ${n === 1 ? 'snapshot' : 'snapshots'}`
  return (
    <div>
      <p role="status">
        {rows.length === 0
          ? 'No existing snapshot changes: the retentions of the items that took them are unchanged.'
          : `${count(changes.updated.length)} get a new expiry; ${count(changes.removed.length)} would be removed when you save.`}
      </p>
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>Existing snapshots whose expiry changes</caption>
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Frequency</th>
                <th scope="col">Expires now</th>
                <th scope="col">After saving</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN).map((row) => {
                const snapshot = byId.get(row.id)
                const type = snapshot?.frequencyType
                return (
                  <tr key={row.id}>
                    <th scope="row">
                      {snapshot
                        ? formatInstant(snapshot.createdAt, mode)
                        : row.id}
                    </th>
                    <td>{type ? frequencyLabels[type] : '—'}</td>
                    <td>{formatInstant(row.expiresAt, mode)}</td>
                    <td>
                      {row.removed
                        ? `Removed on save (new expiry ${formatInstant(row.newExpiresAt, mode)} has passed)`
                        : `Expires ${formatInstant(row.newExpiresAt, mode)}`}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          {rows.length > SHOWN ? (
            <p className="hint">And {rows.length - SHOWN} more.</p>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
