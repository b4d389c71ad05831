import type { BackupSchedule } from '../../../contract/atlas/schedule'
import type { ItemFormValues, PolicyFormValues } from './form-schema'
import { toFormValues } from './form-values'

// After a conflict (412), the operator's edits go on top of the version someone else saved: a
// field the operator changed keeps the operator's value, a field they left alone takes the new
// saved value. Items pair by Atlas id: one the operator removed stays removed, one they added
// is added, one only the other person added or removed follows them. Where both changed the
// same field the operator's value wins, and the diff against the new version shows it.

type ItemField = Exclude<keyof ItemFormValues, 'itemId'>
const ITEM_FIELDS: ItemField[] = [
  'frequencyType',
  'frequencyInterval',
  'retentionUnit',
  'retentionValue',
]

const same = (a: unknown, b: unknown) =>
  a === b ||
  (Number.isNaN(a) && Number.isNaN(b)) ||
  (typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b))

function pick<T>(mine: T, before: T, theirs: T): T {
  return same(mine, before) ? theirs : mine
}

function mergeItem(
  mine: ItemFormValues,
  before: ItemFormValues,
  theirs: ItemFormValues,
): ItemFormValues {
  const merged: ItemFormValues = { ...theirs }
  for (const field of ITEM_FIELDS) {
    Object.assign(merged, {
      [field]: pick(mine[field], before[field], theirs[field]),
    })
  }
  return merged
}

export function rebaseEdits(
  before: BackupSchedule,
  mine: PolicyFormValues,
  theirs: BackupSchedule,
): PolicyFormValues {
  const old = toFormValues(before)
  const next = toFormValues(theirs)
  const byId = (items: readonly ItemFormValues[], id: string | undefined) =>
    id === undefined ? undefined : items.find((i) => i.itemId === id)
  const mineItems = mine.policies[0].policyItems
  const oldItems = old.policies[0].policyItems

  const items: ItemFormValues[] = []
  for (const their of next.policies[0].policyItems) {
    const original = byId(oldItems, their.itemId)
    const edited = byId(mineItems, their.itemId)
    if (!original) {
      items.push(their) // Theirs is new.
    } else if (edited) {
      items.push(mergeItem(edited, original, their))
    } // else: the operator removed it.
  }
  for (const item of mineItems) {
    const original = byId(oldItems, item.itemId)
    if (!original) {
      items.push(item) // The operator's new item.
    } else if (
      !byId(next.policies[0].policyItems, item.itemId) &&
      ITEM_FIELDS.some((f) => !same(item[f], original[f]))
    ) {
      // They removed an item the operator edited: the edit survives, as a new item.
      items.push({
        frequencyType: item.frequencyType,
        frequencyInterval: item.frequencyInterval,
        retentionUnit: item.retentionUnit,
        retentionValue: item.retentionValue,
      })
    }
  }

  return {
    referenceHourOfDay: pick(
      mine.referenceHourOfDay,
      old.referenceHourOfDay,
      next.referenceHourOfDay,
    ),
    referenceMinuteOfHour: pick(
      mine.referenceMinuteOfHour,
      old.referenceMinuteOfHour,
      next.referenceMinuteOfHour,
    ),
    restoreWindowDays: pick(
      mine.restoreWindowDays,
      old.restoreWindowDays,
      next.restoreWindowDays,
    ),
    policies: [{ policyItems: items }],
    updateSnapshots: mine.updateSnapshots,
    updateCopySnapshots: mine.updateCopySnapshots,
    deleteCopySnapshots: mine.deleteCopySnapshots,
    // Copies and exports (issue 9) as a whole: the operator's if they changed them.
    copySettings: pick(mine.copySettings, old.copySettings, next.copySettings),
    deleteCopiedBackups: mine.deleteCopiedBackups,
    autoExportEnabled: pick(
      mine.autoExportEnabled,
      old.autoExportEnabled,
      next.autoExportEnabled,
    ),
    export: pick(mine.export, old.export, next.export),
    useOrgAndGroupNamesInExportPrefix: pick(
      mine.useOrgAndGroupNamesInExportPrefix,
      old.useOrgAndGroupNamesInExportPrefix,
      next.useOrgAndGroupNamesInExportPrefix,
    ),
  }
}
