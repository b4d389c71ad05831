import { useQuery } from '@tanstack/react-query'

import type { OverviewRow } from '../../../../contract/bff/overview'
import { deploymentQuery, scheduleQuery, snapshotsQuery } from '../queries'
import { latestCompleted } from '../snapshot-rows'
import { type PreflightLine, firstFailure, preflightChecks } from './preflight'
import { useServerClock } from './server-clock'
import { isShardedRow } from './source-snapshots'
import { useActiveRestoresInto } from './use-active-restores'
import type { WizardAnswers } from './wizard-answers'

export type Preflight =
  | { state: 'loading' }
  | { state: 'error'; error: Error; retry: () => void }
  | {
      state: 'ready'
      lines: PreflightLine[]
      failure: PreflightLine | undefined
    }

/** Reads what the pre-flight check needs of source and target, then runs it. */
export function usePreflight(
  answers: WizardAnswers,
  targetRow: OverviewRow | undefined,
): Preflight {
  const { groupId = '', cluster = '', kind = 'dedicated' } = answers
  const clock = useServerClock()
  const source = useQuery(deploymentQuery(kind, groupId, cluster))
  const sourceSnapshots = useQuery({
    ...snapshotsQuery(
      kind,
      groupId,
      cluster,
      source.data?.shardCount !== undefined,
    ),
    enabled: source.isSuccess && answers.snapshotId !== undefined,
  })
  // The copy settings only inform a line: a schedule that cannot be read leaves it general.
  const schedule = useQuery({
    ...scheduleQuery(groupId, cluster),
    enabled: kind === 'dedicated' && groupId !== '' && cluster !== '',
  })
  const target = useQuery({
    ...deploymentQuery(
      targetRow?.kind ?? 'dedicated',
      targetRow?.groupId ?? '',
      targetRow?.name ?? '',
    ),
    enabled: targetRow !== undefined,
  })
  const targetSnapshots = useQuery({
    ...snapshotsQuery(
      targetRow?.kind ?? 'dedicated',
      targetRow?.groupId ?? '',
      targetRow?.name ?? '',
      targetRow ? isShardedRow(targetRow) : false,
    ),
    enabled: targetRow !== undefined,
  })
  const active = useActiveRestoresInto(
    targetRow
      ? { groupId: targetRow.groupId, name: targetRow.name }
      : undefined,
  )

  const needed = [
    source,
    target,
    ...(answers.snapshotId ? [sourceSnapshots] : []),
  ]
  const failed = needed.find((q) => q.isError)
  if (failed?.error) {
    return {
      state: 'error',
      error: failed.error,
      retry: () => void failed.refetch(),
    }
  }
  if (active.state === 'error') return active
  if (
    active.state === 'loading' ||
    !source.data ||
    !target.data ||
    (answers.snapshotId && !sourceSnapshots.data) ||
    targetSnapshots.isPending ||
    (kind === 'dedicated' && schedule.isPending)
  ) {
    return { state: 'loading' }
  }
  const lines = preflightChecks({
    source: source.data,
    snapshot: sourceSnapshots.data?.find((s) => s.id === answers.snapshotId),
    target: target.data,
    targetLatestSnapshot: targetSnapshots.data
      ? (latestCompleted(targetSnapshots.data) ?? null)
      : undefined,
    activeRestores: active.active,
    sourceCopies:
      schedule.data?.copySettings ?? (schedule.data ? [] : undefined),
    now: clock.now(),
  })
  return { state: 'ready', lines, failure: firstFailure(lines) }
}
