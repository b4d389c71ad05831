import { z } from 'zod'

import { objectIdSchema } from '../../../contract/atlas/common'
import {
  backupScheduleUpdateSchema,
  policyItemSchema,
} from '../../../contract/atlas/schedule'

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
  })
}
export type PolicyFormValues = z.input<ReturnType<typeof policyFormSchema>>

/** The path of the items array, as the rules and the BFF name it. */
export const ITEMS = 'policies.0.policyItems' as const
