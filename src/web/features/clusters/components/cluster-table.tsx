import type { OverviewRow } from '../../../../contract/bff/overview'
import type { ClusterListParams, SortKey } from '../list-params'
import { ClusterRow } from './cluster-row'
import { SortHeader } from './sort-header'

type ClusterTableProps = {
  rows: readonly OverviewRow[]
  params: ClusterListParams
  onSort: (column: SortKey) => void
  fetchedAtMs: number
  nowMs: number
}

const columns: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'project', label: 'Project' },
  { key: 'type', label: 'Type and tier' },
  { key: 'version', label: 'MongoDB' },
  { key: 'backup', label: 'Backup' },
  { key: 'continuous', label: 'Continuous backup' },
  { key: 'latest', label: 'Latest snapshot' },
  { key: 'next', label: 'Next snapshot' },
  { key: 'rpo', label: 'Achievable RPO' },
  { key: 'restores', label: 'Active restores' },
]

export function ClusterTable({
  rows,
  params,
  onSort,
  fetchedAtMs,
  nowMs,
}: ClusterTableProps) {
  const sortedBy = columns.find((c) => c.key === params.sort)?.label ?? ''
  return (
    <div
      className="table-scroll"
      role="region"
      aria-labelledby="clusters-caption"
      tabIndex={0}
    >
      <table className="data-table">
        <caption id="clusters-caption">
          Clusters ({rows.length}), sorted by {sortedBy},{' '}
          {params.dir === 'asc' ? 'ascending' : 'descending'}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <SortHeader
                key={column.key}
                column={column.key}
                sort={params.sort}
                dir={params.dir}
                onSort={onSort}
              >
                {column.label}
              </SortHeader>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ClusterRow
              key={`${row.groupId}/${row.kind}/${row.name}`}
              row={row}
              fetchedAtMs={fetchedAtMs}
              nowMs={nowMs}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}
