import {
  snapshotFrequencyTypes,
  snapshotStatuses,
} from '../../../../contract/atlas/common'
import {
  formatInstant,
  fromDateTimeInput,
  localOffsetLabel,
  toDateTimeInput,
} from '../../../lib/format-time'
import { useTimeZone } from '../../../lib/time-zone'
import { type BrowserParams, isFiltered } from '../browser-params'
import { frequencyLabels, statusLabels } from '../model'

type SnapshotFiltersProps = {
  params: BrowserParams
  onChange: (
    change: Partial<BrowserParams>,
    options?: { replace?: boolean },
  ) => void
}

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value)
    ? list.filter((v) => v !== value)
    : [...list, value]
}

/** S2: policy vs on-demand, frequency, status, a time range and text; all in the URL. */
export function SnapshotFilters({ params, onChange }: SnapshotFiltersProps) {
  const { mode } = useTimeZone()
  const zone = mode === 'utc' ? 'UTC' : `local, ${localOffsetLabel()}`
  const setInstant = (key: 'from' | 'to', value: string) => {
    const at = fromDateTimeInput(value, mode)
    onChange({ [key]: at?.toISOString() }, { replace: true })
  }
  return (
    <div
      role="search"
      className="filters snapshot-filters"
      aria-label="Filter snapshots"
    >
      <fieldset>
        <legend>Origin</legend>
        {(
          [
            ['all', 'All'],
            ['policy', 'Policy'],
            ['onDemand', 'On demand'],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="origin"
              checked={params.origin === value}
              onChange={() => onChange({ origin: value })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Frequency</legend>
        {snapshotFrequencyTypes.map((f) => (
          <label key={f}>
            <input
              type="checkbox"
              checked={params.frequencies.includes(f)}
              onChange={() =>
                onChange({ frequencies: toggle(params.frequencies, f) })
              }
            />
            {frequencyLabels[f]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Status</legend>
        {snapshotStatuses.map((s) => (
          <label key={s}>
            <input
              type="checkbox"
              checked={params.statuses.includes(s)}
              onChange={() =>
                onChange({ statuses: toggle(params.statuses, s) })
              }
            />
            {statusLabels[s]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Created ({zone})</legend>
        <div className="field">
          <label htmlFor="created-from">From</label>
          <input
            id="created-from"
            type="datetime-local"
            value={params.from ? toDateTimeInput(params.from, mode) : ''}
            onChange={(e) => setInstant('from', e.target.value)}
            aria-describedby={params.from ? 'created-from-shown' : undefined}
          />
          {params.from ? (
            <span id="created-from-shown" className="field-hint">
              {formatInstant(params.from, mode)}
            </span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="created-to">To</label>
          <input
            id="created-to"
            type="datetime-local"
            value={params.to ? toDateTimeInput(params.to, mode) : ''}
            onChange={(e) => setInstant('to', e.target.value)}
            aria-describedby={params.to ? 'created-to-shown' : undefined}
          />
          {params.to ? (
            <span id="created-to-shown" className="field-hint">
              {formatInstant(params.to, mode)}
            </span>
          ) : null}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="snapshot-search">Search</label>
        <input
          id="snapshot-search"
          type="search"
          placeholder="Id, description or member"
          value={params.q}
          onChange={(e) => onChange({ q: e.target.value }, { replace: true })}
        />
      </div>
      {isFiltered(params) ? (
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange({
              origin: 'all',
              frequencies: [],
              statuses: [],
              from: undefined,
              to: undefined,
              q: '',
            })
          }
        >
          Clear filters
        </button>
      ) : null}
    </div>
  )
}
