import {
  type KeyboardEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'

import { formatDay, formatInstant } from '../../../lib/format-time'
import { useTimeZone } from '../../../lib/time-zone'
import type { Lane, Tick, Timeline } from '../timeline-model'
import { TimelineBands } from './timeline-bands'
import { AXIS, LANE, pct } from './timeline-geometry'
import { laneLabels, TimelineLegend } from './timeline-legend'
import { TimelineTicks } from './timeline-ticks'
import { TimelineTooltip } from './timeline-tooltip'

const DAY = 86_400_000

type SnapshotTimelineProps = {
  timeline: Timeline
  selectedId: string | undefined
  onSelect: (id: string) => void
}

const keyMoves: Record<string, (index: number, last: number) => number> = {
  ArrowRight: (i) => i + 1,
  ArrowDown: (i) => i + 1,
  ArrowLeft: (i) => i - 1,
  ArrowUp: (i) => i - 1,
  Home: () => 0,
  End: (_, last) => last,
}

/**
 * The snapshots as ticks across the span, one labelled row per frequency, over the
 * point-in-time window, post-restore blackouts and gaps. Hovering or focusing a tick shows the
 * snapshot; clicking (or Enter) selects it in the table. One tick is in the tab order; the
 * arrow keys, Home and End move between ticks in time order (roving tabindex).
 */
export function SnapshotTimeline({
  timeline,
  selectedId,
  onSelect,
}: SnapshotTimelineProps) {
  const { mode } = useTimeZone()
  const svgRef = useRef<SVGSVGElement>(null)
  const [activeId, setActiveId] = useState<string | undefined>(undefined)
  const [shown, setShown] = useState<Tick | null>(null)
  const { ticks } = timeline
  // No snapshot in the span: one empty lane still shows the window, blackouts and gaps.
  const rows = useMemo<(Lane | null)[]>(
    () =>
      timeline.lanes.length > 0 ? timeline.lanes.map((l) => l.lane) : [null],
    [timeline.lanes],
  )
  const laneIndex = useMemo(
    () => new Map<Lane | null, number>(rows.map((lane, i) => [lane, i])),
    [rows],
  )
  const plotHeight = rows.length * LANE
  const focusId =
    [activeId, selectedId].find((id) =>
      ticks.some((t) => t.snapshot.id === id),
    ) ?? ticks.at(-1)?.snapshot.id
  const selected = ticks.find((t) => t.snapshot.id === selectedId)
  const longSpan =
    timeline.span.end.getTime() - timeline.span.start.getTime() > 3 * DAY

  // The latest onSelect, for a pick handler that never changes (the ticks stay memoised).
  const onSelectRef = useRef(onSelect)
  useEffect(() => {
    onSelectRef.current = onSelect
  }, [onSelect])
  const pick = useCallback((id: string) => {
    setActiveId(id)
    onSelectRef.current(id)
  }, [])

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      if (focusId) onSelect(focusId)
      return
    }
    const move = keyMoves[event.key]
    if (!move) return
    event.preventDefault()
    const index = ticks.findIndex((t) => t.snapshot.id === focusId)
    const last = ticks.length - 1
    const next = ticks[Math.max(0, Math.min(last, move(index, last)))]
    if (!next) return
    setActiveId(next.snapshot.id)
    svgRef.current
      ?.querySelector<SVGElement>(`[data-tick="${next.snapshot.id}"]`)
      ?.focus()
  }

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
        <div className="timeline-plot">
          <svg
            ref={svgRef}
            width="100%"
            height={plotHeight + AXIS}
            role="group"
            aria-label="Snapshots over time: arrow keys move between snapshots, Enter selects one"
            onKeyDown={onKeyDown}
          >
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
              ticks={ticks}
              laneIndex={laneIndex}
              focusId={focusId}
              selectedId={selectedId}
              mode={mode}
              onShow={setShown}
              onFocusTick={setActiveId}
              onPick={pick}
            />
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
          {shown ? (
            <TimelineTooltip
              tick={shown}
              top={(laneIndex.get(shown.lane) ?? 0) * LANE + LANE}
            />
          ) : null}
        </div>
      </div>
    </div>
  )
}
