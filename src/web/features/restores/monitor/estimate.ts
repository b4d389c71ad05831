import type { DeliveryType } from '../../../../contract/atlas/common'
import type { JobRef, LiveJob } from '../../../../contract/bff/job-events'
import {
  deliveryOf,
  finishedAtMs,
  refOf,
  sameJob,
  startedAtMs,
} from './job-model'

// How long a restore will take, from the restores that finished before it (issue 7: "an
// estimate from past restores of similar size"). Atlas gives no progress (PEERS §8 pain 6).
// Restores of the same source cluster are of about the same size, so they come first; without
// any, the finished jobs of the same delivery type. The median resists the odd slow one.

export type Estimate = {
  /** The median duration, in ms. */
  medianMs: number
  /** How many finished jobs it comes from. */
  count: number
  delivery: DeliveryType
  /** The source cluster whose restores it comes from; undefined: every source. */
  source: string | undefined
}

/** The run times of the jobs that finished well (failed or cancelled ones say nothing). */
function durationsOf(jobs: readonly LiveJob[]): number[] {
  return jobs.flatMap((job) => {
    if (job.state !== 'completed' && job.state !== 'downloadReady') return []
    const end = finishedAtMs(job)
    if (end === undefined) return []
    const duration = end - startedAtMs(job)
    return Number.isFinite(duration) && duration > 0 ? [duration] : []
  })
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const upper = sorted[mid] ?? 0
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2
}

export function estimateFor(
  jobs: readonly LiveJob[],
  delivery: DeliveryType | undefined,
  job?: JobRef,
): Estimate | undefined {
  if (!delivery) return undefined
  const alike = jobs.filter(
    (j) => deliveryOf(j) === delivery && !(job && sameJob(refOf(j), job)),
  )
  const sameSource = job
    ? durationsOf(
        alike.filter(
          (j) => j.groupId === job.groupId && j.clusterName === job.clusterName,
        ),
      )
    : []
  const durations = sameSource.length > 0 ? sameSource : durationsOf(alike)
  const medianMs = median(durations)
  if (medianMs === undefined) return undefined
  return {
    medianMs,
    count: durations.length,
    delivery,
    source: sameSource.length > 0 ? job?.clusterName : undefined,
  }
}

export type Progress = {
  /** 0–99 while running (never 100 before Atlas says it is done); undefined without estimate. */
  percent: number | undefined
  /** Time left by the estimate; undefined without one, 0 once past it. */
  remainingMs: number | undefined
  overdue: boolean
}

export function progressOf(
  elapsedMs: number,
  estimate: Estimate | undefined,
): Progress {
  if (!estimate) {
    return { percent: undefined, remainingMs: undefined, overdue: false }
  }
  const ratio = Math.max(0, elapsedMs) / estimate.medianMs
  return {
    percent: Math.min(99, Math.floor(ratio * 100)),
    remainingMs: Math.max(0, estimate.medianMs - elapsedMs),
    overdue: ratio >= 1,
  }
}
