import { memo } from 'react'

import {
  laneMarks,
  TICK_WIDTH,
  tickBox,
  tickKind,
  type TickKind,
  tickKinds,
} from '../timeline-marks'
import type { Lane, Tick, Timeline } from '../timeline-model'
import { LANE, pct } from './timeline-geometry'

const tickClass = (lane: Lane, kind: TickKind) =>
  `tl-tick tl-lane-${lane}${kind === 'failed' ? ' tl-failed' : ''}`

type TimelineTicksProps = {
  lanes: Timeline['lanes']
  /** The plot's width in pixels: ticks closer than a few pixels share one mark. */
  width: number
}

/**
 * Every tick, as at most three paths per lane (completed, in progress, failed; failed drawn
 * last so that it shows): a few elements whatever the number of snapshots, and memoised, so
 * hovering or moving the keyboard's current tick redraws none of them.
 */
export const TimelineTicks = memo(function TimelineTicks({
  lanes,
  width,
}: TimelineTicksProps) {
  return (
    <g className="tl-ticks">
      {lanes.map(({ lane, ticks }, row) => {
        const marks = laneMarks(ticks, width, row * LANE, LANE)
        return tickKinds.map((kind) =>
          marks[kind] ? (
            <path
              key={`${lane}-${kind}`}
              className={tickClass(lane, kind)}
              data-lane={lane}
              data-kind={kind}
              d={marks[kind]}
            />
          ) : null,
        )
      })}
    </g>
  )
})

/** One tick drawn on its own: the selected snapshot, over the others. */
export function TickMark({
  tick,
  row,
  className,
}: {
  tick: Tick
  row: number
  className: string
}) {
  const kind = tickKind(tick)
  const { y, height } = tickBox(kind, LANE)
  return (
    <rect
      className={`${tickClass(tick.lane, kind)} ${className}`}
      x={pct(tick.x)}
      y={row * LANE + y}
      width={TICK_WIDTH}
      height={height}
      transform={`translate(${-TICK_WIDTH / 2} 0)`}
    />
  )
}

/** A ring around one tick: the hovered one, or the keyboard's current one. */
export function TickRing({
  tick,
  row,
  className,
}: {
  tick: Tick
  row: number
  className: string
}) {
  return (
    <rect
      className={className}
      x={pct(tick.x)}
      y={row * LANE + 2}
      width={TICK_WIDTH + 6}
      height={LANE - 4}
      rx={2}
      transform={`translate(${-(TICK_WIDTH + 6) / 2} 0)`}
    />
  )
}
