import type { SpanPreset } from '../timeline-model'
import { spanPresets } from '../timeline-model'
import type { useTimelineData } from '../use-timeline-data'
import { SnapshotTimeline } from './snapshot-timeline'
import { TimelineSummary } from './timeline-summary'

const spanLabels: Record<SpanPreset, string> = {
  all: 'All retained snapshots',
  '30d': 'Last 30 days',
  '7d': 'Last 7 days',
  '2d': 'Last 48 hours',
}

type TimelineSectionProps = {
  data: ReturnType<typeof useTimelineData>
  pitEnabled: boolean
  span: SpanPreset
  onSpan: (span: SpanPreset) => void
  selectedId: string | undefined
  onSelect: (id: string) => void
  total: number
}

export function TimelineSection({
  data,
  pitEnabled,
  span,
  onSpan,
  selectedId,
  onSelect,
  total,
}: TimelineSectionProps) {
  return (
    <section aria-labelledby="timeline-title" className="panel">
      <div className="section-heading">
        <h2 id="timeline-title">Timeline</h2>
        <div className="field inline">
          <label htmlFor="timeline-span">Span</label>
          <select
            id="timeline-span"
            value={span}
            onChange={(e) => onSpan(e.target.value as SpanPreset)}
          >
            {spanPresets.map((p) => (
              <option key={p} value={p}>
                {spanLabels[p]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <SnapshotTimeline
        timeline={data.timeline}
        selectedId={selectedId}
        onSelect={onSelect}
      />
      <TimelineSummary
        pitEnabled={pitEnabled}
        windowDays={data.windowDays}
        window={data.window}
        blackouts={data.blackouts}
        gaps={data.gaps}
        shown={data.timeline.ticks.length}
        total={total}
      />
    </section>
  )
}
