import { type KeyboardEvent, useRef, useState } from 'react'

import { formatDay, formatInstant } from '../../../lib/format-time'
import { useTimeZone } from '../../../lib/time-zone'
import { frequencyLabels, statusLabels, typeLabels } from '../model'
import type { Tick, Timeline } from '../timeline-model'
import { laneLabels, TimelineLegend } from './timeline-legend'
import { TimelineTooltip } from './timeline-tooltip'

const LANE = 28
const AXIS = 24
const DAY = 86_400_000

type SnapshotTimelineProps = {
  timeline: Timeline
  selectedId: string | undefined
  onSelect: (id: string) => void
}

const pct = (x: number) => `${(x * 100).toFixed(3)}%`

export function tickLabel(tick: Tick, mode: 'utc' | 'local'): string {
  const s = tick.snapshot
  const what = s.frequencyType
    ? `${frequencyLabels[s.frequencyType]} snapshot`
    : `${typeLabels[s.snapshotType]} snapshot`
  const status = s.status
    ? statusLabels[s.status].toLowerCase()
    : 'status unknown'
  return `${what}, ${formatInstant(s.createdAt, mode)}, ${status}`
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
  const rows =
    timeline.lanes.length > 0 ? timeline.lanes : [{ lane: null, ticks: [] }]
  const plotHeight = rows.length * LANE
  const laneIndex = new Map(rows.map((r, i) => [r.lane, i]))
  const focusId =
    [activeId, selectedId].find((id) =>
      ticks.some((t) => t.snapshot.id === id),
    ) ?? ticks.at(-1)?.snapshot.id
  const selected = ticks.find((t) => t.snapshot.id === selectedId)
  const longSpan =
    timeline.span.end.getTime() - timeline.span.start.getTime() > 3 * DAY

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const index = ticks.findIndex((t) => t.snapshot.id === focusId)
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: ticks.length - 1,
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      if (focusId) onSelect(focusId)
      return
    }
    const target = moves[event.key]
    if (target === undefined) return
    event.preventDefault()
    const next = ticks[Math.max(0, Math.min(ticks.length - 1, target))]
    if (!next) return
    setActiveId(next.snapshot.id)
    setShown(next)
    svgRef.current
      ?.querySelector<SVGElement>(`[data-tick="${next.snapshot.id}"]`)
      ?.focus()
  }

  return (
    <div className="timeline">
      <TimelineLegend />
      <div className="timeline-body">
        <ul className="lane-labels" aria-hidden="true">
          {rows.map((r) => (
            <li key={r.lane ?? 'none'} style={{ height: LANE }}>
              {r.lane ? laneLabels[r.lane] : 'No snapshots'}
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
            <defs>
              <pattern
                id="tl-hatch"
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width="6" height="6" className="tl-hatch-bg" />
                <line x1="0" y1="0" x2="0" y2="6" className="tl-hatch-line" />
              </pattern>
            </defs>
            {timeline.restorable.map((b) => (
              <rect
                key={`w${b.start.getTime()}`}
                className="tl-window"
                x={pct(b.x0)}
                width={pct(Math.max(b.x1 - b.x0, 0.002))}
                y={0}
                height={plotHeight}
              />
            ))}
            {timeline.blackouts.map((b) => (
              <rect
                key={`b${b.start.getTime()}`}
                className="tl-blackout"
                x={pct(b.x0)}
                width={pct(Math.max(b.x1 - b.x0, 0.004))}
                y={0}
                height={plotHeight}
              />
            ))}
            {timeline.gaps.map((g) => (
              <rect
                key={`g${g.start.getTime()}`}
                className="tl-gap"
                x={pct(g.x0)}
                width={pct(Math.max(g.x1 - g.x0, 0.002))}
                y={1}
                height={plotHeight - 2}
              />
            ))}
            {rows.map((_, i) => (
              <line
                key={`l${i}`}
                className="tl-lane-line"
                x1="0"
                x2="100%"
                y1={(i + 1) * LANE - 0.5}
                y2={(i + 1) * LANE - 0.5}
              />
            ))}
            {selected ? (
              <line
                className="tl-selected-line"
                x1={pct(selected.x)}
                x2={pct(selected.x)}
                y1={0}
                y2={plotHeight}
              />
            ) : null}
            {ticks.map((tick) => {
              const id = tick.snapshot.id
              const row = laneIndex.get(tick.lane) ?? 0
              const busy =
                tick.snapshot.status === 'queued' ||
                tick.snapshot.status === 'inProgress'
              const failed = tick.snapshot.status === 'failed'
              const top = row * LANE + (busy ? LANE / 2 : 5)
              const height = busy ? LANE / 2 - 5 : LANE - 10
              return (
                <rect
                  key={id}
                  data-tick={id}
                  role="button"
                  tabIndex={id === focusId ? 0 : -1}
                  aria-label={tickLabel(tick, mode)}
                  aria-pressed={id === selectedId}
                  className={`tl-tick tl-lane-${tick.lane}${failed ? ' tl-failed' : ''}${id === selectedId ? ' tl-selected' : ''}`}
                  x={pct(tick.x)}
                  y={top}
                  width={4}
                  height={height}
                  transform="translate(-2 0)"
                  onMouseEnter={() => setShown(tick)}
                  onMouseLeave={() => setShown(null)}
                  onFocus={() => {
                    setActiveId(id)
                    setShown(tick)
                  }}
                  onBlur={() => setShown(null)}
                  onClick={() => {
                    setActiveId(id)
                    onSelect(id)
                  }}
                />
              )
            })}
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
