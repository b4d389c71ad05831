import type { DeliveryType } from '../../../../contract/atlas/common'
import {
  type RestoreJobState,
  restoreJobStates,
} from '../../../../contract/rules/restore-job-state'
import { type Place, deliveryLabels } from './job-model'
import { stateLabels } from './job-states'
import { type JobListParams, isFiltered, placeKey } from './list-params'
import { type ProjectNames, placeLabel } from './place-names'

type JobFiltersProps = {
  params: JobListParams
  places: Place[]
  names: ProjectNames
  onChange: (change: Partial<JobListParams>) => void
}

const deliveries = Object.entries(deliveryLabels) as [DeliveryType, string][]

/** Filter by state, cluster and delivery type; each lands in the URL. */
export function JobFilters({
  params,
  places,
  names,
  onChange,
}: JobFiltersProps) {
  const options = places
    .map((place) => ({ key: placeKey(place), label: placeLabel(place, names) }))
    .sort((a, b) => a.label.localeCompare(b.label))
  // A cluster from the URL that no listed job involves still shows as chosen.
  if (params.cluster && !options.some((o) => o.key === params.cluster))
    options.push({ key: params.cluster, label: params.cluster })
  return (
    <div role="search" className="filters" aria-label="Filter restore jobs">
      <div className="field">
        <label htmlFor="job-state">State</label>
        <select
          id="job-state"
          value={params.state ?? ''}
          onChange={(e) =>
            onChange({
              state: (e.target.value || undefined) as
                RestoreJobState | undefined,
            })
          }
        >
          <option value="">All states</option>
          {restoreJobStates.map((state) => (
            <option key={state} value={state}>
              {stateLabels[state]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="job-cluster">Cluster (source or target)</label>
        <select
          id="job-cluster"
          value={params.cluster ?? ''}
          onChange={(e) => onChange({ cluster: e.target.value || undefined })}
        >
          <option value="">All clusters</option>
          {options.map((option) => (
            <option key={option.key} value={option.key}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="job-delivery">Delivery type</label>
        <select
          id="job-delivery"
          value={params.delivery ?? ''}
          onChange={(e) =>
            onChange({
              delivery: (e.target.value || undefined) as
                DeliveryType | undefined,
            })
          }
        >
          <option value="">All delivery types</option>
          {deliveries.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {isFiltered(params) ? (
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange({
              state: undefined,
              cluster: undefined,
              delivery: undefined,
              project: undefined,
            })
          }
        >
          Clear filters
        </button>
      ) : null}
    </div>
  )
}
