import type { Tick } from './timeline-model'

// How the ticks are drawn and found again, apart from React: each lane is drawn as one SVG path
// per kind of tick, its ticks merged per pixel column, so the picture costs a few elements
// however many snapshots there are; the pointer finds its tick by position instead of by
// element.

/** Completed (solid), failed (hollow) and queued or in progress (short). */
export const tickKinds = ['done', 'busy', 'failed'] as const
export type TickKind = (typeof tickKinds)[number]

/** Width of a tick, in pixels. */
export const TICK_WIDTH = 4

export function tickKind(tick: Tick): TickKind {
  const status = tick.snapshot.status
  if (status === 'failed') return 'failed'
  return status === 'queued' || status === 'inProgress' ? 'busy' : 'done'
}

/** Top and height of a tick of this kind within its lane, in pixels. */
export function tickBox(
  kind: TickKind,
  lane: number,
): { y: number; height: number } {
  return kind === 'busy'
    ? { y: lane / 2, height: lane / 2 - 5 }
    : { y: 5, height: lane - 10 }
}

/**
 * One lane's ticks as path data, one string per kind (empty: none), at `top` in a plot
 * `width` pixels wide. Ticks on the same pixel column, or close enough that their marks would
 * touch, become one rectangle: at most one per few pixels of width.
 */
export function laneMarks(
  ticks: readonly Tick[],
  width: number,
  top: number,
  lane: number,
): Record<TickKind, string> {
  const marks: Record<TickKind, string> = { done: '', busy: '', failed: '' }
  for (const kind of tickKinds) {
    const { y, height } = tickBox(kind, lane)
    const parts: string[] = []
    let from = Number.NaN
    let to = Number.NaN
    const flush = () => {
      if (Number.isNaN(from)) return
      const w = to - from + TICK_WIDTH
      parts.push(`M${from - TICK_WIDTH / 2} ${top + y}h${w}v${height}h${-w}z`)
    }
    for (const tick of ticks) {
      if (tickKind(tick) !== kind) continue
      const column = Math.round(tick.x * width)
      if (column - to <= TICK_WIDTH) {
        to = Math.max(to, column)
        continue
      }
      flush()
      from = column
      to = column
    }
    flush()
    marks[kind] = parts.join('')
  }
  return marks
}

/** The tick nearest to `x` (0–1) among `ticks`, which are in time order (so by x). */
export function nearestTick(
  ticks: readonly Tick[],
  x: number,
): Tick | undefined {
  let lo = 0
  let hi = ticks.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((ticks[mid]?.x ?? 0) < x) lo = mid + 1
    else hi = mid
  }
  const after = ticks[lo]
  const before = ticks[lo - 1]
  if (!after || !before) return after ?? before
  return x - before.x <= after.x - x ? before : after
}
