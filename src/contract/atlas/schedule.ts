import { z } from 'zod'
import {
  cloudProviders,
  clusterNameSchema,
  frequencyIntervals,
  isoDateTimeSchema,
  linkSchema,
  objectIdSchema,
  policyFrequencyTypes,
  retentionUnits,
  snapshotFrequencyTypes,
} from './common'

// DiskBackupSnapshotSchedule20240805 (ATLAS-CONTRACT.md §6). Per-type
// intervals, retention order and the restore window (P2-P5) live in rules/.

/** DiskBackupApiPolicyItem: lowercase enums; every field but id required. */
export const policyItemSchema = z.looseObject({
  // readOnly in the spec, but edits send it back to name the item.
  id: objectIdSchema.optional(),
  frequencyType: z.enum(policyFrequencyTypes),
  frequencyInterval: z.literal(frequencyIntervals),
  retentionUnit: z.enum(retentionUnits),
  retentionValue: z.int32(),
})
export type PolicyItem = z.infer<typeof policyItemSchema>

export const backupPolicySchema = z.looseObject({
  id: objectIdSchema.optional(),
  policyItems: z.array(policyItemSchema),
})
export type BackupPolicy = z.infer<typeof backupPolicySchema>

export const exportFrequencyTypes = ['monthly', 'yearly'] as const

/** AutoExportPolicyView: the spec says monthly | yearly, the CLI differs. */
export const exportPolicySchema = z.looseObject({
  exportBucketId: objectIdSchema.optional(),
  frequencyType: z.enum(exportFrequencyTypes).optional(),
})
export type ExportPolicy = z.infer<typeof exportPolicySchema>

/** extraRetentionSettings and copy frequencies: UPPERCASE (§10). */
export const upperFrequencyTypes = [
  'HOURLY',
  'DAILY',
  'WEEKLY',
  'MONTHLY',
  'YEARLY',
  'ON_DEMAND',
] as const
export type UpperFrequencyType = (typeof upperFrequencyTypes)[number]

export const extraRetentionSettingSchema = z.looseObject({
  frequencyType: z.enum(upperFrequencyTypes).optional(),
  retentionDays: z.int32().optional(),
})
export type ExtraRetentionSetting = z.infer<typeof extraRetentionSettingSchema>

// copySettings[] (DiskBackupCopySetting20240805, §6). Version 2024-08-05 keys
// copies by zoneId, not replicationSpecId.

export const onDemandCopyPolicyItemSchema = z.looseObject({
  id: objectIdSchema.optional(),
  frequencyType: z.literal('ondemand'),
})
export type OnDemandCopyPolicyItem = z.infer<
  typeof onDemandCopyPolicyItemSchema
>

export const timeBasedCopyPolicyItemSchema = z.looseObject({
  id: objectIdSchema.optional(),
  frequencyType: z.enum(snapshotFrequencyTypes),
  retentionUnit: z.enum(retentionUnits),
  retentionValue: z.int32(),
})
export type TimeBasedCopyPolicyItem = z.infer<
  typeof timeBasedCopyPolicyItemSchema
>

/** DiskBackupCopyPolicyItem: on-demand copies carry no retention. */
export const copyPolicyItemSchema = z.discriminatedUnion('frequencyType', [
  onDemandCopyPolicyItemSchema,
  timeBasedCopyPolicyItemSchema,
])
export type CopyPolicyItem = z.infer<typeof copyPolicyItemSchema>

// Which of frequencies, copyPolicyItems and lastNumberOfSnapshots may appear
// together depends on copyPolicyItemsEnabled: a cross-field rule for rules/.
export const copySettingSchema = z.looseObject({
  zoneId: objectIdSchema,
  cloudProvider: z.enum(cloudProviders).optional(),
  regionName: z.string().optional(),
  shouldCopyOplogs: z.boolean().optional(),
  // Deprecated in favour of copyPolicyItems.
  frequencies: z.array(z.enum(upperFrequencyTypes)).max(6).optional(),
  copyPolicyItems: z.array(copyPolicyItemSchema).max(6).optional(),
  lastNumberOfSnapshots: z.int32().min(1).max(500).optional(),
})
export type CopySetting = z.infer<typeof copySettingSchema>

/** Write-only: a removed copy setting whose copies should go too. */
export const deleteCopiedBackupSchema = z.looseObject({
  cloudProvider: z.enum(cloudProviders).optional(),
  regionName: z.string().optional(),
  zoneId: objectIdSchema.optional(),
})
export type DeleteCopiedBackup = z.infer<typeof deleteCopiedBackupSchema>

// Read-write fields, as read back from Atlas: the bounds the spec leaves to
// prose (hour, minute, restore window) are checked on the update only.
const readWriteFields = {
  policies: z.array(backupPolicySchema).max(1),
  referenceHourOfDay: z.int32().optional(),
  referenceMinuteOfHour: z.int32().optional(),
  restoreWindowDays: z.int32().optional(),
  autoExportEnabled: z.boolean().optional(),
  export: exportPolicySchema.optional(),
  useOrgAndGroupNamesInExportPrefix: z.boolean().optional(),
  copySettings: z.array(copySettingSchema).optional(),
  autoCopySettingsEnabled: z.boolean().optional(),
  copyPolicyItemsEnabled: z.boolean().optional(),
  extraRetentionSettings: z.array(extraRetentionSettingSchema).optional(),
}

/** GET, PATCH and DELETE response. */
export const backupScheduleSchema = z.looseObject({
  ...readWriteFields,
  clusterId: objectIdSchema.optional(),
  clusterName: clusterNameSchema.optional(),
  nextSnapshot: isoDateTimeSchema.optional(),
  links: z.array(linkSchema).optional(),
})
export type BackupSchedule = z.infer<typeof backupScheduleSchema>

// PATCH body. The spec requires policies, so the editor sends the schedule
// back whole (P1); readOnly fields from the GET pass through unchecked.
export const backupScheduleUpdateSchema = z.looseObject({
  ...readWriteFields,
  referenceHourOfDay: z.int32().min(0).max(23).optional(),
  referenceMinuteOfHour: z.int32().min(0).max(59).optional(),
  // "You must specify a positive, non-zero integer" [spec] (P5).
  restoreWindowDays: z.int32().min(1).optional(),
  updateSnapshots: z.boolean().optional(),
  deleteSnapshots: z.boolean().optional(),
  updateCopySnapshots: z.boolean().optional(),
  deleteCopySnapshots: z.boolean().optional(),
  deleteCopiedBackups: z.array(deleteCopiedBackupSchema).optional(),
})
export type BackupScheduleUpdate = z.infer<typeof backupScheduleUpdateSchema>
