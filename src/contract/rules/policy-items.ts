import {
  MAX_INT32,
  retentionUnits,
  snapshotFrequencyTypes,
} from '../atlas/common'
import type { PolicyFrequencyType, RetentionUnit } from '../atlas/common'
import { checkIntegerInRange, listWithOr } from './field-checks'
import { allRefusals, ok, refuse } from './result'
import type { RuleRefusal, RuleResult } from './result'
import { allowedIntervals } from './policy-intervals'
import type { PolicyOptions } from './policy-intervals'

// P1–P3: one backup policy item (DiskBackupApiPolicyItem) and the items of one policy.

export type PolicyItemInput = {
  id?: string | undefined
  frequencyType: PolicyFrequencyType
  frequencyInterval: number
  retentionUnit: RetentionUnit
  retentionValue: number
}

const intervalMeaning: Record<PolicyFrequencyType, string> = {
  hourly: 'the hours between snapshots',
  daily: '1',
  weekly: 'the day of the week, 1 (Monday) to 7 (Sunday)',
  monthly: 'the day of the month, 1 to 28, or 40 for the last day',
  yearly: 'the month, 1 (January) to 12 (December)',
  ondemand: '',
}

function checkInterval(
  item: PolicyItemInput,
  path: string,
  options: PolicyOptions,
): RuleResult {
  const allowed = allowedIntervals(item.frequencyType, options).map(
    (o) => o.value,
  )
  if (allowed.includes(item.frequencyInterval)) return ok
  const field = `${path}.frequencyInterval`
  const type = item.frequencyType
  if (type === 'hourly') {
    return refuse(
      options.nvme
        ? 'NVMe clusters take hourly snapshots only every 12 hours: frequencyInterval must be 12'
        : `frequencyInterval of an hourly item must be ${listWithOr(allowed)}`,
      field,
    )
  }
  return refuse(
    `frequencyInterval of a ${type} item must be ${intervalMeaning[type]}`,
    field,
  )
}

/** P1, P2: one item's fields. `path` is e.g. 'policies.0.policyItems.2'. */
export function validatePolicyItem(
  item: PolicyItemInput,
  path: string,
  options: PolicyOptions,
): RuleRefusal[] {
  if (
    !(snapshotFrequencyTypes as readonly string[]).includes(item.frequencyType)
  ) {
    // 'ondemand' is in the spec's enum, but on-demand snapshots take their retention from
    // retentionInDays (S1); a schedule item with it would never produce a snapshot.
    return [
      refuse(
        'frequencyType must be hourly, daily, weekly, monthly or yearly',
        `${path}.frequencyType`,
      ),
    ]
  }
  return allRefusals([
    checkInterval(item, path, options),
    (retentionUnits as readonly string[]).includes(item.retentionUnit)
      ? ok
      : refuse(
          'retentionUnit must be days, weeks, months or years',
          `${path}.retentionUnit`,
        ),
    checkIntegerInRange(
      item.retentionValue,
      `${path}.retentionValue`,
      1,
      MAX_INT32,
    ),
  ])
}

/** P3: "You cannot specify multiple Hourly and Daily backup policy items" (reference 003). */
export function validatePolicyItemCounts(
  items: readonly PolicyItemInput[],
  itemsPath: string,
): RuleRefusal[] {
  const refusals: RuleRefusal[] = []
  for (const type of ['hourly', 'daily'] as const) {
    const indexes = items.flatMap((item, i) =>
      item.frequencyType === type ? [i] : [],
    )
    for (const i of indexes.slice(1)) {
      refusals.push(
        refuse(
          `A policy may have only one ${type} item; remove this one or the one above`,
          `${itemsPath}.${i}.frequencyType`,
        ),
      )
    }
  }
  return refusals
}
