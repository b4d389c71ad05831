import type {
  CopyPolicyItemInput,
  CopySettingInput,
} from '../../../contract/rules/copy-settings'

// When the editor offers the schedule PATCH's copy flags (issue 9, ATLAS-CONTRACT.md §6), read
// as copy-retention-changes.ts reads them: both concern copy regions kept by the edit (same zone
// and region) that copy by kind. updateCopySnapshots matters when a kind copied before and after
// changes its copy retention; deleteCopySnapshots when a kind copied before is copied no more.
// A flag not offered is not sent, so one ticked before the edit was undone does nothing.

export type CopyFlagOffers = { update: boolean; delete: boolean }

export type CopyFlags = {
  updateCopySnapshots: boolean
  deleteCopySnapshots: boolean
}

const samePlace = (a: CopySettingInput, b: CopySettingInput) =>
  a.zoneId === b.zoneId && a.regionName === b.regionName

/** The copy policy items by kind; none when the setting copies the last N snapshots. */
function itemsOf(setting: CopySettingInput): Map<string, CopyPolicyItemInput> {
  if (setting.lastNumberOfSnapshots != null) return new Map()
  return new Map(
    (setting.copyPolicyItems ?? []).map((i) => [i.frequencyType, i]),
  )
}

const retentionChanged = (a: CopyPolicyItemInput, b: CopyPolicyItemInput) =>
  a.frequencyType !== 'ondemand' &&
  (a.retentionUnit !== b.retentionUnit || a.retentionValue !== b.retentionValue)

export function copyFlagOffers(
  saved: readonly CopySettingInput[],
  edited: readonly CopySettingInput[],
): CopyFlagOffers {
  const offers: CopyFlagOffers = { update: false, delete: false }
  for (const before of saved) {
    const after = edited.find((s) => samePlace(s, before))
    if (!after) continue
    const next = itemsOf(after)
    for (const [kind, item] of itemsOf(before)) {
      const now = next.get(kind)
      if (!now) offers.delete = true
      else if (retentionChanged(item, now)) offers.update = true
    }
  }
  return offers
}

/** The flags as sent: one not offered is off. */
export function offeredCopyFlags<T extends CopyFlags>(
  values: T,
  offers: CopyFlagOffers,
): T {
  return {
    ...values,
    updateCopySnapshots: offers.update && values.updateCopySnapshots,
    deleteCopySnapshots: offers.delete && values.deleteCopySnapshots,
  }
}
