import { zodResolver } from '@hookform/resolvers/zod'
import { type ChangeEvent, useMemo } from 'react'
import { useForm, useWatch } from 'react-hook-form'

import { restoreWindowBounds } from '../../../../contract/rules/restore-window'
import { RestoreWindowBar } from '../../../components/restore-window-bar'
import { InstantConversions } from './instant-conversions'
import {
  INSTANT_FORMAT_HINT,
  formatInstantText,
  offsetLabel,
  parseInstantText,
} from './instant-text'
import {
  type PitFormValues,
  type PitWindow,
  pitAnswers,
  pitFormSchema,
  pitInstant,
  windowRangeText,
  zoneName,
} from './pit-validation'
import { StepActions } from './step-actions'
import type { WizardAnswers, ZoneChoice } from './wizard-answers'
import { WizardField } from './wizard-field'

type PointInTimeFormProps = {
  defaults: WizardAnswers
  restoreWindow: PitWindow
  /** R5: serverless instances restore to a date-time only, never to an oplog entry. */
  serverless: boolean
  localTimeZone: string
  onNext: (patch: WizardAnswers) => void
  onBack: (patch?: WizardAnswers) => void
}

function initialValues(a: WizardAnswers, tz: string): PitFormValues {
  const zone = a.zone ?? 'utc'
  return {
    mode: a.pit ?? 'date',
    zone,
    dateTime:
      a.at === undefined ? '' : formatInstantText(a.at, zoneName(zone, tz)),
    oplogTs: a.oplogTs === undefined ? '' : String(a.oplogTs),
    oplogInc: a.oplogInc === undefined ? '' : String(a.oplogInc),
  }
}

/**
 * Step 3 (R4, R5): a date-time to the second, typed in UTC or local time with the other shown
 * beside it, or an oplog timestamp and increment — one mode at a time — checked against the
 * restore window drawn below.
 */
export function PointInTimeForm(props: PointInTimeFormProps) {
  const { restoreWindow, serverless, localTimeZone: tz } = props
  const schema = useMemo(
    () => pitFormSchema(restoreWindow, tz),
    [restoreWindow, tz],
  )
  const form = useForm<PitFormValues>({
    resolver: zodResolver(schema),
    defaultValues: initialValues(props.defaults, tz),
  })
  const { errors } = form.formState
  const values = useWatch({ control: form.control }) as PitFormValues
  const instant = pitInstant(values, tz)
  const bounds = restoreWindowBounds(
    restoreWindow.now(),
    restoreWindow.restoreWindowDays,
  )
  const localZone = `${tz}, ${offsetLabel(bounds.end.getTime() / 1000, tz)}`

  const switchMode = (mode: string) => {
    // One mode at a time (R4): the other mode's answer is cleared, never kept hidden.
    if (mode === 'date') {
      form.setValue('oplogTs', '')
      form.setValue('oplogInc', '')
    } else {
      form.setValue('dateTime', '')
    }
    form.clearErrors()
  }
  const switchZone = (zone: string) => {
    // Keep the instant, show it in the zone now typed in.
    const from: ZoneChoice = zone === 'utc' ? 'local' : 'utc'
    const parsed = parseInstantText(
      form.getValues('dateTime'),
      zoneName(from, tz),
    )
    if (parsed.ok) {
      form.setValue(
        'dateTime',
        formatInstantText(parsed.seconds, zoneName(zone as ZoneChoice, tz)),
      )
    }
  }
  const onSubmit = form.handleSubmit((v) => props.onNext(pitAnswers(v, tz)))

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <fieldset className="choice-group">
        <legend>Restore to</legend>
        <label className="choice">
          <input
            type="radio"
            value="date"
            {...form.register('mode', {
              onChange: (e: ChangeEvent<HTMLInputElement>) =>
                switchMode(e.target.value),
            })}
          />
          A date and time, to the second
        </label>
        <label className="choice">
          <input
            type="radio"
            value="oplog"
            disabled={serverless}
            aria-describedby={serverless ? 'oplog-reason' : undefined}
            {...form.register('mode', {
              onChange: (e: ChangeEvent<HTMLInputElement>) =>
                switchMode(e.target.value),
            })}
          />
          An oplog entry (timestamp and increment)
        </label>
        {serverless ? (
          <p id="oplog-reason" className="reason">
            Not available: serverless instances restore only to a date and time
            within the last 72 hours, not to an oplog entry.
          </p>
        ) : null}
      </fieldset>
      <p id="window-range">
        Restorable: {windowRangeText(restoreWindow, values.zone, tz)}
        {serverless ? ' (serverless: the last 72 hours)' : ''}.
      </p>
      {values.mode === 'date' ? (
        <>
          <fieldset className="choice-group">
            <legend>I type the time in</legend>
            <label className="choice">
              <input
                type="radio"
                value="utc"
                {...form.register('zone', {
                  onChange: (e: ChangeEvent<HTMLInputElement>) =>
                    switchZone(e.target.value),
                })}
              />
              UTC
            </label>
            <label className="choice">
              <input
                type="radio"
                value="local"
                {...form.register('zone', {
                  onChange: (e: ChangeEvent<HTMLInputElement>) =>
                    switchZone(e.target.value),
                })}
              />
              Local time ({localZone})
            </label>
          </fieldset>
          <WizardField
            label={`Date and time (${values.zone === 'utc' ? 'UTC' : `local time, ${tz}`})`}
            hint={`${INSTANT_FORMAT_HINT}, to the second`}
            autoComplete="off"
            spellCheck={false}
            error={errors.dateTime}
            beside={<InstantConversions instant={instant} timeZone={tz} />}
            {...form.register('dateTime')}
          />
        </>
      ) : (
        <>
          <WizardField
            label="Oplog timestamp (seconds since 1970-01-01 UTC)"
            inputMode="numeric"
            autoComplete="off"
            error={errors.oplogTs}
            beside={<InstantConversions instant={instant} timeZone={tz} />}
            {...form.register('oplogTs')}
          />
          <WizardField
            label="Oplog increment"
            hint="The ordinal of the operation within that second, 1 or more."
            inputMode="numeric"
            autoComplete="off"
            error={errors.oplogInc}
            {...form.register('oplogInc')}
          />
        </>
      )}
      <RestoreWindowBar
        window={bounds}
        blackouts={restoreWindow.blackouts}
        instant={instant.ok ? new Date(instant.seconds * 1000) : undefined}
      />
      <StepActions
        onBack={() => props.onBack(pitAnswers(form.getValues(), tz))}
      />
    </form>
  )
}
