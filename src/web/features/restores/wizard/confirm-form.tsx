import { type ReactNode, useId } from 'react'
import { useForm, useWatch } from 'react-hook-form'

import {
  RESTORE_CONFIRMATION_FIELD,
  checkRestoreConfirmation,
  destructiveRestoreWarning,
} from '../../../../contract/rules/restore-confirmation'
import type { RuleResult } from '../../../../contract/rules/result'
import { ApiError } from '../../../lib/api-error'
import { SubmitProgressNote } from './submit-progress'
import type { SubmitInput, SubmitProgress } from './use-submit-restore'
import { WizardField } from './wizard-field'

type ConfirmValues = { confirm: string; snapshotFirst: boolean }

type ConfirmFormProps = {
  destructive: boolean
  targetName: string
  /** The request as it will be sent, given what is typed (R8: it carries the name). */
  renderRequest: (typedName: string) => ReactNode
  /** S1: whether the target can take an on-demand snapshot first; undefined: not offered. */
  snapshotOption: RuleResult | undefined
  /** R9: the operator's role may start restores. */
  startVerdict: RuleResult
  submitLabel: string
  progress: SubmitProgress
  error: Error | null
  onBack: () => void
  onSubmit: (input: SubmitInput) => Promise<ApiError | undefined>
}

/**
 * Step 5's form: the typed target name (R8) — the submit button stays disabled until it
 * matches exactly, case included — the optional safety snapshot (S1), and the submit.
 */
export function ConfirmForm(props: ConfirmFormProps) {
  const { destructive, targetName, progress, error } = props
  const reasonId = useId()
  const form = useForm<ConfirmValues>({
    defaultValues: { confirm: '', snapshotFirst: false },
  })
  const typed = useWatch({ control: form.control, name: 'confirm' })
  const confirmation = checkRestoreConfirmation({
    deliveryType: destructive ? 'automated' : 'download',
    targetName,
    confirmation: typed,
  })
  const busy = progress.phase !== 'idle'
  const blocked = !props.startVerdict.ok
    ? `${props.startVerdict.reason}.`
    : !confirmation.ok
      ? `Type ${targetName} exactly, with the same upper and lower case, to enable the restore.`
      : undefined

  const onSubmit = form.handleSubmit(async (values) => {
    const failure = await props.onSubmit({
      typedName: values.confirm,
      snapshotFirst: values.snapshotFirst,
    })
    const field = failure?.fields.find(
      (f) => f.field === RESTORE_CONFIRMATION_FIELD,
    )
    if (field) form.setError('confirm', { message: field.description })
  })
  const option = props.snapshotOption

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      {props.renderRequest(typed)}
      {destructive && option ? (
        <div className="field checkbox-field">
          <label>
            <input
              type="checkbox"
              disabled={!option.ok || busy}
              aria-describedby={
                option.ok ? 'snapshot-first-hint' : 'snapshot-first-reason'
              }
              {...form.register('snapshotFirst')}
            />
            Take an on-demand snapshot of {targetName} first
          </label>
          {option.ok ? (
            <p id="snapshot-first-hint" className="field-hint">
              The restore starts once that snapshot has completed; it is kept 7
              days, so what {targetName} holds now can be restored later.
            </p>
          ) : (
            <p id="snapshot-first-reason" className="reason">
              Not available: {option.reason}.
            </p>
          )}
        </div>
      ) : null}
      {destructive ? (
        <WizardField
          label="Type the target cluster name to confirm"
          hint={destructiveRestoreWarning(targetName)}
          autoComplete="off"
          spellCheck={false}
          disabled={busy}
          error={form.formState.errors.confirm}
          {...form.register('confirm')}
        />
      ) : null}
      <SubmitProgressNote progress={progress} targetName={targetName} />
      {error ? (
        <div className="banner banner-error" role="alert">
          <p>
            <strong>The restore was not started.</strong> {error.message}
          </p>
          {error instanceof ApiError && error.requestId ? (
            <p>
              Request id: <code>{error.requestId}</code>
            </p>
          ) : null}
          <p>
            Submitting again is safe: it sends the same request with the same
            Idempotency-Key, so it can never start a second restore.
          </p>
        </div>
      ) : null}
      <div className="wizard-actions">
        <button
          type="button"
          className="button"
          onClick={props.onBack}
          disabled={busy}
        >
          Back
        </button>
        <button
          type="submit"
          className={destructive ? 'button danger' : 'button primary'}
          disabled={blocked !== undefined || busy}
          aria-describedby={blocked ? reasonId : undefined}
        >
          {props.submitLabel}
        </button>
        {blocked ? (
          <p id={reasonId} className="reason">
            {blocked}
          </p>
        ) : null}
      </div>
    </form>
  )
}
