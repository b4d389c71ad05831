import { memo } from 'react'

import type { BackupSchedule } from '../../../../contract/atlas/schedule'
import type { LiveJob } from '../../../../contract/bff/job-events'
import { useValueAfterPaint } from '../../../lib/use-value-after-paint'
import type { Deployment, SnapshotRow } from '../model'
import type { SpanPreset } from '../timeline-model'
import { spanPresets } from '../timeline-model'
import { useTimelineData } from '../use-timeline-data'
import { SnapshotTimeline } from './snapshot-timeline'
import { TimelineSummary } from './timeline-summary'

const spanLabels: Record<SpanPreset, string> = {
  all: 'All retained snapshots',
  '30d': 'Last 30 days',
  '7d': 'Last 7 days',
  '2d': 'Last 48 hours',
}

type TimelineSectionProps = {
  deployment: Deployment
  schedule: BackupSchedule | undefined
  jobs: readonly LiveJob[]
  all: readonly SnapshotRow[]
  /** The snapshots the filters leave: the ticks drawn. */
  shown: readonly SnapshotRow[]
  clientNow: number
  span: SpanPreset
  onSpan: (span: SpanPreset) => void
  selectedId: string | undefined
  onSelect: (id: string) => void
}

/**
 * The timeline and its summary. As the filters change, the table's result is painted first and
 * the ticks follow a frame later: a keystroke in the search box waits for the table only. (The
 * router renders URL changes as transitions, where useDeferredValue would not defer.)
 */
export const TimelineSection = memo(function TimelineSection({
  shown,
  span,
  onSpan,
  selectedId,
  onSelect,
  ...rest
}: TimelineSectionProps) {
  const { all, deployment } = rest
  const painted = useValueAfterPaint(shown)
  const data = useTimelineData({ ...rest, shown: painted, span })
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
        pitEnabled={deployment.pitEnabled}
        windowDays={data.windowDays}
        window={data.window}
        blackouts={data.blackouts}
        gaps={data.gaps}
        shown={data.timeline.ticks.length}
        total={all.length}
      />
    </section>
  )
})
