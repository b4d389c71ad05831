import { memo, type SyntheticEvent } from 'react'

import type { TimeZoneMode } from '../../../lib/time-zone'
import type { Lane, Tick } from '../timeline-model'
import { LANE, pct, tickLabel } from './timeline-geometry'

type TimelineTicksProps = {
  ticks: readonly Tick[]
  laneIndex: ReadonlyMap<Lane | null, number>
  focusId: string | undefined
  selectedId: string | undefined
  mode: TimeZoneMode
  /** Hovered or focused (null: neither). */
  onShow: (tick: Tick | null) => void
  onFocusTick: (id: string) => void
  onPick: (id: string) => void
}

/**
 * The ticks, memoised and with delegated handlers: hovering redraws the tooltip only, not
 * thousands of ticks. Each tick is a button named by its snapshot (frequency, time, status).
 */
export const TimelineTicks = memo(function TimelineTicks({
  ticks,
  laneIndex,
  focusId,
  selectedId,
  mode,
  onShow,
  onFocusTick,
  onPick,
}: TimelineTicksProps) {
  const byId = new Map(ticks.map((t) => [t.snapshot.id, t]))
  const tickOf = (event: SyntheticEvent) =>
    byId.get((event.target as Element).getAttribute('data-tick') ?? '')
  return (
    <g
      onMouseOver={(e) => {
        const tick = tickOf(e)
        if (tick) onShow(tick)
      }}
      onMouseOut={() => onShow(null)}
      onFocus={(e) => {
        const tick = tickOf(e)
        if (!tick) return
        onFocusTick(tick.snapshot.id)
        onShow(tick)
      }}
      onBlur={() => onShow(null)}
      onClick={(e) => {
        const tick = tickOf(e)
        if (tick) onPick(tick.snapshot.id)
      }}
    >
      {ticks.map((tick) => {
        const id = tick.snapshot.id
        const row = laneIndex.get(tick.lane) ?? 0
        const status = tick.snapshot.status
        const busy = status === 'queued' || status === 'inProgress'
        const selected = id === selectedId
        return (
          <rect
            key={id}
            data-tick={id}
            role="button"
            tabIndex={id === focusId ? 0 : -1}
            aria-label={tickLabel(tick, mode)}
            aria-pressed={selected}
            className={`tl-tick tl-lane-${tick.lane}${status === 'failed' ? ' tl-failed' : ''}${selected ? ' tl-selected' : ''}`}
            x={pct(tick.x)}
            y={row * LANE + (busy ? LANE / 2 : 5)}
            width={4}
            height={busy ? LANE / 2 - 5 : LANE - 10}
            transform="translate(-2 0)"
          />
        )
      })}
    </g>
  )
})
