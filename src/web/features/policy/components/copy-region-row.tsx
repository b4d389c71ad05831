import { useId } from 'react'
import {
  get,
  useFieldArray,
  useFormContext,
  useFormState,
  useWatch,
} from 'react-hook-form'

import { retentionUnits } from '../../../../contract/atlas/common'
import { regionLabel } from '../../../../contract/atlas/regions'
import { type CopyKind, copyKinds } from '../../../../contract/rules/copy-kinds'
import type {
  CopyRegionOption,
  CopyZone,
} from '../../../../contract/rules/copy-zones'
import { newCopyItem } from '../copy-values'
import { COPIES, ITEMS, type PolicyFormValues } from '../form-schema'
import { CellField } from './cell-field'

type CopyRegionRowProps = {
  index: number
  /** The row's number within its zone, from 1. */
  n: number
  zone: CopyZone
  options: readonly CopyRegionOption[]
  /** The kinds the policy takes (on-demand always): the only ones offered. */
  offered: readonly CopyKind[]
  pitEnabled: boolean
  onRemove: () => void
}

const kindLabels: Record<CopyKind, string> = {
  hourly: 'Hourly',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  yearly: 'Yearly',
  ondemand: 'On-demand',
}

/** One copy region of a zone: where, which kinds kept how long, oplogs (issue 9). */
export function CopyRegionRow(props: CopyRegionRowProps) {
  const { index, n, zone, options, offered, pitEnabled } = props
  const { register, control } = useFormContext<PolicyFormValues>()
  const { errors } = useFormState({ control })
  const path = `${COPIES}.${index}` as const
  const items = useFieldArray({ control, name: `${path}.copyPolicyItems` })
  const row = useWatch({ control, name: path })
  const policyItems = useWatch({ control, name: ITEMS })
  const oplogHint = useId()
  const oplogError = `${oplogHint}-error`
  const message = (field: string): string | undefined => {
    const error: unknown = get(errors, `${path}.${field}`)
    return error && typeof error === 'object' && 'message' in error
      ? String(error.message)
      : undefined
  }
  const copied = row.copyPolicyItems
  // Kinds read from Atlas that the policy no longer takes stay visible, with their error.
  const kinds = copyKinds.filter(
    (k) => offered.includes(k) || copied.some((i) => i.frequencyType === k),
  )
  const region = row.regionName
  const name = `${zone.zoneName} copy region ${n}`
  const known = options.some((o) => o.regionName === region)
  const listError = message('copyPolicyItems.root')

  return (
    <fieldset className="copy-region">
      <legend>
        {name}: {region ? regionLabel(zone.provider, region) : 'no region'}
      </legend>
      <div className="copy-region-place">
        <CellField label={`${name} region`} error={message('regionName')}>
          {(p) => (
            <select {...p} {...register(`${path}.regionName`)}>
              {known || !region ? null : (
                <option value={region}>{region}</option>
              )}
              <optgroup label="Regions without nodes of this cluster">
                {options
                  .filter((o) => !o.holdsNodes)
                  .map((o) => (
                    <option key={o.regionName} value={o.regionName}>
                      {o.regionName} ({o.location})
                    </option>
                  ))}
              </optgroup>
              {options.some((o) => o.holdsNodes) ? (
                <optgroup label="Regions that hold nodes of this cluster">
                  {options
                    .filter((o) => o.holdsNodes)
                    .map((o) => (
                      <option key={o.regionName} value={o.regionName}>
                        {o.regionName} ({o.location})
                      </option>
                    ))}
                </optgroup>
              ) : null}
            </select>
          )}
        </CellField>
        <span className="hint">{row.cloudProvider}</span>
        {message('cloudProvider') ? (
          <p className="field-error" role="alert">
            {message('cloudProvider')}
          </p>
        ) : null}
      </div>
      <table className="data-table policy-items copy-kinds">
        <caption className="visually-hidden">
          Snapshots copied to {region || 'this region'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Copy</th>
            <th scope="col">Keep copies for</th>
            <th scope="col">Unit</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => {
            const j = copied.findIndex((i) => i.frequencyType === kind)
            const label = kindLabels[kind].toLowerCase()
            const itemPath = `${path}.copyPolicyItems.${j}` as const
            return (
              <tr key={kind}>
                <th scope="row">
                  <CellField
                    label={`${name}: copy ${label} snapshots`}
                    error={
                      j < 0
                        ? undefined
                        : message(`copyPolicyItems.${j}.frequencyType`)
                    }
                  >
                    {(p) => (
                      <span className="checkbox-cell">
                        <input
                          {...p}
                          type="checkbox"
                          checked={j >= 0}
                          onChange={(event) => {
                            if (event.target.checked)
                              items.append(newCopyItem(kind, policyItems))
                            else items.remove(j)
                          }}
                        />
                        <span aria-hidden="true">{kindLabels[kind]}</span>
                      </span>
                    )}
                  </CellField>
                </th>
                <td>
                  {j < 0 || kind === 'ondemand' ? (
                    <span className="hint">
                      {kind === 'ondemand' && j >= 0 ? 'as the snapshot' : '—'}
                    </span>
                  ) : (
                    <CellField
                      label={`${name}: keep ${label} copies for`}
                      error={message(`copyPolicyItems.${j}.retentionValue`)}
                    >
                      {(p) => (
                        <input
                          {...p}
                          type="number"
                          inputMode="numeric"
                          min={1}
                          step={1}
                          {...register(`${itemPath}.retentionValue`, {
                            valueAsNumber: true,
                          })}
                        />
                      )}
                    </CellField>
                  )}
                </td>
                <td>
                  {j < 0 || kind === 'ondemand' ? null : (
                    <CellField
                      label={`${name}: ${label} copies unit`}
                      error={message(`copyPolicyItems.${j}.retentionUnit`)}
                    >
                      {(p) => (
                        <select
                          {...p}
                          {...register(`${itemPath}.retentionUnit`)}
                        >
                          {retentionUnits.map((u) => (
                            <option key={u} value={u}>
                              {u}
                            </option>
                          ))}
                        </select>
                      )}
                    </CellField>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      <div className="copy-region-more">
        <CellField
          label={`${name}: or copy only the last snapshots (how many, 1 to 500)`}
          error={message('lastNumberOfSnapshots')}
        >
          {(p) => (
            <span className="inline-field">
              <span aria-hidden="true">Or copy only the last</span>
              <input
                {...p}
                type="number"
                inputMode="numeric"
                min={1}
                max={500}
                step={1}
                {...register(`${path}.lastNumberOfSnapshots`, {
                  valueAsNumber: true,
                })}
              />
              <span aria-hidden="true">snapshots</span>
            </span>
          )}
        </CellField>
        <div className="cell-field">
          <label className="checkbox-field">
            <input
              type="checkbox"
              aria-describedby={
                message('shouldCopyOplogs')
                  ? `${oplogHint} ${oplogError}`
                  : oplogHint
              }
              aria-invalid={message('shouldCopyOplogs') ? true : undefined}
              disabled={!pitEnabled && !row.shouldCopyOplogs}
              {...register(`${path}.shouldCopyOplogs`)}
            />
            Copy oplogs to {region || 'this region'}
          </label>
          <p id={oplogHint} className="hint">
            {pitEnabled
              ? 'Needed for a point-in-time restore from this region.'
              : 'Continuous cloud backup is off for this cluster, so there are no oplogs to copy.'}
          </p>
          {message('shouldCopyOplogs') ? (
            <p id={oplogError} className="field-error" role="alert">
              {message('shouldCopyOplogs')}
            </p>
          ) : null}
        </div>
      </div>
      <button type="button" className="button small" onClick={props.onRemove}>
        Remove {name}
      </button>
    </fieldset>
  )
}
