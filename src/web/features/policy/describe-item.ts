import type {
  PolicyFrequencyType,
  RetentionUnit,
} from '../../../contract/atlas/common'
import {
  LAST_DAY_OF_MONTH,
  allowedIntervals,
} from '../../../contract/rules/policy-intervals'
import { describeRetention } from '../../../contract/rules/retention'

// Policy items and schedule times in words, for the diff, the conflict notice and labels.

export type ItemWords = {
  frequencyType: PolicyFrequencyType
  frequencyInterval: number
  retentionUnit: RetentionUnit
  retentionValue: number
}

export const frequencyLabels: Record<PolicyFrequencyType, string> = {
  hourly: 'Hourly',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  yearly: 'Yearly',
  ondemand: 'On demand',
}

/** "every 6 hours", "every day", "on Saturday", "on the 28th", "on the last day", "on 1 March". */
export function describeInterval(
  frequencyType: PolicyFrequencyType,
  interval: number,
): string {
  // Every value P2 knows, NVMe or not: words describe, the rules judge.
  const option = allowedIntervals(frequencyType, { nvme: false }).find(
    (o) => o.value === interval,
  )
  if (!option) return `interval ${Number.isNaN(interval) ? '—' : interval}`
  switch (frequencyType) {
    case 'hourly':
    case 'daily':
      return option.label.toLowerCase()
    case 'weekly':
      return `on ${option.label}`
    case 'monthly':
      return interval === LAST_DAY_OF_MONTH
        ? 'on the last day'
        : `on the ${option.label}`
    case 'yearly':
      return `on 1 ${option.label}`
    case 'ondemand':
      return option.label
  }
}

export function describeKept(value: number, unit: RetentionUnit): string {
  return Number.isInteger(value)
    ? `kept ${describeRetention(value, unit)}`
    : `kept — ${unit}`
}

/** "Weekly on Saturday, kept 4 weeks". */
export function describeItem(item: ItemWords): string {
  return `${frequencyLabels[item.frequencyType]} ${describeInterval(item.frequencyType, item.frequencyInterval)}, ${describeKept(item.retentionValue, item.retentionUnit)}`
}

const pad = (n: number) => String(n).padStart(2, '0')

/** "18:00 UTC"; "—" for a half-typed time. */
export function describeUtcTime(
  hour: number | null | undefined,
  minute: number | null | undefined,
): string {
  if (!Number.isInteger(hour) || !Number.isInteger(minute)) return '—'
  return `${pad(hour ?? 0)}:${pad(minute ?? 0)} UTC`
}
