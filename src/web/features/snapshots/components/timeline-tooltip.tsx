import { formatInstant, otherMode } from '../../../lib/format-time'
import { formatBytes } from '../../../lib/format-units'
import { useTimeZone } from '../../../lib/time-zone'
import { frequencyLabels, statusLabels, typeLabels } from '../model'
import type { Tick } from '../timeline-model'

/** The hovered or focused snapshot, beside its tick. Visual only: the tick's label says the same. */
export function TimelineTooltip({ tick, top }: { tick: Tick; top: number }) {
  const { mode } = useTimeZone()
  const s = tick.snapshot
  const side = tick.x > 0.7 ? 'right' : tick.x < 0.3 ? 'left' : 'center'
  return (
    <div
      className={`tl-tooltip tl-tooltip-${side}`}
      role="tooltip"
      style={{ left: `${tick.x * 100}%`, top }}
    >
      <strong>{formatInstant(s.createdAt, mode)}</strong>
      <br />
      {formatInstant(s.createdAt, otherMode(mode))}
      <br />
      {typeLabels[s.snapshotType]}
      {s.frequencyType ? ` · ${frequencyLabels[s.frequencyType]}` : ''} ·{' '}
      {s.status ? statusLabels[s.status] : 'Unknown status'}
      {s.storageSizeBytes === undefined
        ? ''
        : ` · ${formatBytes(s.storageSizeBytes)}`}
      {s.description ? (
        <>
          <br />
          {s.description}
        </>
      ) : null}
    </div>
  )
}
