import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState } from 'react'

import { useTimeZone } from '../../../lib/time-zone'
import type { SnapshotRow } from '../model'
import { MemberCells, SnapshotCells } from './snapshot-cells'

/** Fixed row height: two lines of time. Virtualisation needs it, and it keeps scrolling smooth. */
export const ROW_HEIGHT = 56
const HEADER_HEIGHT = 44

type Item =
  | { type: 'snapshot'; key: string; snapshot: SnapshotRow }
  | {
      type: 'member'
      key: string
      snapshot: SnapshotRow
      member: NonNullable<SnapshotRow['members']>[number]
    }

function flatten(
  rows: readonly SnapshotRow[],
  expanded: ReadonlySet<string>,
): Item[] {
  const items: Item[] = []
  for (const snapshot of rows) {
    items.push({ type: 'snapshot', key: snapshot.id, snapshot })
    if (expanded.has(snapshot.id)) {
      for (const member of snapshot.members ?? []) {
        items.push({
          type: 'member',
          key: `${snapshot.id}/${member.id}`,
          snapshot,
          member,
        })
      }
    }
  }
  return items
}

type SnapshotTableProps = {
  rows: readonly SnapshotRow[]
  labelledBy: string
  selectedId: string | undefined
  onSelect: (id: string) => void
  /** Flex snapshots have no expiry of their own: the last 8 are kept (R6). */
  rollingRetention?: boolean
}

/**
 * A real table, virtualised: only the rows in view (plus a few) are in the DOM, with padding
 * rows above and below, so 10,000 snapshots scroll smoothly. aria-rowcount and aria-rowindex
 * tell assistive technology where each rendered row sits in the whole.
 */
export function SnapshotTable({
  rows,
  labelledBy,
  selectedId,
  onSelect,
  rollingRetention = false,
}: SnapshotTableProps) {
  const { mode } = useTimeZone()
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set())
  const items = useMemo(() => flatten(rows, expanded), [rows, expanded])
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's documented hook; this component is not memoised by the compiler.
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => items[index]?.key ?? index,
    overscan: 8,
    // Rows start below the sticky header, which also covers the top of the view.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialRect: { width: 1000, height: 480 },
  })

  // Scroll the selected snapshot into view when the selection changes (e.g. from the
  // timeline), or once it first appears, not on every refetch.
  const scrolledTo = useRef<string | undefined>(undefined)
  const selectedIndex = items.findIndex(
    (item) => item.type === 'snapshot' && item.snapshot.id === selectedId,
  )
  useEffect(() => {
    if (selectedId === undefined || selectedIndex < 0) return
    if (scrolledTo.current === selectedId) return
    scrolledTo.current = selectedId
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedId, selectedIndex, virtualizer])

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev)
      if (!next.delete(id)) next.add(id)
      return next
    })

  const virtualRows = virtualizer.getVirtualItems()
  const margin = HEADER_HEIGHT
  const paddingTop = (virtualRows[0]?.start ?? margin) - margin
  const paddingBottom =
    virtualizer.getTotalSize() - ((virtualRows.at(-1)?.end ?? margin) - margin)

  return (
    <div
      ref={scrollRef}
      className="virtual-scroll"
      role="region"
      aria-labelledby={labelledBy}
      tabIndex={0}
    >
      <table
        className="data-table snapshot-table"
        aria-labelledby={labelledBy}
        aria-rowcount={items.length + 1}
      >
        <colgroup>
          <col className="col-created" />
          <col className="col-type" />
          <col className="col-frequency" />
          <col className="col-status" />
          <col className="col-size" />
          <col className="col-expires" />
          <col />
          <col className="col-description" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Created</th>
            <th scope="col">Type</th>
            <th scope="col">Frequency</th>
            <th scope="col">Status</th>
            <th scope="col">Size</th>
            <th scope="col">Expires</th>
            <th scope="col">Copies</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? (
            <tr
              aria-hidden="true"
              className="spacer"
              style={{ height: paddingTop }}
            />
          ) : null}
          {virtualRows.map((virtualRow) => {
            const item = items[virtualRow.index]
            if (!item) return null
            const selected =
              item.type === 'snapshot' && item.snapshot.id === selectedId
            return (
              <tr
                key={virtualRow.key}
                aria-rowindex={virtualRow.index + 2}
                className={`${item.type}-row${selected ? ' selected' : ''}`}
                style={{ height: ROW_HEIGHT }}
              >
                {item.type === 'snapshot' ? (
                  <SnapshotCells
                    snapshot={item.snapshot}
                    mode={mode}
                    selected={selected}
                    expanded={expanded.has(item.snapshot.id)}
                    onSelect={onSelect}
                    onToggle={toggle}
                    rollingRetention={rollingRetention}
                  />
                ) : (
                  <MemberCells member={item.member} />
                )}
              </tr>
            )
          })}
          {paddingBottom > 0 ? (
            <tr
              aria-hidden="true"
              className="spacer"
              style={{ height: paddingBottom }}
            />
          ) : null}
        </tbody>
      </table>
    </div>
  )
}
