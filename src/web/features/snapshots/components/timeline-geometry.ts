import { formatInstant } from '../../../lib/format-time'
import type { TimeZoneMode } from '../../../lib/time-zone'
import { frequencyLabels, statusLabels, typeLabels } from '../model'
import type { Tick } from '../timeline-model'

/** Height of one lane of the timeline, in pixels. */
export const LANE = 28
/** Room under the lanes for the time axis. */
export const AXIS = 24

/** An SVG length as a percentage of the plot's width. */
export const pct = (x: number) => `${(x * 100).toFixed(3)}%`

/** "Daily snapshot, 2026-11-23 18:00 UTC, completed": each tick's accessible name. */
export function tickLabel(tick: Tick, mode: TimeZoneMode): string {
  const s = tick.snapshot
  const what = s.frequencyType
    ? `${frequencyLabels[s.frequencyType]} snapshot`
    : `${typeLabels[s.snapshotType]} snapshot`
  const status = s.status
    ? statusLabels[s.status].toLowerCase()
    : 'status unknown'
  return `${what}, ${formatInstant(s.createdAt, mode)}, ${status}`
}
