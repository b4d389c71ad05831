import { retentionUnits } from '../atlas/common'
import type { SnapshotFrequencyType } from '../atlas/common'
import type { PolicyItemInput } from './policy-items'
import { refuse } from './result'
import type { RuleRefusal } from './result'
import { describeRetention, retentionNominalDays } from './retention'

// P4: retention never shrinks as frequency falls, hourly ≤ daily ≤ weekly ≤ monthly ≤ yearly
// ("If the hourly policy item specifies a retention of two days, you must specify two days or
// greater for … the weekly policy item" [spec]); and each type keeps at least its own period:
// weekly ≥ 7 days, monthly ≥ 31 days / 5 weeks / 1 month, yearly ≥ 1 year [TF, compliance
// docs]. Retentions of different units are compared in nominal days (retention.ts).

/** Most frequent first. */
export const frequencyRank: Record<SnapshotFrequencyType, number> = {
  hourly: 0,
  daily: 1,
  weekly: 2,
  monthly: 3,
  yearly: 4,
}

const minimumRetention: Partial<
  Record<SnapshotFrequencyType, { days: number; words: string }>
> = {
  weekly: { days: 7, words: '7 days (1 week)' },
  monthly: { days: 31, words: '1 month (31 days or 5 weeks)' },
  yearly: { days: 372, words: '1 year (12 months)' },
}

function isRanked(item: PolicyItemInput): item is PolicyItemInput & {
  frequencyType: SnapshotFrequencyType
} {
  return (
    item.frequencyType in frequencyRank &&
    (retentionUnits as readonly string[]).includes(item.retentionUnit) &&
    Number.isInteger(item.retentionValue) &&
    item.retentionValue >= 1
  )
}

/**
 * One refusal per item whose retention is too short, on that (less frequent) item's
 * retentionValue, naming the larger of the two bounds so one fix satisfies both. Items that
 * fail P1 are skipped here: validatePolicyItem already reports them.
 */
export function validatePolicyRetention(
  items: readonly PolicyItemInput[],
  itemsPath: string,
): RuleRefusal[] {
  const refusals: RuleRefusal[] = []
  items.forEach((item, i) => {
    if (!isRanked(item)) return
    const days = retentionNominalDays(item.retentionValue, item.retentionUnit)
    const field = `${itemsPath}.${i}.retentionValue`
    const subject = `The ${item.frequencyType} retention`

    // The longest retention among more frequent items.
    let longer: { days: number; item: PolicyItemInput } | undefined
    for (const other of items) {
      if (!isRanked(other)) continue
      if (
        frequencyRank[other.frequencyType] >= frequencyRank[item.frequencyType]
      )
        continue
      const otherDays = retentionNominalDays(
        other.retentionValue,
        other.retentionUnit,
      )
      if (!longer || otherDays > longer.days)
        longer = { days: otherDays, item: other }
    }
    const minimum = minimumRetention[item.frequencyType]

    if (longer && days < longer.days && longer.days >= (minimum?.days ?? 0)) {
      const { frequencyType, retentionValue, retentionUnit } = longer.item
      refusals.push(
        refuse(
          `${subject} must be at least the ${frequencyType} retention ` +
            `(${describeRetention(retentionValue, retentionUnit)})`,
          field,
        ),
      )
    } else if (minimum && days < minimum.days) {
      refusals.push(
        refuse(`${subject} must be at least ${minimum.words}`, field),
      )
    }
  })
  return refusals
}
