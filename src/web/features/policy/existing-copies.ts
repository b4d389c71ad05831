import { retentionUnits } from '../../../contract/atlas/common'
import { snapshotCopyKind } from '../../../contract/rules/copy-kinds'
import type { ExistingCopyInput } from '../../../contract/rules/copy-retention-changes'
import type { CopySettingInput } from '../../../contract/rules/copy-settings'
import { addRetention } from '../../../contract/rules/retention'
import type { CopiedSnapshot } from './copied-snapshots'

// The copies a cluster holds in its copy regions, as copy-retention-changes.ts takes them. The
// snapshot list names the regions holding a copy (copyRegions) but not the copy's expiry, so it
// is estimated from the saved copy retention of the snapshot's kind, counted from when the
// snapshot was taken (as Atlas counts it); a copy of no such item keeps its snapshot's expiry.
// The zone is that of the saved copy setting for the region.

function estimatedExpiry(
  snapshot: CopiedSnapshot,
  setting: CopySettingInput,
  kind: string | undefined,
): Date {
  const item = setting.copyPolicyItems?.find((i) => i.frequencyType === kind)
  const unit = retentionUnits.find((u) => u === item?.retentionUnit)
  const value = item?.retentionValue
  if (
    setting.lastNumberOfSnapshots != null ||
    !unit ||
    typeof value !== 'number' ||
    !Number.isInteger(value)
  ) {
    return new Date(snapshot.expiresAt)
  }
  return addRetention(new Date(snapshot.createdAt), value, unit)
}

export function existingCopies(
  copied: readonly CopiedSnapshot[],
  saved: readonly CopySettingInput[],
): ExistingCopyInput[] {
  return copied.flatMap((snapshot) => {
    const kind = snapshotCopyKind(snapshot)
    return snapshot.copyRegions.flatMap((regionName): ExistingCopyInput[] => {
      const setting = saved.find((s) => s.regionName === regionName)
      if (!setting || typeof setting.zoneId !== 'string') return []
      const last = setting.lastNumberOfSnapshots
      return [
        {
          snapshotId: snapshot.id,
          createdAt: new Date(snapshot.createdAt),
          kind,
          zoneId: setting.zoneId,
          regionName,
          expiresAt: estimatedExpiry(snapshot, setting, kind),
          ...(typeof last === 'number' ? { lastOf: last } : {}),
        },
      ]
    })
  })
}
