import { type FieldErrors, type FieldValues, get, set } from 'react-hook-form'

import { ITEMS } from './form-schema'

// Refusals (from the rules in the browser, or from the BFF's 400) are named by request-body
// paths; the form's fields have the same names. A few paths name no input: the items array
// itself ('policies.0.policyItems', e.g. "needs at least one item") shows under the table, and
// anything else (the If-Match header, a field the editor does not show) above the Save button.

/** Where a refusal's path lands in react-hook-form's errors. */
export function formPathOf(field: string | undefined): string {
  if (field === ITEMS) return `${ITEMS}.root`
  // A copy setting's list of kinds ("name at least one kind", "at most 6") shows under it.
  if (field !== undefined && /^copySettings\.\d+\.copyPolicyItems$/.test(field))
    return `${field}.root`
  if (field === undefined || field === '' || field === 'policies')
    return 'root.policy'
  return field
}

const FIELD_WORDS: Record<string, string> = {
  referenceHourOfDay: 'the hour',
  referenceMinuteOfHour: 'the minute',
  restoreWindowDays: 'the restore window',
  retentionValue: 'the retention',
  frequencyInterval: 'the interval',
  frequencyType: 'the frequency',
  lastNumberOfSnapshots: 'the number of last snapshots',
  shouldCopyOplogs: 'Copying oplogs',
  copyPolicyItems: 'the snapshots to copy',
  cloudProvider: 'the cloud provider',
  regionName: 'the region',
  exportBucketId: 'the export bucket id',
}

/** The rules' reasons name fields as the API does; the editor says them as its labels do. */
export function humanize(reason: string): string {
  let text = reason
  for (const [field, words] of Object.entries(FIELD_WORDS)) {
    text = text.replaceAll(field, words)
  }
  text = text.replace(/must be an integer/g, 'must be a whole number')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export type FlatError = { path: string; message: string }

/** Every message in a (nested) errors object, with its path, in form order. */
export function flattenErrors(errors: FieldErrors, prefix = ''): FlatError[] {
  const out: FlatError[] = []
  for (const [key, value] of Object.entries(errors)) {
    if (value === undefined || value === null || key === 'ref') continue
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'object' && 'message' in value && 'type' in value) {
      if (typeof value.message === 'string' && value.message !== '')
        out.push({ path, message: value.message })
      continue
    }
    if (typeof value === 'object')
      out.push(...flattenErrors(value as FieldErrors, path))
  }
  return out
}

/** Puts each message on its path, the first one per path winning. */
export function addErrors<T extends FieldValues>(
  errors: FieldErrors<T>,
  refusals: readonly { field?: string | undefined; reason: string }[],
  type: string,
): FieldErrors<T> {
  for (const refusal of refusals) {
    const path = formPathOf(refusal.field)
    const existing: unknown = get(errors, path)
    if (existing && typeof existing === 'object' && 'type' in existing) {
      if ((existing as { type: string }).type === type) continue
    }
    set(errors, path, { type, message: humanize(refusal.reason) })
  }
  return errors
}
