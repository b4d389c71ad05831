import { validatePolicyItem, validatePolicyItemCounts } from './policy-items'
import type { PolicyOptions } from './policy-intervals'
import type { PolicyItemInput } from './policy-items'
import { validatePolicyRetention } from './policy-retention'
import { checkRestoreWindowDays, validateSnapshotTime } from './policy-window'
import type { MaybeNumber } from './field-checks'
import { allRefusals, firstRefusal, refuse } from './result'
import type { RuleRefusal, RuleResult } from './result'

// P1–P6 together, over the schedule the editor sends back whole (PATCH requires `policies`).
// The shape mirrors DiskBackupSnapshotSchedule20240805 so refusal fields are request-body paths
// such as 'policies.0.policyItems.2.retentionValue'.

export type PolicyScheduleInput = {
  referenceHourOfDay?: MaybeNumber
  referenceMinuteOfHour?: MaybeNumber
  restoreWindowDays?: MaybeNumber
  policies: readonly {
    id?: string | undefined
    policyItems: readonly PolicyItemInput[]
  }[]
}

export type PolicyValidationOptions = PolicyOptions & {
  /** Continuous cloud backup: only then does restoreWindowDays matter (P5). */
  pitEnabled: boolean
}

/** Every refusal, for the editor to show next to each field. */
export function validatePolicy(
  schedule: PolicyScheduleInput,
  options: PolicyValidationOptions,
): RuleRefusal[] {
  // P1: one policy [spec maxItems 1], and PATCH requires it.
  if (schedule.policies.length !== 1) {
    return [
      refuse(
        `A backup schedule has exactly one policy; this one has ${schedule.policies.length}`,
        'policies',
      ),
    ]
  }
  const items = schedule.policies[0]?.policyItems ?? []
  const itemsPath = 'policies.0.policyItems'
  const refusals: RuleRefusal[] = []
  if (items.length === 0) {
    refusals.push(
      refuse('The policy needs at least one policy item', itemsPath),
    )
  }
  items.forEach((item, i) => {
    refusals.push(...validatePolicyItem(item, `${itemsPath}.${i}`, options))
  })
  refusals.push(
    ...validatePolicyItemCounts(items, itemsPath),
    ...validatePolicyRetention(items, itemsPath),
    ...validateSnapshotTime(schedule),
  )
  if (options.pitEnabled) {
    refusals.push(
      ...allRefusals([
        checkRestoreWindowDays(schedule.restoreWindowDays, items),
      ]),
    )
  }
  return refusals
}

/** The first refusal, for the BFF and the sandbox. */
export function checkPolicy(
  schedule: PolicyScheduleInput,
  options: PolicyValidationOptions,
): RuleResult {
  return firstRefusal(validatePolicy(schedule, options))
}
