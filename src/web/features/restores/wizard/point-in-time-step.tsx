import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'

import { DEFAULT_RESTORE_WINDOW_DAYS } from '../../../../contract/rules/policy-default'
import { SERVERLESS_PIT_WINDOW_HOURS } from '../../../../contract/rules/serverless-restore'
import { LoadFailure } from '../../../components/load-failure'
import {
  deploymentQuery,
  liveJobsQuery,
  scheduleQuery,
  snapshotsQuery,
} from '../queries'
import { browserTimeZone } from './instant-text'
import type { PitWindow } from './pit-validation'
import { PointInTimeForm } from './point-in-time-form'
import { useServerClock } from './server-clock'
import { sourceBlackouts } from './source-blackouts'
import type { StepProps } from './step-props'

/** Step 3's data: the source's restore window (its schedule), blackouts and Atlas's clock. */
export function PointInTimeStep({ answers, onNext, onBack }: StepProps) {
  const { groupId = '', cluster = '', kind = 'dedicated' } = answers
  const source = useQuery(deploymentQuery(kind, groupId, cluster))
  const sharded =
    source.data !== undefined && source.data.shardCount !== undefined
  const schedule = useQuery({
    ...scheduleQuery(groupId, cluster),
    enabled: kind === 'dedicated',
  })
  const snapshots = useQuery({
    ...snapshotsQuery(kind, groupId, cluster, sharded),
    enabled: source.isSuccess,
  })
  const live = useQuery(liveJobsQuery())
  const clock = useServerClock()

  const days =
    kind === 'serverless'
      ? SERVERLESS_PIT_WINDOW_HOURS / 24
      : (schedule.data?.restoreWindowDays ?? DEFAULT_RESTORE_WINDOW_DAYS)
  const restoreWindow = useMemo<PitWindow>(
    () => ({
      restoreWindowDays: days,
      blackouts: sourceBlackouts(
        live.data?.results ?? [],
        { groupId, name: cluster },
        snapshots.data ?? [],
      ),
      now: clock.now,
    }),
    [days, live.data, snapshots.data, groupId, cluster, clock.now],
  )

  if (clock.error) {
    return (
      <LoadFailure
        error={clock.error}
        what="Atlas's clock (from the list of deployments)"
        onRetry={clock.retry}
      />
    )
  }
  const failed = [source, schedule, snapshots].find((q) => q.isError)
  if (failed) {
    return (
      <LoadFailure
        error={failed.error}
        what={`The restore window of ${cluster}`}
        onRetry={() => void failed.refetch()}
      />
    )
  }
  const loading =
    !source.isSuccess ||
    (kind === 'dedicated' && !schedule.isSuccess) ||
    !snapshots.isSuccess ||
    live.isPending ||
    !clock.ready
  if (loading) {
    return <p role="status">Loading the restore window of {cluster}…</p>
  }
  return (
    <>
      {live.isError ? (
        <p className="banner banner-warn" role="alert">
          Restores into {cluster} could not be listed, so their blackouts are
          not drawn; Atlas still refuses an instant inside one.
        </p>
      ) : null}
      <PointInTimeForm
        defaults={answers}
        restoreWindow={restoreWindow}
        serverless={kind === 'serverless'}
        localTimeZone={browserTimeZone()}
        onNext={onNext}
        onBack={onBack}
      />
    </>
  )
}
