import { zodResolver } from '@hookform/resolvers/zod'
import { type FieldError as FormFieldError, useForm } from 'react-hook-form'
import { z } from 'zod'

import { clusterNameSchema } from '../../../../contract/atlas/common'
import { SelectField } from '../../../components/ui/select-field'
import { TextField } from '../../../components/ui/text-field'
import type { FieldError } from '../../../lib/api-error'
import {
  fromDateTimeInput,
  localOffsetLabel,
  toDateTimeInput,
} from '../../../lib/format-time'
import type { TimeZoneMode } from '../../../lib/time-zone'
import { useTimeZone } from '../../../lib/time-zone'
import {
  type AuditFilters,
  fieldOfParameter,
  isFiltered,
  noFilters,
} from '../audit-params'
import { actionLabel, knownActions } from '../labels'

const text = z.string().trim().max(128, 'must be at most 128 characters')

// The BFF checks the same bounds (contract/bff/audit.ts); checking here keeps the message beside
// the field instead of a failed page.
function formSchema(mode: TimeZoneMode) {
  return z
    .object({ actor: text, action: text, cluster: text, atlasId: text })
    .extend({ from: z.string(), to: z.string() })
    .superRefine((values, ctx) => {
      const cluster = clusterNameSchema.safeParse(values.cluster)
      if (values.cluster !== '' && !cluster.success) {
        const message = cluster.error.issues[0]?.message ?? 'is not valid'
        ctx.addIssue({ code: 'custom', path: ['cluster'], message })
      }
      const from = fromDateTimeInput(values.from, mode)
      const to = fromDateTimeInput(values.to, mode)
      if (from && to && from > to)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: 'must not be before From',
        })
    })
}
type FormValues = z.infer<ReturnType<typeof formSchema>>

type AuditFiltersFormProps = {
  filters: AuditFilters
  /** Parameters the BFF refused (a hand-edited URL), shown at their fields. */
  serverErrors: readonly FieldError[]
  onApply: (filters: AuditFilters) => void
}

/** Actor, action, cluster, Atlas id and a time range; applied to the URL on submit. */
export function AuditFiltersForm({
  filters,
  serverErrors,
  onApply,
}: AuditFiltersFormProps) {
  const { mode } = useTimeZone()
  const zone = mode === 'utc' ? 'UTC' : `local, ${localOffsetLabel()}`
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema(mode)),
    defaultValues: {
      actor: filters.actor ?? '',
      action: filters.action ?? '',
      cluster: filters.cluster ?? '',
      atlasId: filters.atlasId ?? '',
      from: filters.from ? toDateTimeInput(filters.from, mode) : '',
      to: filters.to ? toDateTimeInput(filters.to, mode) : '',
    },
  })
  const { errors } = form.formState
  const errorOf = (name: keyof FormValues): FormFieldError | undefined => {
    if (errors[name]) return errors[name]
    const refused = serverErrors.find((f) => fieldOfParameter[f.field] === name)
    return refused
      ? { type: 'server', message: refused.description }
      : undefined
  }
  const actions =
    filters.action && !knownActions.includes(filters.action)
      ? [...knownActions, filters.action]
      : knownActions

  const onSubmit = form.handleSubmit((values) => {
    const instant = (value: string) =>
      fromDateTimeInput(value, mode)?.toISOString()
    onApply({
      actor: values.actor || undefined,
      action: values.action || undefined,
      cluster: values.cluster || undefined,
      project: filters.project,
      atlasId: values.atlasId || undefined,
      from: instant(values.from),
      to: instant(values.to),
    })
  })

  return (
    <form
      role="search"
      aria-label="Filter the audit trail"
      className="filters audit-filters"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
    >
      <TextField
        label="Actor"
        error={errorOf('actor')}
        {...form.register('actor')}
      />
      <SelectField
        label="Action"
        error={errorOf('action')}
        {...form.register('action')}
      >
        <option value="">Any action</option>
        {actions.map((action) => (
          <option key={action} value={action}>
            {actionLabel(action)}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Cluster"
        error={errorOf('cluster')}
        {...form.register('cluster')}
      />
      <TextField
        label="Atlas id"
        error={errorOf('atlasId')}
        {...form.register('atlasId')}
      />
      <TextField
        label={`From (${zone})`}
        type="datetime-local"
        error={errorOf('from')}
        {...form.register('from')}
      />
      <TextField
        label={`To (${zone})`}
        type="datetime-local"
        error={errorOf('to')}
        {...form.register('to')}
      />
      <div className="button-row">
        <button type="submit" className="button primary">
          Apply filters
        </button>
        {isFiltered(filters) ? (
          <button
            type="button"
            className="button"
            onClick={() => onApply(noFilters)}
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  )
}
