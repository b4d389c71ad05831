import {
  type KeyboardEvent,
  type MouseEvent,
  useMemo,
  useRef,
  useState,
} from 'react'

import { nearestTick } from '../timeline-marks'
import type { Tick, Timeline } from '../timeline-model'
import { LANE } from './timeline-geometry'

const keyMoves: Record<string, (index: number, last: number) => number> = {
  ArrowRight: (i) => i + 1,
  ArrowDown: (i) => i + 1,
  ArrowLeft: (i) => i - 1,
  ArrowUp: (i) => i - 1,
  Home: () => 0,
  End: (_, last) => last,
}

/**
 * Which tick the pointer is over and which one the keyboard is on, for a plot that draws its
 * ticks as paths (no element per tick). The pointer takes the tick nearest to it, by time, in
 * the lane under it. The keyboard's current tick is the last one moved to or clicked, else
 * the selected one, else the newest; the arrow keys, Home and End walk all ticks in time order.
 */
export function useTimelineCursor(
  timeline: Timeline,
  selectedId: string | undefined,
  onSelect: (id: string) => void,
) {
  const { ticks, lanes } = timeline
  const [activeId, setActiveId] = useState<string | undefined>(undefined)
  const [hoveredId, setHoveredId] = useState<string | null>(null)
  // Focus from the keyboard shows the current tick (ring and tooltip); a click does not.
  const [keyboard, setKeyboard] = useState(false)
  const pressed = useRef(false)

  const indexOf = useMemo(
    () => new Map(ticks.map((t, i) => [t.snapshot.id, i])),
    [ticks],
  )
  const currentIndex =
    (activeId === undefined ? undefined : indexOf.get(activeId)) ??
    (selectedId === undefined ? undefined : indexOf.get(selectedId)) ??
    ticks.length - 1
  const current = ticks[currentIndex]
  // By id: the pointer may rest while the filters change the ticks under it.
  const hovered =
    (hoveredId === null ? undefined : ticks[indexOf.get(hoveredId) ?? -1]) ??
    null

  const tickAt = (event: MouseEvent): Tick | undefined => {
    const box = event.currentTarget.getBoundingClientRect()
    const lane = lanes[Math.floor((event.clientY - box.top) / LANE)]
    if (!lane || box.width <= 0) return undefined
    return nearestTick(lane.ticks, (event.clientX - box.left) / box.width)
  }

  const pick = (tick: Tick) => {
    setActiveId(tick.snapshot.id)
    onSelect(tick.snapshot.id)
  }

  const handlers = {
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        if (current) pick(current)
        return
      }
      const move = keyMoves[event.key]
      if (!move) return
      event.preventDefault()
      const last = ticks.length - 1
      const next = ticks[Math.max(0, Math.min(last, move(currentIndex, last)))]
      if (next) setActiveId(next.snapshot.id)
      setKeyboard(true)
    },
    onMouseDown: () => {
      pressed.current = true
    },
    onFocus: () => {
      setKeyboard(!pressed.current)
      pressed.current = false
    },
    onBlur: () => setKeyboard(false),
    onMouseMove: (event: MouseEvent) =>
      setHoveredId(tickAt(event)?.snapshot.id ?? null),
    onMouseLeave: () => setHoveredId(null),
    onClick: (event: MouseEvent) => {
      const tick = tickAt(event)
      if (tick) pick(tick)
    },
  }

  return { current, currentIndex, hovered, keyboard, handlers }
}
