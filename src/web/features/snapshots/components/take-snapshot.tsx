import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'

import { validateOnDemandSnapshotRequest } from '../../../../contract/rules/on-demand-snapshot'
import type { RuleResult } from '../../../../contract/rules/result'
import { GuardedButton } from '../../../components/ui/guarded-button'
import { FormProblem } from '../../../components/ui/form-problem'
import { TextField } from '../../../components/ui/text-field'
import { ApiError } from '../../../lib/api-error'
import type { Deployment } from '../model'
import { useTakeSnapshot } from '../mutations'

// S1's own checks (retention ≥ 1, a description), so the form and the BFF say the same thing.
const formSchema = z
  .object({ description: z.string(), retentionInDays: z.number() })
  .superRefine((values, ctx) => {
    for (const refusal of validateOnDemandSnapshotRequest(values)) {
      ctx.addIssue({
        code: 'custom',
        path: [refusal.field ?? 'description'],
        message: refusal.reason,
      })
    }
  })
type FormValues = z.infer<typeof formSchema>

type TakeSnapshotProps = {
  deployment: Deployment
  /** Role, kind and S1 (another on-demand snapshot queued or in progress). */
  verdict: RuleResult
}

/** "Take snapshot now": retention days and a description, refused with the reason under S1. */
export function TakeSnapshot({ deployment, verdict }: TakeSnapshotProps) {
  const [open, setOpen] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const [idempotencyKey, setIdempotencyKey] = useState(() =>
    crypto.randomUUID(),
  )
  const take = useTakeSnapshot(deployment)
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { description: '', retentionInDays: 7 },
  })
  const { errors, isSubmitting } = form.formState

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const snapshot = await take.mutateAsync({ ...values, idempotencyKey })
      setDone(
        `On-demand snapshot requested${snapshot.status ? ` (${snapshot.status === 'inProgress' ? 'in progress' : snapshot.status})` : ''}: “${values.description}”, kept ${values.retentionInDays} days.`,
      )
      setIdempotencyKey(crypto.randomUUID())
      form.reset()
      setOpen(false)
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : []
      for (const f of fields) {
        if (f.field === 'description' || f.field === 'retentionInDays')
          form.setError(f.field, { message: f.description })
      }
      if (fields.length === 0) {
        form.setError('root', {
          message:
            error instanceof Error
              ? error.message
              : 'The snapshot was not taken.',
        })
      }
    }
  })

  return (
    <section aria-labelledby="take-snapshot-title" className="panel">
      <h2 id="take-snapshot-title">On-demand snapshot</h2>
      <p role="status">{done}</p>
      {open ? (
        <form
          onSubmit={(e) => void onSubmit(e)}
          noValidate
          className="inline-form"
        >
          <TextField
            label="Retention (days)"
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            error={errors.retentionInDays}
            {...form.register('retentionInDays', { valueAsNumber: true })}
          />
          <TextField
            label="Description"
            hint="Why this snapshot is taken, e.g. “Before the schema migration”."
            error={errors.description}
            {...form.register('description')}
          />
          <FormProblem message={errors.root?.message} />
          <div className="button-row">
            <button
              type="submit"
              className="button primary"
              disabled={isSubmitting}
            >
              {isSubmitting ? 'Requesting…' : 'Take snapshot'}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => setOpen(false)}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <GuardedButton
          verdict={verdict}
          className="button primary"
          onClick={() => {
            setDone(null)
            setOpen(true)
          }}
        >
          Take snapshot now…
        </GuardedButton>
      )}
    </section>
  )
}
