import type { PolicyFrequencyType } from '../atlas/common'
import type { PolicyItemInput } from './policy-items'
import { scheduledSnapshots } from './policy-schedule'
import type { ScheduleTimeInput } from './policy-schedule'
import { retentionNominalDays } from './retention'

// P7: "Atlas displays the estimated number of snapshots associated with your changes" (reference
// 003). The estimate replays the schedule over the longest retention before `now` and counts the
// snapshots still kept at `now`, each once, under the item with the longest retention. It is
// exact for a policy that has run unchanged for that long; month lengths and weekdays make it
// vary by one or two from day to day, so the editor shows it as "about N".

const DAY_MS = 86_400_000
/**
 * Look back at most 100 nominal years (37,200 days, about 102 calendar years): longer
 * retentions mean "kept for good", and an int32 retention must not stall the editor.
 */
export const ESTIMATE_MAX_SPAN_DAYS = 37_200

export type SnapshotEstimate = {
  total: number
  /** One entry per policy item, in the policy's order. */
  perItem: {
    index: number
    frequencyType: PolicyFrequencyType
    count: number
  }[]
  /** True when a retention exceeded ESTIMATE_MAX_SPAN_DAYS and was cut short. */
  capped: boolean
}

export function estimateRetainedSnapshots(
  schedule: ScheduleTimeInput & { items: readonly PolicyItemInput[] },
  now: Date,
): SnapshotEstimate {
  const nowMs = now.getTime()
  let capped = false
  // Nominal days are an upper bound of calendar time (a month ≤ 31 days, a year ≤ 372), so
  // looking back that far, plus a day, cannot miss a kept snapshot.
  const spanOf = (item: PolicyItemInput) => {
    const days = retentionNominalDays(item.retentionValue, item.retentionUnit)
    if (!Number.isFinite(days) || days <= 0) return nowMs
    if (days > ESTIMATE_MAX_SPAN_DAYS) capped = true
    return nowMs - (Math.min(days, ESTIMATE_MAX_SPAN_DAYS) + 1) * DAY_MS
  }
  const earliest = Math.min(nowMs, ...schedule.items.map(spanOf))
  const kept = scheduledSnapshots(
    schedule,
    new Date(earliest),
    now,
    spanOf,
  ).filter(
    // A snapshot is gone the instant it expires.
    (s) => s.expiresAt.getTime() > nowMs,
  )
  const perItem = schedule.items.map((item, index) => ({
    index,
    frequencyType: item.frequencyType,
    count: kept.filter((s) => s.itemIndex === index).length,
  }))
  return { total: kept.length, perItem, capped }
}
