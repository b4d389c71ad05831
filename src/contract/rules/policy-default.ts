import { LAST_DAY_OF_MONTH } from './policy-intervals'
import type { PolicyOptions } from './policy-intervals'
import type { PolicyItemInput } from './policy-items'
import type { PolicyScheduleInput } from './policy-validate'

// P8: the default policy (reference 003): snapshots at 18:00 UTC; hourly every 6 hours (12 on
// NVMe) kept 2 days; daily kept 7 days; weekly on Saturday kept 4 weeks; monthly on the last day
// kept 12 months. The sandbox seeds it; the editor offers "reset to default".

/** Saturday: weekly intervals count from Monday = 1 [spec]. */
export const SATURDAY = 6

/** The restore window matches the hourly retention, the longest P5 allows. */
export const DEFAULT_RESTORE_WINDOW_DAYS = 2

export function defaultPolicyItems(options: PolicyOptions): PolicyItemInput[] {
  return [
    {
      frequencyType: 'hourly',
      frequencyInterval: options.nvme ? 12 : 6,
      retentionUnit: 'days',
      retentionValue: 2,
    },
    {
      frequencyType: 'daily',
      frequencyInterval: 1,
      retentionUnit: 'days',
      retentionValue: 7,
    },
    {
      frequencyType: 'weekly',
      frequencyInterval: SATURDAY,
      retentionUnit: 'weeks',
      retentionValue: 4,
    },
    {
      frequencyType: 'monthly',
      frequencyInterval: LAST_DAY_OF_MONTH,
      retentionUnit: 'months',
      retentionValue: 12,
    },
  ]
}

/** A schedule body with exactly one policy, typed so `policies[0]` needs no check. */
export type DefaultPolicy = PolicyScheduleInput & {
  referenceHourOfDay: number
  referenceMinuteOfHour: number
  restoreWindowDays: number
  policies: [{ policyItems: PolicyItemInput[] }]
}

export function defaultPolicy(options: PolicyOptions): DefaultPolicy {
  return {
    referenceHourOfDay: 18,
    referenceMinuteOfHour: 0,
    restoreWindowDays: DEFAULT_RESTORE_WINDOW_DAYS,
    policies: [{ policyItems: defaultPolicyItems(options) }],
  }
}
