import { useQuery } from '@tanstack/react-query'
import { useForm, useWatch } from 'react-hook-form'

import { LoadFailure } from '../../../components/load-failure'
import { SelectField } from '../../../components/ui/select-field'
import { overviewQuery } from '../queries'
import { deploymentLabel, projectsOf } from './overview-options'
import { PreflightPanel } from './preflight-panel'
import { StepActions } from './step-actions'
import type { StepProps } from './step-props'
import { usePreflight } from './use-preflight'

type TargetValues = { targetGroupId: string; target: string }

/** Step 4: where the data goes, and the pre-flight check of that target. */
export function TargetStep({ answers, onNext, onBack }: StepProps) {
  const overview = useQuery(overviewQuery())
  const flex = answers.kind === 'flex'
  const form = useForm<TargetValues>({
    defaultValues: {
      targetGroupId: answers.targetGroupId ?? answers.groupId ?? '',
      target: answers.target ?? '',
    },
  })
  const [targetGroupId, target] = useWatch({
    control: form.control,
    name: ['targetGroupId', 'target'],
  })
  const rows = overview.data?.rows ?? []
  const targetRow = rows.find(
    (r) => r.groupId === targetGroupId && r.name === target,
  )
  const preflight = usePreflight(answers, targetRow)
  const { errors } = form.formState

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
  const candidates = rows.filter((r) => r.groupId === targetGroupId)
  const what = flex ? 'target deployment' : 'target cluster'
  const blocked = !targetRow
    ? undefined
    : preflight.state === 'loading'
      ? 'Next is available once the pre-flight check has run.'
      : preflight.state === 'error'
        ? 'The pre-flight check could not run; try it again.'
        : preflight.failure
          ? `The restore cannot go ahead: ${preflight.failure.detail}`
          : undefined

  const onSubmit = form.handleSubmit((values) => {
    if (!values.targetGroupId) {
      form.setError('targetGroupId', { message: 'Choose the target project' })
      return
    }
    if (!values.target) {
      form.setError('target', { message: `Choose the ${what}` })
      return
    }
    onNext({ targetGroupId: values.targetGroupId, target: values.target })
  })

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <SelectField
        label="Target project"
        error={errors.targetGroupId}
        {...form.register('targetGroupId', {
          onChange: () => form.setValue('target', ''),
        })}
      >
        <option value="">Choose a project…</option>
        {projectsOf(rows).map((p) => (
          <option key={p.groupId} value={p.groupId}>
            {p.projectName}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={flex ? 'Target deployment' : 'Target cluster'}
        hint={`All existing data on the ${what} will be deleted.`}
        error={errors.target}
        disabled={!targetGroupId}
        {...form.register('target')}
      >
        <option value="">Choose a {flex ? 'deployment' : 'cluster'}…</option>
        {candidates.map((r) => (
          <option key={r.name} value={r.name}>
            {deploymentLabel(r)}
          </option>
        ))}
      </SelectField>
      {targetRow ? (
        <PreflightPanel target={targetRow.name} preflight={preflight} />
      ) : null}
      <StepActions
        onBack={() =>
          onBack(
            targetGroupId && target ? { targetGroupId, target } : undefined,
          )
        }
        blockedReason={blocked}
      />
    </form>
  )
}
