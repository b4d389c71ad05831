import { describe, expect, it } from 'vitest'

import type { SnapshotRow } from './model'
import { makeRows } from './test-rows'
import {
  buildTimeline,
  expectedIntervals,
  findGaps,
  laneOf,
  narrowTimeline,
  spanFor,
} from './timeline-model'

const HOUR = 3_600_000
const t0 = Date.UTC(2026, 10, 20)

function snap(
  hoursAfter: number,
  extra: Partial<SnapshotRow> = {},
): SnapshotRow {
  return {
    ...makeRows(1)[0]!,
    id: `${hoursAfter}`.padStart(24, '0'),
    createdAt: new Date(t0 + hoursAfter * HOUR).toISOString(),
    frequencyType: 'hourly',
    snapshotType: 'scheduled',
    status: 'completed',
    ...extra,
  }
}

describe('timeline model', () => {
  it('puts on-demand snapshots in their own lane', () => {
    expect(
      laneOf(snap(0, { snapshotType: 'onDemand', frequencyType: undefined })),
    ).toBe('onDemand')
    expect(laneOf(snap(0, { frequencyType: 'weekly' }))).toBe('weekly')
    // The snapshot Atlas takes after a restore belongs to no policy item.
    expect(laneOf(snap(0, { frequencyType: undefined }))).toBe('other')
  })

  it('finds a stretch without completed snapshots longer than 1.5 intervals', () => {
    const rows = [
      snap(0),
      snap(6),
      snap(12, { status: 'failed' }),
      snap(18),
      snap(24),
    ]
    const gaps = findGaps(
      rows,
      expectedIntervals(undefined),
      new Date(t0 + 26 * HOUR),
    )
    expect(gaps).toEqual([
      { start: new Date(t0 + 6 * HOUR), end: new Date(t0 + 18 * HOUR) },
    ])
  })

  it('expects the policy interval, and counts the time since the last snapshot', () => {
    const intervals = expectedIntervals([
      {
        frequencyType: 'hourly',
        frequencyInterval: 12,
        retentionUnit: 'days',
        retentionValue: 2,
      },
    ])
    const rows = [snap(0), snap(12), snap(24)]
    expect(findGaps(rows, intervals, new Date(t0 + 30 * HOUR))).toEqual([])
    expect(findGaps(rows, intervals, new Date(t0 + 44 * HOUR))).toHaveLength(1)
  })

  it('does not call retention thinning a gap', () => {
    // Monthly snapshots long ago, hourly ones recently: the old spacing is monthly.
    const rows = [
      snap(-24 * 62, { frequencyType: 'monthly' }),
      snap(-24 * 31, { frequencyType: 'monthly' }),
      snap(-24, { frequencyType: 'daily' }),
      snap(0, { frequencyType: 'daily' }),
      snap(6),
      snap(12),
    ]
    expect(
      findGaps(rows, expectedIntervals(undefined), new Date(t0 + 14 * HOUR)),
    ).toEqual([])
  })

  it('places ticks, window and blackouts on a 0–1 axis', () => {
    const span = { start: new Date(t0), end: new Date(t0 + 100 * HOUR) }
    const timeline = buildTimeline({
      snapshots: [snap(25), snap(50, { frequencyType: 'daily' }), snap(200)],
      span,
      restorable: [
        { start: new Date(t0 + 80 * HOUR), end: new Date(t0 + 100 * HOUR) },
      ],
      blackouts: [{ start: new Date(t0 + 90 * HOUR) }],
      gaps: [],
    })
    expect(timeline.ticks.map((t) => t.x)).toEqual([0.25, 0.5])
    expect(timeline.lanes.map((l) => l.lane)).toEqual(['hourly', 'daily'])
    expect(timeline.restorable[0]).toMatchObject({ x0: 0.8, x1: 1 })
    expect(timeline.blackouts[0]).toMatchObject({ x0: 0.9, x1: 1, open: true })
    expect(timeline.axis).toHaveLength(5)
  })

  it('spans the whole retention, or a recent stretch', () => {
    const rows = [snap(0), snap(-48)]
    const now = new Date(t0 + HOUR)
    expect(spanFor('all', rows, now).start).toEqual(new Date(t0 - 48 * HOUR))
    expect(spanFor('2d', rows, now).start).toEqual(
      new Date(t0 + HOUR - 48 * HOUR),
    )
  })

  it('narrows the timeline to the snapshots shown, as if built from them', () => {
    const rows = makeRows(40, t0 + 40 * HOUR)
    const input = {
      span: { start: new Date(t0), end: new Date(t0 + 41 * HOUR) },
      restorable: [],
      blackouts: [],
      gaps: [],
    }
    const full = buildTimeline({ ...input, snapshots: rows })
    const shown = rows.filter(
      (r) => r.snapshotType === 'onDemand' || r.frequencyType === 'daily',
    )
    const narrowed = narrowTimeline(full, shown)
    expect(narrowed).toEqual(buildTimeline({ ...input, snapshots: shown }))
    expect(narrowed.lanes.map((l) => l.lane)).toEqual(['daily', 'onDemand'])
    // Nothing left out: the same timeline, so that memoised drawing holds.
    expect(narrowTimeline(full, [...rows])).toBe(full)
  })
})
