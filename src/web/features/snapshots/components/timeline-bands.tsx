import type { Timeline } from '../timeline-model'
import { LANE, pct } from './timeline-geometry'

/** The backdrop: restorable window, blackouts (hatched), gaps (dotted) and lane rules. */
export function TimelineBands({
  timeline,
  lanes,
}: {
  timeline: Timeline
  lanes: number
}) {
  const height = lanes * LANE
  return (
    <>
      <defs>
        <pattern
          id="tl-hatch"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" className="tl-hatch-bg" />
          <line x1="0" y1="0" x2="0" y2="6" className="tl-hatch-line" />
        </pattern>
      </defs>
      {timeline.restorable.map((b) => (
        <rect
          key={`w${b.start.getTime()}`}
          className="tl-window"
          x={pct(b.x0)}
          width={pct(Math.max(b.x1 - b.x0, 0.002))}
          y={0}
          height={height}
        />
      ))}
      {timeline.blackouts.map((b) => (
        <rect
          key={`b${b.start.getTime()}`}
          className="tl-blackout"
          x={pct(b.x0)}
          width={pct(Math.max(b.x1 - b.x0, 0.004))}
          y={0}
          height={height}
        />
      ))}
      {timeline.gaps.map((g) => (
        <rect
          key={`g${g.start.getTime()}`}
          className="tl-gap"
          x={pct(g.x0)}
          width={pct(Math.max(g.x1 - g.x0, 0.002))}
          y={1}
          height={height - 2}
        />
      ))}
      {Array.from({ length: lanes }, (_, i) => (
        <line
          key={`l${i}`}
          className="tl-lane-line"
          x1="0"
          x2="100%"
          y1={(i + 1) * LANE - 0.5}
          y2={(i + 1) * LANE - 0.5}
        />
      ))}
    </>
  )
}
