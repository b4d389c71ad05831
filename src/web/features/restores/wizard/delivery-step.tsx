import { useQueries, useQuery } from '@tanstack/react-query'
import { useForm, useWatch } from 'react-hook-form'

import type { DeliveryType } from '../../../../contract/atlas/common'
import { LoadFailure } from '../../../components/load-failure'
import {
  clusterRestoreJobsQuery,
  deploymentQuery,
  overviewQuery,
} from '../queries'
import {
  deliveryDescription,
  deliveryLabel,
  downloadCounts,
  wizardDeliveryOptions,
} from './delivery-options'
import { useServerClock } from './server-clock'
import { StepActions } from './step-actions'
import type { StepProps } from './step-props'

type DeliveryValues = { delivery: DeliveryType | '' }

export function DeliveryStep({ answers, onNext, onBack }: StepProps) {
  const { groupId = '', cluster = '', kind = 'dedicated' } = answers
  const overview = useQuery(overviewQuery())
  const source = useQuery(deploymentQuery(kind, groupId, cluster))
  const clock = useServerClock()
  // R3: downloads are counted across the whole project, so every dedicated cluster's jobs.
  const projectClusters = (overview.data?.rows ?? []).filter(
    (r) => r.groupId === groupId && r.kind === 'dedicated',
  )
  const jobs = useQueries({
    queries: projectClusters.map((r) =>
      clusterRestoreJobsQuery(r.groupId, r.name),
    ),
  })
  const form = useForm<DeliveryValues>({
    defaultValues: { delivery: answers.delivery ?? '' },
  })
  const selected = useWatch({ control: form.control, name: 'delivery' })

  if (source.isPending) return <p role="status">Loading {cluster}…</p>
  if (source.isError) {
    return (
      <LoadFailure
        error={source.error}
        what={`The settings of ${cluster}`}
        onRetry={() => void source.refetch()}
      />
    )
  }
  const countsReady =
    kind === 'dedicated' &&
    answers.snapshotId !== undefined &&
    jobs.length > 0 &&
    jobs.every((j) => j.isSuccess)
  const counts = countsReady
    ? downloadCounts(
        jobs.flatMap((j) => j.data?.results ?? []),
        answers.snapshotId ?? '',
        clock.now(),
      )
    : undefined
  const facts = source.data
  const options = wizardDeliveryOptions(
    {
      kind,
      pitEnabled: facts.pitEnabled,
      // Encryption at rest with a cloud provider's keys is customer key management (R1).
      customerKeyEncryption: facts.encryptionAtRestProvider !== 'NONE',
    },
    answers.from,
    counts,
  )

  const onSubmit = form.handleSubmit((values) => {
    const option = options.find((o) => o.deliveryType === values.delivery)
    if (!option) {
      form.setError('delivery', { message: 'Choose how to restore' })
      return
    }
    if (!option.result.ok) {
      form.setError('delivery', { message: `${option.result.reason}.` })
      return
    }
    onNext({ delivery: option.deliveryType })
  })

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <fieldset className="choice-group">
        <legend>Delivery type</legend>
        {options.map(({ deliveryType, result }) => {
          const descId = `delivery-${deliveryType}-desc`
          const reasonId = `delivery-${deliveryType}-reason`
          return (
            <div key={deliveryType} className="choice-option">
              <label className="choice">
                <input
                  type="radio"
                  value={deliveryType}
                  disabled={!result.ok}
                  aria-describedby={
                    result.ok ? descId : `${descId} ${reasonId}`
                  }
                  {...form.register('delivery')}
                />
                {deliveryLabel[deliveryType]}
              </label>
              <p id={descId} className="field-hint">
                {deliveryDescription[deliveryType]}
              </p>
              {result.ok ? null : (
                <p id={reasonId} className="reason">
                  Not available: {result.reason}.
                </p>
              )}
            </div>
          )
        })}
        {form.formState.errors.delivery?.message ? (
          <p className="field-error" role="alert">
            {form.formState.errors.delivery.message}
          </p>
        ) : null}
      </fieldset>
      {selected === 'download' && !countsReady ? (
        <p role="status">Checking this project&apos;s download limits…</p>
      ) : null}
      <StepActions
        onBack={() => onBack(selected ? { delivery: selected } : undefined)}
      />
    </form>
  )
}
