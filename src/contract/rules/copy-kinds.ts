import {
  type RetentionUnit,
  type SnapshotFrequencyType,
  snapshotFrequencyTypes,
} from '../atlas/common'
import type {
  CopyPolicyItem,
  CopySetting,
  UpperFrequencyType,
} from '../atlas/schedule'
import { retentionNominalDays } from './retention'

// Which snapshots a copy region takes. The current form is `copyPolicyItems` (each kind with
// its own retention in the copy region); the deprecated `frequencies` (HOURLY…ON_DEMAND) named
// only kinds, the copies keeping the retention of the snapshots they copy. Atlas returns one
// form or the other by `copyPolicyItemsEnabled` [spec]; the editor reads both and writes the
// current one back (issue 9).

/** The kinds a copy setting can copy: the scheduled frequencies and on-demand snapshots. */
export const copyKinds = [...snapshotFrequencyTypes, 'ondemand'] as const
export type CopyKind = (typeof copyKinds)[number]

const upperOf: Record<CopyKind, UpperFrequencyType> = {
  hourly: 'HOURLY',
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  yearly: 'YEARLY',
  ondemand: 'ON_DEMAND',
}

export function kindOfUpper(upper: string): CopyKind | undefined {
  return copyKinds.find((kind) => upperOf[kind] === upper)
}

export function upperOfKind(kind: CopyKind): UpperFrequencyType {
  return upperOf[kind]
}

type PolicyItemLike = {
  frequencyType: string
  retentionUnit: RetentionUnit
  retentionValue: number
}

/** "Only kinds the policy takes": its items' frequencies, and on-demand snapshots always. */
export function copyKindsOf(items: readonly { frequencyType: string }[]) {
  return copyKinds.filter(
    (kind) =>
      kind === 'ondemand' || items.some((item) => item.frequencyType === kind),
  )
}

/** The longest retention the policy keeps a kind for, as a copy item would keep it. */
export function policyRetentionOf(
  items: readonly PolicyItemLike[],
  kind: SnapshotFrequencyType,
): { retentionUnit: RetentionUnit; retentionValue: number } {
  const longest = items
    .filter((item) => item.frequencyType === kind)
    .sort(
      (a, b) =>
        retentionNominalDays(b.retentionValue, b.retentionUnit) -
        retentionNominalDays(a.retentionValue, a.retentionUnit),
    )[0]
  return longest
    ? {
        retentionUnit: longest.retentionUnit,
        retentionValue: longest.retentionValue,
      }
    : { retentionUnit: 'days', retentionValue: 7 }
}

/** A deprecated frequency as the copy policy item that means the same. */
function itemOfUpper(
  upper: string,
  items: readonly PolicyItemLike[],
): CopyPolicyItem[] {
  const kind = kindOfUpper(upper)
  if (kind === undefined) return []
  if (kind === 'ondemand') return [{ frequencyType: 'ondemand' }]
  return [{ frequencyType: kind, ...policyRetentionOf(items, kind) }]
}

/**
 * The schedule's copy settings in the current form: `frequencies` (read when
 * copyPolicyItemsEnabled is not true) become copyPolicyItems with the policy's retention.
 */
export function currentCopySettings(schedule: {
  copyPolicyItemsEnabled?: boolean | undefined
  copySettings?: readonly CopySetting[] | undefined
  policies: readonly { policyItems: readonly PolicyItemLike[] }[]
}): CopySetting[] {
  const items = schedule.policies[0]?.policyItems ?? []
  return (schedule.copySettings ?? []).map((setting) => {
    if (schedule.copyPolicyItemsEnabled === true) return setting
    const rest: CopySetting = { ...setting }
    delete rest.frequencies
    delete rest.copyPolicyItems
    if (rest.lastNumberOfSnapshots !== undefined) return rest
    return {
      ...rest,
      copyPolicyItems: (setting.frequencies ?? []).flatMap((f) =>
        itemOfUpper(f, items),
      ),
    }
  })
}

/** The kind of snapshot a copy item takes: scheduled of a frequency, or on-demand. */
export function snapshotCopyKind(snapshot: {
  snapshotType?: string | undefined
  frequencyType?: string | undefined
}): CopyKind | undefined {
  if (snapshot.snapshotType === 'onDemand') return 'ondemand'
  return copyKinds.find((kind) => kind === snapshot.frequencyType)
}
