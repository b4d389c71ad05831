import { describe, expect, it } from 'vitest'

import type { SnapshotRow } from './model'
import { makeRows } from './test-rows'
import { laneMarks, nearestTick } from './timeline-marks'
import type { Tick } from './timeline-model'

const base = makeRows(1)[0]!

function tick(x: number, status: SnapshotRow['status'] = 'completed'): Tick {
  return { snapshot: { ...base, id: `${x}`, status }, lane: 'hourly', x }
}

describe('timeline marks', () => {
  it('draws one rectangle per tick, by kind, at the tick’s pixel column', () => {
    const marks = laneMarks(
      [tick(0.1), tick(0.2, 'failed'), tick(0.3, 'inProgress'), tick(0.5)],
      1000,
      28,
      28,
    )
    expect(marks).toEqual({
      done: 'M98 33h4v18h-4zM498 33h4v18h-4z',
      failed: 'M198 33h4v18h-4z',
      // Queued or in progress: the lower half of the lane.
      busy: 'M298 42h4v9h-4z',
    })
  })

  it('merges ticks whose marks would touch, so the path is bounded by the width', () => {
    // 10,000 ticks evenly across 1000 px: one rectangle across the lane.
    const dense = Array.from({ length: 10_000 }, (_, i) => tick(i / 9_999))
    expect(laneMarks(dense, 1000, 0, 28).done).toBe('M-2 5h1004v18h-1004z')
    // 4 px apart touch; 5 px apart do not.
    expect(
      laneMarks([tick(0.1), tick(0.104), tick(0.109)], 1000, 0, 28).done,
    ).toBe('M98 5h8v18h-8zM107 5h4v18h-4z')
  })

  it('finds the nearest tick by x, ties to the earlier', () => {
    const ticks = [tick(0.1), tick(0.2), tick(0.4)]
    expect(nearestTick(ticks, 0)?.x).toBe(0.1)
    expect(nearestTick(ticks, 0.16)?.x).toBe(0.2)
    expect(nearestTick(ticks, 0.3)?.x).toBe(0.2)
    expect(nearestTick(ticks, 0.31)?.x).toBe(0.4)
    expect(nearestTick(ticks, 1)?.x).toBe(0.4)
    expect(nearestTick([], 0.5)).toBeUndefined()
  })
})
