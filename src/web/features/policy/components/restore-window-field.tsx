import { useFormContext, useFormState, useWatch } from 'react-hook-form'

import { retentionNominalDays } from '../../../../contract/rules/retention'
import { TextField } from '../../../components/ui/text-field'
import { ITEMS, type PolicyFormValues } from '../form-schema'

/** P5: how far back point-in-time restores reach; only with continuous cloud backup. */
export function RestoreWindowField({ pitEnabled }: { pitEnabled: boolean }) {
  const { register, control } = useFormContext<PolicyFormValues>()
  const { errors } = useFormState({ control })
  const items = useWatch({ control, name: ITEMS })
  const hourly = items.find((item) => item.frequencyType === 'hourly')
  const bound =
    hourly && Number.isInteger(hourly.retentionValue)
      ? retentionNominalDays(hourly.retentionValue, hourly.retentionUnit)
      : undefined
  return (
    <section aria-labelledby="window-title">
      <h2 id="window-title">Restore window</h2>
      {pitEnabled ? (
        <TextField
          label="Restore window (days)"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          hint={`How far back a point-in-time restore can reach. At least 1 day${bound === undefined ? '' : `, at most the hourly retention (${bound} ${bound === 1 ? 'day' : 'days'})`}.`}
          error={errors.restoreWindowDays}
          {...register('restoreWindowDays', { valueAsNumber: true })}
        />
      ) : (
        <p className="hint">
          Continuous cloud backup is off for this cluster, so there is no
          point-in-time restore window to set.
        </p>
      )}
    </section>
  )
}
