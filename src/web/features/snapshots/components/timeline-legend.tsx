import type { Lane } from '../timeline-model'

export const laneLabels: Record<Lane, string> = {
  hourly: 'Hourly',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  yearly: 'Yearly',
  onDemand: 'On demand',
  other: 'After restore',
}

function Swatch({ className }: { className: string }) {
  return (
    <svg width="18" height="14" aria-hidden="true" className="legend-swatch">
      <rect x="1" y="1" width="16" height="12" className={className} />
    </svg>
  )
}

/**
 * What the marks mean. Frequency is told by the lane a tick sits in (labelled) as well as by
 * its colour; status by the tick's shape; the bands by their fill pattern and this text.
 */
export function TimelineLegend() {
  return (
    <ul className="timeline-legend">
      <li>
        <svg
          width="18"
          height="14"
          aria-hidden="true"
          className="legend-swatch"
        >
          <rect
            x="6"
            y="1"
            width="6"
            height="12"
            className="tl-tick tl-lane-daily"
          />
        </svg>
        Completed (solid tick; colour and row give the frequency)
      </li>
      <li>
        <svg
          width="18"
          height="14"
          aria-hidden="true"
          className="legend-swatch"
        >
          <rect
            x="6"
            y="1"
            width="6"
            height="12"
            className="tl-tick tl-failed"
          />
        </svg>
        Failed (hollow tick)
      </li>
      <li>
        <svg
          width="18"
          height="14"
          aria-hidden="true"
          className="legend-swatch"
        >
          <rect
            x="6"
            y="7"
            width="6"
            height="6"
            className="tl-tick tl-lane-daily"
          />
        </svg>
        Queued or in progress (short tick)
      </li>
      <li>
        <Swatch className="tl-window" />
        Point-in-time window (restorable to any second)
      </li>
      <li>
        <Swatch className="tl-blackout" />
        Post-restore blackout (hatched; not restorable)
      </li>
      <li>
        <Swatch className="tl-gap" />
        Gap (dotted; no completed snapshot for longer than the policy expects)
      </li>
    </ul>
  )
}
