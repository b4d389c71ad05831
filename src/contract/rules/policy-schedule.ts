import type { SnapshotFrequencyType } from '../atlas/common'
import { allowedIntervals, LAST_DAY_OF_MONTH } from './policy-intervals'
import type { PolicyItemInput } from './policy-items'
import { frequencyRank } from './policy-retention'
import { addRetention, retentionNominalDays } from './retention'

// When a policy takes snapshots, and which item each snapshot belongs to. Shared by the
// estimate (P7) and the sandbox clock. "If overlapping policy items generate the same snapshot,
// Atlas associates the snapshot with the policy item with the longest retention time"
// (reference 003): the default policy's 18:00 Saturday snapshot is hourly, daily and weekly at
// once and counts once, as weekly.

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

export type ScheduleTimeInput = {
  referenceHourOfDay?: number | null | undefined
  referenceMinuteOfHour?: number | null | undefined
}

export type ScheduledSnapshot = {
  at: Date
  /** Index of the item the snapshot belongs to (longest retention). */
  itemIndex: number
  frequencyType: SnapshotFrequencyType
  expiresAt: Date
  /** Every item that produced this instant. */
  itemIndexes: number[]
}

/** Epoch-ms instants in (fromMs, toMs] at which one item takes a snapshot. */
export function itemInstants(
  item: PolicyItemInput,
  time: ScheduleTimeInput,
  fromMs: number,
  toMs: number,
): number[] {
  // The schedule GET always carries both; the default policy's 18:00 stands in when a
  // half-edited form lacks them.
  const hour = time.referenceHourOfDay ?? 18
  const minute = time.referenceMinuteOfHour ?? 0
  const interval = item.frequencyInterval
  // Intervals P2 refuses produce nothing rather than a guess (any hourly value divides 24).
  if (
    !allowedIntervals(item.frequencyType, { nvme: false }).some(
      (o) => o.value === interval,
    )
  ) {
    return []
  }
  const instants: number[] = []
  for (
    let day = Math.floor(fromMs / DAY_MS) * DAY_MS;
    day <= toMs;
    day += DAY_MS
  ) {
    const date = new Date(day)
    const hours = takesSnapshotOn(item.frequencyType, interval, date)
      ? item.frequencyType === 'hourly'
        ? Array.from(
            { length: 24 / interval },
            (_, k) => (hour + k * interval) % 24,
          ).sort((a, b) => a - b)
        : [hour]
      : []
    for (const h of hours) {
      const at = day + h * HOUR_MS + minute * 60_000
      if (at > fromMs && at <= toMs) instants.push(at)
    }
  }
  return instants
}

function takesSnapshotOn(type: string, interval: number, date: Date): boolean {
  switch (type) {
    case 'hourly':
    case 'daily':
      return true
    case 'weekly':
      return ((date.getUTCDay() + 6) % 7) + 1 === interval // Monday = 1 … Sunday = 7
    case 'monthly': {
      if (interval !== LAST_DAY_OF_MONTH) return date.getUTCDate() === interval
      return new Date(date.getTime() + DAY_MS).getUTCDate() === 1
    }
    case 'yearly':
      return date.getUTCMonth() + 1 === interval && date.getUTCDate() === 1
    default:
      return false
  }
}

/** Longest retention wins; on a tie, the less frequent item (weekly over daily). */
export function owningItemIndex(
  items: readonly PolicyItemInput[],
  indexes: readonly number[],
) {
  const weight = (i: number) => {
    const item = items[i]
    if (!item) return [-1, -1]
    const rank =
      frequencyRank[item.frequencyType as SnapshotFrequencyType] ?? -1
    return [retentionNominalDays(item.retentionValue, item.retentionUnit), rank]
  }
  return indexes.reduce((best, i) => {
    const [days = 0, rank = 0] = weight(i)
    const [bestDays = 0, bestRank = 0] = weight(best)
    return days > bestDays || (days === bestDays && rank > bestRank) ? i : best
  })
}

/**
 * The snapshots the policy takes in (from, to], oldest first, each under its owning item.
 * `spanOf` may narrow the range per item (the estimate looks back only as far as each item
 * keeps snapshots).
 */
export function scheduledSnapshots(
  schedule: ScheduleTimeInput & { items: readonly PolicyItemInput[] },
  from: Date,
  to: Date,
  spanOf: (item: PolicyItemInput) => number = () => from.getTime(),
): ScheduledSnapshot[] {
  const producers = new Map<number, number[]>()
  schedule.items.forEach((item, index) => {
    const fromMs = Math.max(from.getTime(), spanOf(item))
    for (const at of itemInstants(item, schedule, fromMs, to.getTime())) {
      producers.set(at, [...(producers.get(at) ?? []), index])
    }
  })
  return [...producers.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([at, itemIndexes]) => {
      const itemIndex = owningItemIndex(schedule.items, itemIndexes)
      const item = schedule.items[itemIndex]
      if (!item) return []
      const taken = new Date(at)
      return [
        {
          at: taken,
          itemIndex,
          frequencyType: item.frequencyType as SnapshotFrequencyType,
          expiresAt: addRetention(
            taken,
            item.retentionValue,
            item.retentionUnit,
          ),
          itemIndexes,
        },
      ]
    })
}
