import { useMemo } from 'react'

import {
  restorableRanges,
  restoreWindowBounds,
} from '../../../contract/rules/restore-window'
import type { BackupSchedule } from '../../../contract/atlas/schedule'
import type { LiveJob } from '../../../contract/bff/job-events'
import { blackoutsOf } from './blackouts'
import type { Deployment, SnapshotRow } from './model'
import {
  buildTimeline,
  expectedIntervals,
  findGaps,
  narrowTimeline,
  type SpanPreset,
  spanFor,
} from './timeline-model'

/** R5: serverless continuous backup restores to any moment of the last 72 hours. */
const SERVERLESS_WINDOW_DAYS = 3

type TimelineData = {
  deployment: Deployment
  schedule: BackupSchedule | undefined
  jobs: readonly LiveJob[]
  all: readonly SnapshotRow[]
  shown: readonly SnapshotRow[]
  span: SpanPreset
  clientNow: number
}

/**
 * Everything the timeline draws. "Now" is the later of the browser's clock and the newest
 * snapshot: Atlas cannot have snapshots from the future, and a sandbox clock may run ahead.
 */
export function useTimelineData(input: TimelineData) {
  const { deployment, schedule, jobs, all, shown, span, clientNow } = input
  // Everything drawn for all the snapshots: unchanged while only the filters (`shown`) change.
  const backdrop = useMemo(() => {
    const newest = all[0] ? Date.parse(all[0].createdAt) : 0
    const now = new Date(Math.max(clientNow, newest))
    const windowDays = !deployment.pitEnabled
      ? undefined
      : deployment.kind === 'serverless'
        ? SERVERLESS_WINDOW_DAYS
        : schedule?.restoreWindowDays
    const blackouts = blackoutsOf(jobs, deployment, all)
    const window =
      windowDays === undefined
        ? undefined
        : restoreWindowBounds(now, windowDays)
    const restorable =
      windowDays === undefined
        ? []
        : restorableRanges({ now, restoreWindowDays: windowDays, blackouts })
    const gaps = findGaps(
      all,
      expectedIntervals(schedule?.policies[0]?.policyItems),
      now,
    )
    const full = buildTimeline({
      snapshots: all,
      span: spanFor(span, all, now, window?.start),
      restorable,
      blackouts,
      gaps,
    })
    return { full, windowDays, window, blackouts, gaps }
  }, [deployment, schedule, jobs, all, span, clientNow])
  return useMemo(() => {
    const { full, ...rest } = backdrop
    return { timeline: narrowTimeline(full, shown), ...rest }
  }, [backdrop, shown])
}
