import { get, useFormContext, useFormState, useWatch } from 'react-hook-form'

import {
  type PolicyFrequencyType,
  retentionUnits,
  snapshotFrequencyTypes,
} from '../../../../contract/atlas/common'
import { allowedIntervals } from '../../../../contract/rules/policy-intervals'
import { frequencyLabels } from '../describe-item'
import { aboutCount } from '../estimate'
import { ITEMS, type PolicyFormValues } from '../form-schema'
import { CellField } from './cell-field'

type PolicyItemRowProps = {
  index: number
  nvme: boolean
  estimate: number | null
  onRemove: () => void
}

const unitLabels = {
  days: 'days',
  weeks: 'weeks',
  months: 'months',
  years: 'years',
}

/** One policy item: frequency, interval (only what P2 allows here), retention, its estimate. */
export function PolicyItemRow({
  index,
  nvme,
  estimate,
  onRemove,
}: PolicyItemRowProps) {
  const { register, setValue, getValues, control } =
    useFormContext<PolicyFormValues>()
  const { errors } = useFormState({ control })
  const path = `${ITEMS}.${index}` as const
  const type = useWatch({ control, name: `${path}.frequencyType` })
  const interval = useWatch({ control, name: `${path}.frequencyInterval` })
  const message = (field: string): string | undefined => {
    const error: unknown = get(errors, `${path}.${field}`)
    return error && typeof error === 'object' && 'message' in error
      ? String(error.message)
      : undefined
  }
  const options = allowedIntervals(type, { nvme })
  // A saved value this cluster does not allow stays visible, marked, so its error makes sense.
  const stray = options.some((o) => o.value === interval)
    ? null
    : {
        value: interval,
        label: `${Number.isNaN(interval) ? '—' : interval} (not allowed)`,
      }
  const n = index + 1
  const typeLabel = frequencyLabels[type].toLowerCase()

  return (
    <tr>
      <th scope="row">Item {n}</th>
      <td>
        <CellField
          label={`Item ${n} frequency`}
          error={message('frequencyType')}
        >
          {(props) => (
            <select
              {...props}
              {...register(`${path}.frequencyType`, {
                // P2: a new type keeps the interval only if that type allows it.
                onChange: () => {
                  const next = getValues(`${path}.frequencyType`)
                  const allowed = allowedIntervals(next, { nvme })
                  const current = getValues(`${path}.frequencyInterval`)
                  const first = allowed[0]
                  if (first && !allowed.some((o) => o.value === current))
                    setValue(`${path}.frequencyInterval`, first.value)
                },
              })}
            >
              {snapshotFrequencyTypes.map((t) => (
                <option key={t} value={t}>
                  {frequencyLabels[t]}
                </option>
              ))}
              {isScheduleType(type) ? null : (
                <option value={type}>{frequencyLabels[type]}</option>
              )}
            </select>
          )}
        </CellField>
      </td>
      <td>
        <CellField
          label={`Item ${n} interval`}
          error={message('frequencyInterval')}
        >
          {(props) => (
            <select
              {...props}
              {...register(`${path}.frequencyInterval`, {
                valueAsNumber: true,
              })}
            >
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
              {stray ? (
                <option value={stray.value}>{stray.label}</option>
              ) : null}
            </select>
          )}
        </CellField>
      </td>
      <td>
        <CellField
          label={`Item ${n} keep for`}
          error={message('retentionValue')}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              {...register(`${path}.retentionValue`, { valueAsNumber: true })}
            />
          )}
        </CellField>
      </td>
      <td>
        <CellField label={`Item ${n} unit`} error={message('retentionUnit')}>
          {(props) => (
            <select {...props} {...register(`${path}.retentionUnit`)}>
              {retentionUnits.map((u) => (
                <option key={u} value={u}>
                  {unitLabels[u]}
                </option>
              ))}
            </select>
          )}
        </CellField>
      </td>
      <td className="numeric">{aboutCount(estimate)}</td>
      <td>
        <button type="button" className="button small" onClick={onRemove}>
          Remove
          <span className="visually-hidden">
            {' '}
            item {n} ({typeLabel})
          </span>
        </button>
      </td>
    </tr>
  )
}

function isScheduleType(type: PolicyFrequencyType): boolean {
  return (snapshotFrequencyTypes as readonly string[]).includes(type)
}
