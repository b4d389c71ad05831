import type { PolicyFrequencyType } from '../atlas/common'

// P2: the frequencyInterval values each kind of policy item accepts, with labels for the policy
// editor's dropdowns: hourly 1, 2, 4, 6, 8, 12 (NVMe: 12); daily 1; weekly 1–7 (Monday = 1);
// monthly 1–28 or 40 (last day); yearly 1–12 (first day of that month) [spec, TF].

export type PolicyOptions = { nvme: boolean }

export type IntervalOption = { value: number; label: string }

const weekdays = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
]
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** 40 means the last day of the month [spec]. */
export const LAST_DAY_OF_MONTH = 40

function ordinal(n: number): string {
  const suffix =
    n % 10 === 1 && n !== 11
      ? 'st'
      : n % 10 === 2 && n !== 12
        ? 'nd'
        : n % 10 === 3 && n !== 13
          ? 'rd'
          : 'th'
  return `${n}${suffix}`
}

/**
 * P2: the frequencyInterval values an item of this type accepts, labelled for the editor's
 * dropdown. Empty for 'ondemand', which is no schedule item (see validatePolicyItem).
 */
export function allowedIntervals(
  frequencyType: PolicyFrequencyType,
  options: PolicyOptions,
): IntervalOption[] {
  switch (frequencyType) {
    case 'hourly': {
      // NVMe clusters accept only 12 [spec].
      const hours = options.nvme ? [12] : [1, 2, 4, 6, 8, 12]
      return hours.map((h) => ({
        value: h,
        label: h === 1 ? 'Every hour' : `Every ${h} hours`,
      }))
    }
    case 'daily':
      return [{ value: 1, label: 'Every day' }]
    case 'weekly':
      return weekdays.map((day, i) => ({ value: i + 1, label: day }))
    case 'monthly':
      return [
        ...Array.from({ length: 28 }, (_, i) => ({
          value: i + 1,
          label: ordinal(i + 1),
        })),
        { value: LAST_DAY_OF_MONTH, label: 'Last day' },
      ]
    case 'yearly':
      return months.map((month, i) => ({ value: i + 1, label: month }))
    case 'ondemand':
      return []
  }
}
