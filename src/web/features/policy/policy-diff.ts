import type { CopyZone } from '../../../contract/rules/copy-zones'
import type { PolicyItemInput } from '../../../contract/rules/policy-items'
import { diffExtras } from './copy-diff'
import {
  describeInterval,
  describeItem,
  describeKept,
  describeUtcTime,
  frequencyLabels,
} from './describe-item'
import type { PolicyShape } from './form-values'

// What saving would change (P7: consequences before saving), and what someone else changed
// (a 412). Items pair up by Atlas id; items without one (new rows, a reset) pair with a saved
// item of the same frequency and interval, then of the same frequency, so an edit reads as
// "changed" rather than as one removal and one addition.

export type FieldChange = { label: string; before: string; after: string }
export type ItemChange = { before: PolicyItemInput; after: PolicyItemInput }

export type PolicyDiff = {
  fields: FieldChange[]
  added: PolicyItemInput[]
  removed: PolicyItemInput[]
  changed: ItemChange[]
  /** Copies to other regions and exports, in words (issue 9). */
  extras: string[]
}

const sameItem = (a: PolicyItemInput, b: PolicyItemInput) =>
  a.frequencyType === b.frequencyType &&
  a.frequencyInterval === b.frequencyInterval &&
  a.retentionUnit === b.retentionUnit &&
  a.retentionValue === b.retentionValue

function pairItems(
  saved: readonly PolicyItemInput[],
  edited: readonly PolicyItemInput[],
) {
  const left = [...saved]
  const pairs: ItemChange[] = []
  const take = (i: number) => left.splice(i, 1)[0]
  const passes: ((s: PolicyItemInput, e: PolicyItemInput) => boolean)[] = [
    (s, e) => e.id !== undefined && s.id === e.id,
    (s, e) =>
      s.frequencyType === e.frequencyType &&
      s.frequencyInterval === e.frequencyInterval,
    (s, e) => s.frequencyType === e.frequencyType,
  ]
  let pending = [...edited]
  for (const matches of passes) {
    const next: PolicyItemInput[] = []
    for (const e of pending) {
      const i = left.findIndex((s) => matches(s, e))
      const s = i < 0 ? undefined : take(i)
      if (s) pairs.push({ before: s, after: e })
      else next.push(e)
    }
    pending = next
  }
  return { pairs, added: pending, removed: left }
}

function text(value: number | undefined, unit: string): string {
  if (value === undefined) return 'not set'
  if (!Number.isInteger(value)) return '—'
  return `${value} ${value === 1 ? unit : `${unit}s`}`
}

export function diffPolicy(
  saved: PolicyShape,
  edited: PolicyShape,
  options: { pitEnabled: boolean; zones?: readonly CopyZone[] },
): PolicyDiff {
  const fields: FieldChange[] = []
  const timeBefore = describeUtcTime(
    saved.referenceHourOfDay,
    saved.referenceMinuteOfHour,
  )
  const timeAfter = describeUtcTime(
    edited.referenceHourOfDay,
    edited.referenceMinuteOfHour,
  )
  if (timeBefore !== timeAfter) {
    fields.push({
      label: 'Snapshot time',
      before: timeBefore,
      after: timeAfter,
    })
  }
  if (
    options.pitEnabled &&
    saved.restoreWindowDays !== edited.restoreWindowDays
  ) {
    fields.push({
      label: 'Restore window',
      before: text(saved.restoreWindowDays, 'day'),
      after: text(edited.restoreWindowDays, 'day'),
    })
  }
  const { pairs, added, removed } = pairItems(saved.items, edited.items)
  const zoneName = (zoneId: string) =>
    options.zones?.find((z) => z.zoneId === zoneId)?.zoneName ?? zoneId
  return {
    fields,
    added,
    removed,
    changed: pairs.filter((p) => !sameItem(p.before, p.after)),
    extras:
      saved.extras && edited.extras
        ? diffExtras(saved.extras, edited.extras, zoneName)
        : [],
  }
}

export function isEmptyDiff(diff: PolicyDiff): boolean {
  return (
    diff.fields.length +
      diff.added.length +
      diff.removed.length +
      diff.changed.length +
      diff.extras.length ===
    0
  )
}

/** "Weekly item: on Saturday → on Sunday, kept 4 weeks → kept 8 weeks". */
function describeChange({ before, after }: ItemChange): string {
  const parts: string[] = []
  if (before.frequencyType !== after.frequencyType) {
    parts.push(
      `${frequencyLabels[before.frequencyType].toLowerCase()} → ${frequencyLabels[after.frequencyType].toLowerCase()}`,
    )
  }
  const intervalBefore = describeInterval(
    before.frequencyType,
    before.frequencyInterval,
  )
  const intervalAfter = describeInterval(
    after.frequencyType,
    after.frequencyInterval,
  )
  if (intervalBefore !== intervalAfter)
    parts.push(`${intervalBefore} → ${intervalAfter}`)
  const keptBefore = describeKept(before.retentionValue, before.retentionUnit)
  const keptAfter = describeKept(after.retentionValue, after.retentionUnit)
  if (keptBefore !== keptAfter) parts.push(`${keptBefore} → ${keptAfter}`)
  return `${frequencyLabels[before.frequencyType]} item: ${parts.join(', ')}`
}

/** One sentence per change, top-level fields first. */
export function describeDiff(diff: PolicyDiff): string[] {
  return [
    ...diff.fields.map((f) => `${f.label}: ${f.before} → ${f.after}`),
    ...diff.changed.map(describeChange),
    ...diff.added.map((item) => `Added: ${describeItem(item)}`),
    ...diff.removed.map((item) => `Removed: ${describeItem(item)}`),
    ...diff.extras,
  ]
}
