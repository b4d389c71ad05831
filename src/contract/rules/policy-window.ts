import type { PolicyItemInput } from './policy-items'
import { ruleErrorCodes } from './error-codes'
import { checkIntegerInRange, isAbsent } from './field-checks'
import type { MaybeNumber } from './field-checks'
import { allRefusals, ok, refuse } from './result'
import type { RuleRefusal, RuleResult } from './result'
import { describeRetention, retentionNominalDays } from './retention'

// P5: restoreWindowDays is "a positive, non-zero integer" [spec], and "You can't configure a
// restore window that is longer than the Hourly Snapshot Retention Time" (reference 003).
// P6: the snapshot time of day, in UTC. The spec gives no bounds; the CLI and Terraform use
// 0–23 and 0–59. Fields left out are fine: the editor sends them back whole, and Atlas keeps
// what a PATCH leaves out.

export function checkRestoreWindowDays(
  restoreWindowDays: MaybeNumber,
  items: readonly PolicyItemInput[],
): RuleResult {
  if (isAbsent(restoreWindowDays)) return ok
  const field = 'restoreWindowDays'
  if (!Number.isInteger(restoreWindowDays) || restoreWindowDays < 1) {
    return refuse(
      'restoreWindowDays must be a whole number of days of at least 1',
      field,
      ruleErrorCodes.invalidRestoreWindow,
    )
  }
  // Without an hourly item Atlas states no bound, so none is applied.
  const hourly = items.find((item) => item.frequencyType === 'hourly')
  if (!hourly || !Number.isInteger(hourly.retentionValue)) return ok
  const hourlyDays = retentionNominalDays(
    hourly.retentionValue,
    hourly.retentionUnit,
  )
  if (restoreWindowDays > hourlyDays) {
    const kept = describeRetention(hourly.retentionValue, hourly.retentionUnit)
    const asDays = hourly.retentionUnit === 'days' ? '' : `, ${hourlyDays} days`
    return refuse(
      `restoreWindowDays must be at most the hourly retention (${kept}${asDays})`,
      field,
      ruleErrorCodes.invalidRestoreWindow,
    )
  }
  return ok
}

export type SnapshotTimeInput = {
  referenceHourOfDay?: MaybeNumber
  referenceMinuteOfHour?: MaybeNumber
}

export function validateSnapshotTime(time: SnapshotTimeInput): RuleRefusal[] {
  const { referenceHourOfDay: hour, referenceMinuteOfHour: minute } = time
  return allRefusals([
    isAbsent(hour)
      ? ok
      : checkIntegerInRange(hour, 'referenceHourOfDay', 0, 23),
    isAbsent(minute)
      ? ok
      : checkIntegerInRange(minute, 'referenceMinuteOfHour', 0, 59),
  ])
}
