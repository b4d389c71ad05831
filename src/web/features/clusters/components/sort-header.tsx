import type { ReactNode } from 'react'

import type { SortDirection, SortKey } from '../list-params'

type SortHeaderProps = {
  column: SortKey
  sort: SortKey
  dir: SortDirection
  onSort: (column: SortKey) => void
  children: ReactNode
}

/** A column header that sorts: aria-sort on the header, a real button inside it. */
export function SortHeader({
  column,
  sort,
  dir,
  onSort,
  children,
}: SortHeaderProps) {
  const active = sort === column
  const ariaSort = active
    ? dir === 'asc'
      ? 'ascending'
      : 'descending'
    : undefined
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(column)}
      >
        {children}
        <span aria-hidden="true" className="sort-arrow">
          {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  )
}
