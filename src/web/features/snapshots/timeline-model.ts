import type { SnapshotFrequencyType } from '../../../contract/atlas/common'
import type { PolicyItem } from '../../../contract/atlas/schedule'
import type {
  RestoreBlackout,
  TimeRange,
} from '../../../contract/rules/restore-window'
import type { SnapshotRow } from './model'

// The timeline picture's geometry, kept apart from the drawing so it can be tested: where each
// snapshot, the point-in-time window, the blackouts and the gaps fall on a 0–1 axis.

export const lanes = [
  'hourly',
  'daily',
  'weekly',
  'monthly',
  'yearly',
  'onDemand',
  /** Scheduled without a policy item: the snapshot Atlas takes after a restore (R10). */
  'other',
] as const
export type Lane = (typeof lanes)[number]

export const spanPresets = ['all', '30d', '7d', '2d'] as const
export type SpanPreset = (typeof spanPresets)[number]

const HOUR = 3_600_000
const DAY = 24 * HOUR
const presetMs: Record<Exclude<SpanPreset, 'all'>, number> = {
  '30d': 30 * DAY,
  '7d': 7 * DAY,
  '2d': 2 * DAY,
}

export function laneOf(snapshot: SnapshotRow): Lane {
  if (snapshot.snapshotType === 'onDemand') return 'onDemand'
  return snapshot.frequencyType ?? 'other'
}

/** The span shown: the whole retention (oldest snapshot or window start to now) or a recent stretch. */
export function spanFor(
  preset: SpanPreset,
  snapshots: readonly SnapshotRow[],
  now: Date,
  windowStart?: Date,
): TimeRange {
  const end = now.getTime()
  if (preset !== 'all')
    return { start: new Date(end - presetMs[preset]), end: now }
  const oldest = Math.min(
    end - DAY,
    windowStart?.getTime() ?? end,
    ...snapshots.map((s) => Date.parse(s.createdAt)),
  )
  return { start: new Date(oldest), end: now }
}

/** Expected spacing of each frequency: from the policy where there is one (P2), else Atlas's defaults (P8). */
export function expectedIntervals(
  policyItems: readonly PolicyItem[] | undefined,
): Record<SnapshotFrequencyType, number> {
  const intervals: Record<SnapshotFrequencyType, number> = {
    hourly: 6 * HOUR,
    daily: DAY,
    weekly: 7 * DAY,
    monthly: 31 * DAY,
    yearly: 366 * DAY,
  }
  for (const item of policyItems ?? []) {
    if (item.frequencyType === 'hourly')
      intervals.hourly = item.frequencyInterval * HOUR
    if (item.frequencyType === 'daily')
      intervals.daily = item.frequencyInterval * DAY
  }
  return intervals
}

/** A stretch longer than this many expected intervals without a completed snapshot is a gap. */
const GAP_FACTOR = 1.5

/**
 * Gaps: stretches without a completed snapshot longer than 1.5 times the spacing expected
 * there. Older history is thinned by retention (hourly snapshots go first), so the spacing
 * expected after a snapshot is that of the most frequent kind still kept at its time.
 */
export function findGaps(
  snapshots: readonly SnapshotRow[],
  intervals: Record<SnapshotFrequencyType, number>,
  now: Date,
): TimeRange[] {
  const done = snapshots
    .filter((s) => s.status === 'completed')
    .map((s) => ({ at: Date.parse(s.createdAt), frequency: s.frequencyType }))
    .sort((a, b) => a.at - b.at)
  const oldestOf = new Map<SnapshotFrequencyType, number>()
  for (const s of done) {
    if (s.frequency && !oldestOf.has(s.frequency))
      oldestOf.set(s.frequency, s.at)
  }
  if (oldestOf.size === 0) return []
  const expectedAfter = (at: number) =>
    Math.min(
      ...[...oldestOf.entries()]
        .filter(([, oldest]) => oldest <= at)
        .map(([frequency]) => intervals[frequency]),
    )
  const gaps: TimeRange[] = []
  const points = [...done.map((s) => s.at), now.getTime()]
  for (let i = 0; i + 1 < points.length; i += 1) {
    const from = points[i] ?? 0
    const to = points[i + 1] ?? 0
    const expected = expectedAfter(from)
    if (Number.isFinite(expected) && to - from > GAP_FACTOR * expected) {
      gaps.push({ start: new Date(from), end: new Date(to) })
    }
  }
  return gaps
}

export type Tick = { snapshot: SnapshotRow; lane: Lane; x: number }
export type Band = { x0: number; x1: number; start: Date; end: Date }

export type Timeline = {
  span: TimeRange
  lanes: { lane: Lane; ticks: Tick[] }[]
  /** Every tick in time order: the keyboard walks this. */
  ticks: Tick[]
  restorable: Band[]
  blackouts: (Band & { open: boolean })[]
  gaps: Band[]
  axis: { x: number; at: Date }[]
}

export type TimelineInput = {
  snapshots: readonly SnapshotRow[]
  span: TimeRange
  restorable: readonly TimeRange[]
  blackouts: readonly RestoreBlackout[]
  gaps: readonly TimeRange[]
  axisTicks?: number
}

export function buildTimeline(input: TimelineInput): Timeline {
  const start = input.span.start.getTime()
  const length = Math.max(1, input.span.end.getTime() - start)
  const x = (ms: number) => (ms - start) / length
  const inside = (ms: number) => ms >= start && ms <= start + length
  const band = (from: number, to: number): Band | null => {
    const x0 = Math.max(0, x(from))
    const x1 = Math.min(1, x(to))
    return x1 > x0 || (x1 === x0 && inside(from))
      ? { x0, x1, start: new Date(from), end: new Date(to) }
      : null
  }

  const ticks: Tick[] = input.snapshots
    .map((snapshot) => ({ snapshot, at: Date.parse(snapshot.createdAt) }))
    .filter(({ at }) => inside(at))
    .sort((a, b) => a.at - b.at)
    .map(({ snapshot, at }) => ({ snapshot, lane: laneOf(snapshot), x: x(at) }))

  const bands = (ranges: readonly TimeRange[]) =>
    ranges
      .map((r) => band(r.start.getTime(), r.end.getTime()))
      .filter((b): b is Band => b !== null)

  const end = start + length
  const axisTicks = input.axisTicks ?? 5
  return {
    span: input.span,
    lanes: lanes
      .map((lane) => ({ lane, ticks: ticks.filter((t) => t.lane === lane) }))
      .filter((l) => l.ticks.length > 0),
    ticks,
    restorable: bands(input.restorable),
    blackouts: input.blackouts
      .map((b) => {
        const shown = band(b.start.getTime(), b.end?.getTime() ?? end)
        return shown ? { ...shown, open: b.end === undefined } : null
      })
      .filter((b): b is Band & { open: boolean } => b !== null),
    gaps: bands(input.gaps),
    axis: Array.from({ length: axisTicks }, (_, i) => {
      const f = axisTicks === 1 ? 0 : i / (axisTicks - 1)
      return { x: f, at: new Date(start + f * length) }
    }),
  }
}

/**
 * The timeline of `shown`, some of the snapshots `full` was built from (the same objects), by
 * leaving the others' ticks out: no date parsed or tick sorted again as the filters change. The
 * same timeline when nothing is left out, so that what is memoised on it stays.
 */
export function narrowTimeline(
  full: Timeline,
  shown: readonly SnapshotRow[],
): Timeline {
  const kept = new Set(shown)
  const ticks = full.ticks.filter((t) => kept.has(t.snapshot))
  if (ticks.length === full.ticks.length) return full
  return {
    ...full,
    ticks,
    lanes: full.lanes
      .map(({ lane, ticks: all }) => ({
        lane,
        ticks: all.filter((t) => kept.has(t.snapshot)),
      }))
      .filter((l) => l.ticks.length > 0),
  }
}
