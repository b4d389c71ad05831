import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { useForm, useWatch } from 'react-hook-form'
import { z } from 'zod'

import type { OverviewRow } from '../../../../contract/bff/overview'
import { checkDeliveryTypeAllowed } from '../../../../contract/rules/delivery-type'
import { LoadFailure } from '../../../components/load-failure'
import { SelectField } from '../../../components/ui/select-field'
import { UpstreamBanner } from '../../../components/upstream-banner'
import { overviewQuery } from '../queries'
import { SourceSnapshots } from './source-snapshots'
import { StepActions } from './step-actions'
import type { StepProps } from './step-props'
import { deploymentLabel, projectsOf } from './overview-options'

const sourceSchema = z
  .object({
    groupId: z.string().min(1, 'Choose the project of the source'),
    cluster: z.string().min(1, 'Choose the deployment to restore from'),
    from: z.string().min(1, 'Choose a snapshot or a point in time'),
    snapshotId: z.string(),
  })
  .refine((v) => v.from !== 'snapshot' || v.snapshotId !== '', {
    path: ['snapshotId'],
    message: 'Choose a completed snapshot',
  })
type SourceValues = z.infer<typeof sourceSchema>

export function SourceStep({ answers, onNext }: StepProps) {
  const overview = useQuery(overviewQuery())
  const form = useForm<SourceValues>({
    resolver: zodResolver(sourceSchema),
    defaultValues: {
      groupId: answers.groupId ?? '',
      cluster: answers.cluster ?? '',
      from: answers.from ?? '',
      snapshotId: answers.snapshotId ?? '',
    },
  })
  const { errors } = form.formState
  const [groupId, cluster, from] = useWatch({
    control: form.control,
    name: ['groupId', 'cluster', 'from'],
  })

  if (overview.isPending) return <p role="status">Loading deployments…</p>
  if (overview.isError && !overview.data) {
    return (
      <LoadFailure
        error={overview.error}
        what="The list of deployments"
        onRetry={() => void overview.refetch()}
      />
    )
  }
  const rows = overview.data.rows
  const projects = projectsOf(rows)
  const deployments = rows.filter((r) => r.groupId === groupId)
  const row: OverviewRow | undefined = deployments.find(
    (r) => r.name === cluster,
  )
  const pit = row
    ? checkDeliveryTypeAllowed(
        { kind: row.kind, pitEnabled: row.pitEnabled },
        'pointInTime',
      )
    : undefined

  const onSubmit = form.handleSubmit((values) => {
    const chosen = rows.find(
      (r) => r.groupId === values.groupId && r.name === values.cluster,
    )
    if (!chosen) return
    const fromPit = values.from === 'pointInTime'
    onNext({
      groupId: values.groupId,
      kind: chosen.kind,
      cluster: values.cluster,
      from: fromPit ? 'pointInTime' : 'snapshot',
      snapshotId: fromPit ? undefined : values.snapshotId,
      ...(fromPit ? { delivery: 'pointInTime' as const } : {}),
    })
  })

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <UpstreamBanner
        error={overview.error}
        dataUpdatedAt={overview.dataUpdatedAt}
        onRetry={() => void overview.refetch()}
      />
      <SelectField
        label="Source project"
        error={errors.groupId}
        {...form.register('groupId', {
          onChange: () => {
            form.setValue('cluster', '')
            form.setValue('snapshotId', '')
          },
        })}
      >
        <option value="">Choose a project…</option>
        {projects.map((p) => (
          <option key={p.groupId} value={p.groupId}>
            {p.projectName}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Source deployment"
        error={errors.cluster}
        disabled={!groupId}
        hint={groupId ? undefined : 'Choose the project first.'}
        {...form.register('cluster', {
          onChange: () => form.setValue('snapshotId', ''),
        })}
      >
        <option value="">Choose a deployment…</option>
        {deployments.map((r) => (
          <option key={r.name} value={r.name}>
            {deploymentLabel(r)}
          </option>
        ))}
      </SelectField>
      {row ? (
        <fieldset className="choice-group">
          <legend>Restore from</legend>
          <label className="choice">
            <input type="radio" value="snapshot" {...form.register('from')} />A
            snapshot
          </label>
          <label className="choice">
            <input
              type="radio"
              value="pointInTime"
              disabled={pit?.ok === false}
              aria-describedby={
                pit?.ok === false ? 'from-pit-reason' : undefined
              }
              {...form.register('from')}
            />
            A point in time (continuous backup)
          </label>
          {pit?.ok === false ? (
            <p id="from-pit-reason" className="reason">
              {pit.reason}.
            </p>
          ) : null}
          {errors.from?.message ? (
            <p className="field-error" role="alert">
              {errors.from.message}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {row && from === 'snapshot' ? (
        <SourceSnapshots
          row={row}
          registration={form.register('snapshotId')}
          error={errors.snapshotId?.message}
        />
      ) : null}
      <StepActions />
    </form>
  )
}
