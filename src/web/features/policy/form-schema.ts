import { z } from 'zod'

import { objectIdSchema } from '../../../contract/atlas/common'
import {
  backupScheduleUpdateSchema,
  policyItemSchema,
} from '../../../contract/atlas/schedule'
import { copyKinds } from '../../../contract/rules/copy-kinds'

// The editor's form, shaped like the PATCH body so that a rule's field path
// ('policies.0.policyItems.2.retentionValue') is the form field's name and the BFF's field errors
// land where the rules' do. Types and bounds come from the contract schemas; P1–P6 are added by
// the resolver from the shared rule functions (policy-resolver.ts).

const item = policyItemSchema.shape
const update = backupScheduleUpdateSchema.shape

export const itemFormSchema = z.object({
  // Atlas's item id, kept out of `id` because useFieldArray uses that key for its own.
  itemId: objectIdSchema.optional(),
  frequencyType: item.frequencyType,
  // A select yields any number; the contract's literal list judges it.
  frequencyInterval: z.number().pipe(item.frequencyInterval),
  retentionUnit: item.retentionUnit,
  retentionValue: item.retentionValue,
})
export type ItemFormValues = z.input<typeof itemFormSchema>

// Copies to other regions and exports (issue 9), shaped like the PATCH body's copySettings,
// export and deleteCopiedBackups. Types stay loose: the shared rules (copy-settings.ts,
// schedule-export.ts) judge the values and say why, on the same paths.
const copyItemFormSchema = z.object({
  frequencyType: z.enum(copyKinds),
  retentionUnit: item.retentionUnit,
  retentionValue: z.union([z.number(), z.nan()]),
})
export type CopyItemFormValues = z.input<typeof copyItemFormSchema>

const copySettingFormSchema = z.object({
  zoneId: z.string(),
  cloudProvider: z.string(),
  regionName: z.string(),
  shouldCopyOplogs: z.boolean(),
  copyPolicyItems: z.array(copyItemFormSchema),
  /** Empty (NaN) when copies go by kind. */
  lastNumberOfSnapshots: z.union([z.number(), z.nan()]),
})
export type CopySettingFormValues = z.input<typeof copySettingFormSchema>

const deletedCopyFormSchema = z.object({
  zoneId: z.string(),
  cloudProvider: z.string(),
  regionName: z.string(),
})

const extrasFormFields = {
  copySettings: z.array(copySettingFormSchema),
  deleteCopiedBackups: z.array(deletedCopyFormSchema),
  autoExportEnabled: z.boolean(),
  export: z.object({ exportBucketId: z.string(), frequencyType: z.string() }),
  useOrgAndGroupNamesInExportPrefix: z.boolean(),
}

/** Without continuous backup the restore window is not edited (and sent back as it was). */
export function policyFormSchema(pitEnabled: boolean) {
  return z.object({
    referenceHourOfDay: update.referenceHourOfDay.unwrap(),
    referenceMinuteOfHour: update.referenceMinuteOfHour.unwrap(),
    restoreWindowDays: pitEnabled
      ? update.restoreWindowDays.unwrap()
      : z.union([z.number(), z.nan()]),
    policies: z.tuple([z.object({ policyItems: z.array(itemFormSchema) })]),
    updateSnapshots: z.boolean(),
    // The copies already made in copy regions that stay (copy-retention-changes.ts).
    updateCopySnapshots: z.boolean(),
    deleteCopySnapshots: z.boolean(),
    ...extrasFormFields,
  })
}
export type PolicyFormValues = z.input<ReturnType<typeof policyFormSchema>>

/** The path of the items array, as the rules and the BFF name it. */
export const ITEMS = 'policies.0.policyItems' as const

export const COPIES = 'copySettings' as const
