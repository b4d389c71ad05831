import { useId, useMemo } from 'react'

import { formatDay, formatInstant } from '../../../lib/format-time'
import { useTimeZone } from '../../../lib/time-zone'
import type { Lane, Timeline } from '../timeline-model'
import { useElementWidth } from '../use-element-width'
import { TimelineBands } from './timeline-bands'
import { AXIS, LANE, pct, tickLabel } from './timeline-geometry'
import { laneLabels, TimelineLegend } from './timeline-legend'
import { TickMark, TickRing, TimelineTicks } from './timeline-ticks'
import { TimelineTooltip } from './timeline-tooltip'
import { useTimelineCursor } from './use-timeline-cursor'

const DAY = 86_400_000
/** Where nothing is laid out (tests), ticks are merged as if the plot were this wide. */
const UNMEASURED_WIDTH = 1000

type SnapshotTimelineProps = {
  timeline: Timeline
  selectedId: string | undefined
  onSelect: (id: string) => void
}

/**
 * The snapshots as ticks across the span, one labelled row per frequency, over the
 * point-in-time window, post-restore blackouts and gaps. Hovering shows the snapshot nearest
 * the pointer in the lane under it; clicking selects it in the table.
 *
 * The ticks are drawn as a few paths (there may be 10,000 snapshots), so there is no element
 * per tick to focus. The plot is one tab stop instead, a listbox whose only rendered option is
 * the current snapshot, named by aria-activedescendant: screen readers say which snapshot is
 * current (and its place, "3 of 120") as the arrow keys, Home and End move it in time order,
 * and Enter selects it. One pattern whatever the number of ticks, and the DOM stays bounded.
 */
export function SnapshotTimeline({
  timeline,
  selectedId,
  onSelect,
}: SnapshotTimelineProps) {
  const { mode } = useTimeZone()
  const optionBase = useId()
  const [measure, measured] = useElementWidth()
  const { ticks } = timeline
  const cursor = useTimelineCursor(timeline, selectedId, onSelect)
  const { current, hovered, keyboard } = cursor
  // No snapshot in the span: one empty lane still shows the window, blackouts and gaps.
  const rows = useMemo<(Lane | null)[]>(
    () =>
      timeline.lanes.length > 0 ? timeline.lanes.map((l) => l.lane) : [null],
    [timeline.lanes],
  )
  const rowOf = (lane: Lane) => Math.max(0, rows.indexOf(lane))
  const plotHeight = rows.length * LANE
  const selected = useMemo(
    () => ticks.find((t) => t.snapshot.id === selectedId),
    [ticks, selectedId],
  )
  const shown = hovered ?? (keyboard ? current : undefined)
  const longSpan =
    timeline.span.end.getTime() - timeline.span.start.getTime() > 3 * DAY
  const optionId = current ? `${optionBase}-${current.snapshot.id}` : undefined

  const picture = (
    <svg width="100%" height={plotHeight + AXIS} aria-hidden="true">
      <TimelineBands timeline={timeline} lanes={rows.length} />
      {selected ? (
        <line
          className="tl-selected-line"
          x1={pct(selected.x)}
          x2={pct(selected.x)}
          y1={0}
          y2={plotHeight}
        />
      ) : null}
      <TimelineTicks
        lanes={timeline.lanes}
        width={measured || UNMEASURED_WIDTH}
      />
      {selected ? (
        <TickMark
          tick={selected}
          row={rowOf(selected.lane)}
          className="tl-selected"
        />
      ) : null}
      {hovered ? (
        <TickRing
          tick={hovered}
          row={rowOf(hovered.lane)}
          className="tl-hover"
        />
      ) : null}
      {keyboard && current ? (
        <TickRing
          tick={current}
          row={rowOf(current.lane)}
          className="tl-current"
        />
      ) : null}
      {timeline.axis.map((a, i) => (
        <text
          key={a.at.getTime()}
          className="tl-axis"
          x={pct(a.x)}
          y={plotHeight + 16}
          textAnchor={
            i === 0
              ? 'start'
              : i === timeline.axis.length - 1
                ? 'end'
                : 'middle'
          }
        >
          {longSpan ? formatDay(a.at, mode) : formatInstant(a.at, mode)}
        </text>
      ))}
    </svg>
  )

  return (
    <div className="timeline">
      <TimelineLegend />
      <div className="timeline-body">
        <ul className="lane-labels" aria-hidden="true">
          {rows.map((lane) => (
            <li key={lane ?? 'none'} style={{ height: LANE }}>
              {lane ? laneLabels[lane] : 'No snapshots'}
            </li>
          ))}
        </ul>
        <div className="timeline-plot" ref={measure}>
          {current ? (
            <div
              role="listbox"
              tabIndex={0}
              aria-label="Snapshots over time: arrow keys move between snapshots, Enter selects one"
              aria-activedescendant={optionId}
              className={`tl-listbox${hovered ? ' tl-pointing' : ''}`}
              {...cursor.handlers}
            >
              {picture}
              <div
                key={optionId}
                id={optionId}
                role="option"
                aria-selected={current.snapshot.id === selectedId}
                aria-posinset={cursor.currentIndex + 1}
                aria-setsize={ticks.length}
                className="visually-hidden"
              >
                {tickLabel(current, mode)}
              </div>
            </div>
          ) : (
            picture
          )}
          {shown ? (
            <TimelineTooltip
              tick={shown}
              top={rowOf(shown.lane) * LANE + LANE}
            />
          ) : null}
        </div>
      </div>
    </div>
  )
}
