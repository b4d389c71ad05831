import type { Overview } from '../../../../contract/bff/overview'
import type { ClusterListParams, TypeFilter } from '../list-params'
import { typeFilters } from '../list-params'
import { typeLabels } from '../rows'

type ClusterFiltersProps = {
  overview: Overview
  params: ClusterListParams
  onChange: (
    change: Partial<ClusterListParams>,
    options?: { replace?: boolean },
  ) => void
}

function projectsOf(overview: Overview) {
  const byId = new Map<string, string>()
  for (const row of overview.rows) byId.set(row.groupId, row.projectName)
  for (const p of overview.projectErrors) byId.set(p.groupId, p.projectName)
  return [...byId.entries()].sort((a, b) => a[1].localeCompare(b[1]))
}

/** Filter by project, type and text; each lands in the URL. */
export function ClusterFilters({
  overview,
  params,
  onChange,
}: ClusterFiltersProps) {
  const filtered =
    params.project !== undefined ||
    params.type !== undefined ||
    params.problem !== undefined ||
    params.q !== ''
  return (
    <div role="search" className="filters" aria-label="Filter clusters">
      <div className="field">
        <label htmlFor="cluster-project">Project</label>
        <select
          id="cluster-project"
          value={params.project ?? ''}
          onChange={(e) => onChange({ project: e.target.value || undefined })}
        >
          <option value="">All projects</option>
          {projectsOf(overview).map(([groupId, name]) => (
            <option key={groupId} value={groupId}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="cluster-type">Type</label>
        <select
          id="cluster-type"
          value={params.type ?? ''}
          onChange={(e) =>
            onChange({
              type: (e.target.value || undefined) as TypeFilter | undefined,
            })
          }
        >
          <option value="">All types</option>
          {typeFilters.map((type) => (
            <option key={type} value={type}>
              {typeLabels[type]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="cluster-search">Search</label>
        <input
          id="cluster-search"
          type="search"
          placeholder="Name, project, tier or version"
          value={params.q}
          onChange={(e) => onChange({ q: e.target.value }, { replace: true })}
        />
      </div>
      {filtered ? (
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange({
              project: undefined,
              type: undefined,
              problem: undefined,
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
