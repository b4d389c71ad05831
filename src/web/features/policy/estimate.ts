import {
  type SnapshotEstimate,
  estimateRetainedSnapshots,
} from '../../../contract/rules/policy-estimate'
import type { PolicyShape } from './form-values'

// P7: the estimated number of snapshots each item keeps, and in total, for the edited policy
// beside the saved one. The rule replays the schedule (overlapping items count a snapshot once,
// under the longest retention); this adapter feeds it the editor's policy and words the result.
// An item the rules refuse (an interval P2 does not know, a retention that is no number) keeps
// nothing in the estimate, and its row says so rather than showing a number.

export type PolicyEstimate = {
  total: number
  /** Per item, in the editor's order; null where the item is not valid enough to estimate. */
  perItem: (number | null)[]
  capped: boolean
}

function estimable(item: PolicyShape['items'][number]): boolean {
  return Number.isInteger(item.retentionValue) && item.retentionValue >= 1
}

export function estimatePolicy(policy: PolicyShape, now: Date): PolicyEstimate {
  const result: SnapshotEstimate = estimateRetainedSnapshots(
    {
      referenceHourOfDay: validOr(policy.referenceHourOfDay, 0, 23),
      referenceMinuteOfHour: validOr(policy.referenceMinuteOfHour, 0, 59),
      items: policy.items,
    },
    now,
  )
  return {
    total: result.total,
    perItem: policy.items.map((item, i) =>
      estimable(item) ? (result.perItem[i]?.count ?? 0) : null,
    ),
    capped: result.capped,
  }
}

/** A half-typed time falls back to the default's (the estimate only shifts by hours). */
function validOr(
  value: number | undefined,
  min: number,
  max: number,
): number | undefined {
  return value !== undefined &&
    Number.isInteger(value) &&
    value >= min &&
    value <= max
    ? value
    : undefined
}

export function aboutCount(count: number | null): string {
  if (count === null) return '—'
  return `about ${count.toLocaleString('en')}`
}

/** "About 52 snapshots kept (the saved policy keeps about 40)". */
export function estimateSentence(
  edited: PolicyEstimate,
  saved: PolicyEstimate,
): string {
  const noun = edited.total === 1 ? 'snapshot' : 'snapshots'
  const head = `About ${edited.total.toLocaleString('en')} ${noun} kept once the policy has run for its longest retention`
  const compare =
    edited.total === saved.total
      ? ', as with the saved policy'
      : ` (the saved policy keeps ${aboutCount(saved.total)})`
  const capped = edited.capped
    ? '. Retentions beyond 100 years are counted as 100 years'
    : ''
  return `${head}${compare}${capped}.`
}
