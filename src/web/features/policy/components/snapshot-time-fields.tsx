import { useFormContext, useFormState, useWatch } from 'react-hook-form'

import { TextField } from '../../../components/ui/text-field'
import { localZoneName } from '../../../lib/format-time'
import type { PolicyFormValues } from '../form-schema'
import { describeLocalTime, localTimeOf } from '../local-time'

type SnapshotTimeFieldsProps = {
  /** The instant "the next one" counts from (Atlas's clock when known). */
  now: Date
  timeZone?: string | undefined
}

/** P6: the time of day snapshots are taken, in UTC, with the operator's local time beside it. */
export function SnapshotTimeFields({ now, timeZone }: SnapshotTimeFieldsProps) {
  const { register, control } = useFormContext<PolicyFormValues>()
  const { errors } = useFormState({ control })
  const [hour, minute] = useWatch({
    control,
    name: ['referenceHourOfDay', 'referenceMinuteOfHour'],
  })
  const zone = timeZone ?? localZoneName()
  const local = localTimeOf(hour, minute, now, zone)
  return (
    <section aria-labelledby="time-title">
      <h2 id="time-title">Snapshot time</h2>
      <p className="hint">
        Atlas takes the daily, weekly, monthly and yearly snapshots at this
        time, and the hourly ones counting from it. It is set in UTC.
      </p>
      <div className="policy-time">
        <TextField
          label="Hour (UTC)"
          type="number"
          inputMode="numeric"
          min={0}
          max={23}
          step={1}
          hint="0 to 23"
          error={errors.referenceHourOfDay}
          {...register('referenceHourOfDay', { valueAsNumber: true })}
        />
        <TextField
          label="Minute (UTC)"
          type="number"
          inputMode="numeric"
          min={0}
          max={59}
          step={1}
          hint="0 to 59"
          error={errors.referenceMinuteOfHour}
          {...register('referenceMinuteOfHour', { valueAsNumber: true })}
        />
      </div>
      <p className="local-time">
        {local
          ? `Your local time: ${describeLocalTime(local, zone)}.`
          : 'Your local time: enter a valid hour and minute to see it.'}
      </p>
    </section>
  )
}
