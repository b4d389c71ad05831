import { useQuery } from '@tanstack/react-query'
import type { UseFormRegisterReturn } from 'react-hook-form'

import type { OverviewRow } from '../../../../contract/bff/overview'
import { LoadFailure } from '../../../components/load-failure'
import { snapshotsQuery } from '../queries'
import { SnapshotPicker } from './snapshot-picker'
import { VersionGoneNotice, isVersionGoneError } from './version-gone'

type SourceSnapshotsProps = {
  row: OverviewRow
  registration: UseFormRegisterReturn<'snapshotId'>
  error: string | undefined
}

export function isShardedRow(row: OverviewRow): boolean {
  return (
    row.kind === 'dedicated' &&
    row.clusterType !== null &&
    row.clusterType !== 'REPLICASET'
  )
}

/** The chosen source's snapshots to pick from, with their loading, empty and error states. */
export function SourceSnapshots({
  row,
  registration,
  error,
}: SourceSnapshotsProps) {
  const snapshots = useQuery(
    snapshotsQuery(row.kind, row.groupId, row.name, isShardedRow(row)),
  )
  const errorId = 'snapshot-choice-error'
  return (
    <fieldset className="choice-group">
      <legend>Snapshot of {row.name}</legend>
      {snapshots.isPending ? (
        <p role="status">Loading the snapshots of {row.name}…</p>
      ) : snapshots.isError ? (
        isVersionGoneError(snapshots.error) ? (
          <VersionGoneNotice />
        ) : (
          <LoadFailure
            error={snapshots.error}
            what={`The snapshots of ${row.name}`}
            onRetry={() => void snapshots.refetch()}
          />
        )
      ) : snapshots.data.length === 0 ? (
        <p>
          {row.name} has no snapshots yet
          {row.backupEnabled ? '' : ': its cloud backup is switched off'}.
        </p>
      ) : (
        <SnapshotPicker
          snapshots={snapshots.data}
          registration={registration}
          errorId={error ? errorId : undefined}
        />
      )}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
