import type { CloudProvider } from '../../../contract/atlas/common'
import type {
  BackupSchedule,
  BackupScheduleUpdate,
  CopyPolicyItem,
  CopySetting,
  DeleteCopiedBackup,
} from '../../../contract/atlas/schedule'
import {
  type CopyKind,
  currentCopySettings,
  policyRetentionOf,
} from '../../../contract/rules/copy-kinds'
import type { CopySettingInput } from '../../../contract/rules/copy-settings'
import type { CopyZone } from '../../../contract/rules/copy-zones'
import type { PolicyItemInput } from '../../../contract/rules/policy-items'
import type {
  CopyItemFormValues,
  CopySettingFormValues,
  PolicyFormValues,
} from './form-schema'

// Copies to other regions and exports (issue 9) between Atlas's schedule and the form. The
// deprecated `frequencies` form is read as copyPolicyItems (currentCopySettings) and every save
// writes the current form back, with copyPolicyItemsEnabled true.

/** The schedule's copy and export settings as rules and diff read them. */
export type ExtrasShape = {
  copySettings: CopySettingInput[]
  deleteCopiedBackups: DeleteCopiedBackup[]
  autoExportEnabled: boolean
  export: { exportBucketId?: string; frequencyType?: string }
  useOrgAndGroupNamesInExportPrefix: boolean
}

export type ExtrasFormValues = Pick<
  PolicyFormValues,
  | 'copySettings'
  | 'deleteCopiedBackups'
  | 'autoExportEnabled'
  | 'export'
  | 'useOrgAndGroupNamesInExportPrefix'
>

function exportShape(
  exportBucketId: string | undefined,
  frequencyType: string | undefined,
): ExtrasShape['export'] {
  return {
    ...(exportBucketId ? { exportBucketId } : {}),
    ...(frequencyType ? { frequencyType } : {}),
  }
}

function itemInput(item: CopyItemFormValues | CopyPolicyItem): CopyPolicyItem {
  if (item.frequencyType === 'ondemand') return { frequencyType: 'ondemand' }
  const { frequencyType, retentionUnit, retentionValue } = item
  return { frequencyType, retentionUnit, retentionValue }
}

/** The saved schedule read as the form reads it, so an untouched form shows no change. */
export function scheduleExtras(schedule: BackupSchedule): ExtrasShape {
  return formExtras(extrasFormValues(schedule))
}

/** A form row as the rules and the PATCH take it: an empty count means copies by kind. */
export function copySettingOf(row: CopySettingFormValues): CopySetting {
  const last = row.lastNumberOfSnapshots
  const items = row.copyPolicyItems.map(itemInput)
  return {
    zoneId: row.zoneId,
    cloudProvider: row.cloudProvider as CloudProvider,
    regionName: row.regionName,
    shouldCopyOplogs: row.shouldCopyOplogs,
    ...(items.length > 0 || Number.isNaN(last)
      ? { copyPolicyItems: items }
      : {}),
    ...(Number.isNaN(last) ? {} : { lastNumberOfSnapshots: last }),
  }
}

export function formExtras(values: ExtrasFormValues): ExtrasShape {
  return {
    copySettings: values.copySettings.map(copySettingOf),
    deleteCopiedBackups: values.deleteCopiedBackups.map((d) => ({
      ...d,
      cloudProvider: d.cloudProvider as CloudProvider,
    })),
    autoExportEnabled: values.autoExportEnabled,
    export: exportShape(
      values.export.exportBucketId,
      values.export.frequencyType,
    ),
    useOrgAndGroupNamesInExportPrefix: values.useOrgAndGroupNamesInExportPrefix,
  }
}

function formItem(item: CopyPolicyItem): CopyItemFormValues {
  return item.frequencyType === 'ondemand'
    ? { frequencyType: 'ondemand', retentionUnit: 'days', retentionValue: 1 }
    : {
        frequencyType: item.frequencyType,
        retentionUnit: item.retentionUnit,
        retentionValue: item.retentionValue,
      }
}

export function extrasFormValues(schedule: BackupSchedule): ExtrasFormValues {
  return {
    copySettings: currentCopySettings(schedule).map((s) => ({
      zoneId: s.zoneId,
      cloudProvider: s.cloudProvider ?? '',
      regionName: s.regionName ?? '',
      shouldCopyOplogs: s.shouldCopyOplogs ?? false,
      copyPolicyItems: (s.copyPolicyItems ?? []).map(formItem),
      lastNumberOfSnapshots: s.lastNumberOfSnapshots ?? Number.NaN,
    })),
    deleteCopiedBackups: [],
    autoExportEnabled: schedule.autoExportEnabled ?? false,
    export: {
      exportBucketId: schedule.export?.exportBucketId ?? '',
      frequencyType: schedule.export?.frequencyType ?? '',
    },
    useOrgAndGroupNamesInExportPrefix:
      schedule.useOrgAndGroupNamesInExportPrefix ?? false,
  }
}

/** The copy and export part of the PATCH body, always in the current form. */
export function extrasBody(
  values: ExtrasFormValues,
): Partial<BackupScheduleUpdate> {
  const shape = formExtras(values)
  const hasExport = Object.keys(shape.export).length > 0
  return {
    copyPolicyItemsEnabled: true,
    copySettings: values.copySettings.map(copySettingOf),
    autoExportEnabled: shape.autoExportEnabled,
    ...(hasExport
      ? { export: shape.export as BackupScheduleUpdate['export'] }
      : {}),
    useOrgAndGroupNamesInExportPrefix: shape.useOrgAndGroupNamesInExportPrefix,
    ...(shape.deleteCopiedBackups.length > 0
      ? { deleteCopiedBackups: shape.deleteCopiedBackups }
      : {}),
  }
}

/** The kind as a copy row offers it, kept as long as the policy keeps that kind. */
export function newCopyItem(
  kind: CopyKind,
  items: readonly PolicyItemInput[],
): CopyItemFormValues {
  return kind === 'ondemand'
    ? { frequencyType: 'ondemand', retentionUnit: 'days', retentionValue: 1 }
    : { frequencyType: kind, ...policyRetentionOf(items, kind) }
}

/**
 * A new copy region for the zone: the first region offered (one without the cluster's
 * nodes), copying every scheduled kind the policy takes, each kept as the policy keeps it.
 */
export function newCopySetting(
  zone: CopyZone,
  regionName: string,
  items: readonly PolicyItemInput[],
  kinds: readonly CopyKind[],
): CopySettingFormValues {
  return {
    zoneId: zone.zoneId,
    cloudProvider: zone.provider ?? '',
    regionName,
    shouldCopyOplogs: false,
    copyPolicyItems: kinds
      .filter((k) => k !== 'ondemand')
      .map((k) => newCopyItem(k, items)),
    lastNumberOfSnapshots: Number.NaN,
  }
}
