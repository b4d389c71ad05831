import { zodResolver } from '@hookform/resolvers/zod'
import { useForm, useWatch } from 'react-hook-form'
import { z } from 'zod'

import {
  type SnapshotRetentionUnit,
  snapshotRetentionUnits,
} from '../../../../contract/atlas/common'
import { snapshotExpiryAfterChange } from '../../../../contract/rules/snapshot-delete'
import { TextField } from '../../../components/ui/text-field'
import { ApiError } from '../../../lib/api-error'
import { formatInstant } from '../../../lib/format-time'
import { useTimeZone } from '../../../lib/time-zone'
import type { Deployment, SnapshotRow } from '../model'
import { useChangeExpiry } from '../mutations'

const formSchema = z.object({
  retentionValue: z
    .number({ error: 'Enter a whole number of at least 1' })
    .int('Enter a whole number of at least 1')
    .min(1, 'Enter a whole number of at least 1'),
  retentionUnit: z.enum(snapshotRetentionUnits),
})
type FormValues = z.infer<typeof formSchema>

const unitLabels: Record<SnapshotRetentionUnit, string> = {
  DAYS: 'days',
  WEEKS: 'weeks',
  MONTHS: 'months',
  YEARS: 'years',
}

type ExpiryFormProps = {
  deployment: Deployment
  snapshot: SnapshotRow
  onDone: (message: string | null) => void
}

/** A snapshot's own retention, counted from its creation; the new expiry shows as you type. */
export function ExpiryForm({ deployment, snapshot, onDone }: ExpiryFormProps) {
  const { mode } = useTimeZone()
  const change = useChangeExpiry(deployment)
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { retentionValue: 7, retentionUnit: 'DAYS' },
  })
  const [value, unit] = useWatch({
    control: form.control,
    name: ['retentionValue', 'retentionUnit'],
  })
  const preview =
    Number.isInteger(value) && value >= 1
      ? formatInstant(
          snapshotExpiryAfterChange(new Date(snapshot.createdAt), value, unit),
          mode,
        )
      : null
  const { errors, isSubmitting } = form.formState

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await change.mutateAsync({ snapshotId: snapshot.id, ...values })
      onDone(
        `Expiry changed: the snapshot is now kept until ${preview ?? 'the new date'}.`,
      )
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : []
      const field = fields.find(
        (f) => f.field === 'retentionValue' || f.field === 'retentionUnit',
      )
      form.setError(
        (field?.field as keyof FormValues | undefined) ?? 'retentionValue',
        {
          message:
            field?.description ??
            (error instanceof Error
              ? error.message
              : 'The expiry was not changed.'),
        },
      )
    }
  })

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="inline-form">
      <h3>Change expiry</h3>
      <TextField
        label="Keep for"
        type="number"
        min={1}
        step={1}
        error={errors.retentionValue}
        hint={`Counted from the snapshot's creation. ${preview ? `New expiry: ${preview}.` : ''}`}
        {...form.register('retentionValue', { valueAsNumber: true })}
      />
      <div className="field">
        <label htmlFor="retention-unit">Unit</label>
        <select id="retention-unit" {...form.register('retentionUnit')}>
          {snapshotRetentionUnits.map((u) => (
            <option key={u} value={u}>
              {unitLabels[u]}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        <button
          type="submit"
          className="button primary"
          disabled={isSubmitting}
        >
          {isSubmitting ? 'Saving…' : 'Save expiry'}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
