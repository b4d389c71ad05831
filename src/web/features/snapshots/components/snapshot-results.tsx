import type { BackupSchedule } from '../../../../contract/atlas/schedule'
import type { LiveJob } from '../../../../contract/bff/job-events'
import type { Role } from '../../../../contract/rules/roles'
import { useStableCallback } from '../../../lib/use-stable-callback'
import type { BrowserParams } from '../browser-params'
import type { Deployment, SnapshotRow } from '../model'
import type { SpanPreset } from '../timeline-model'
import { SelectedSnapshot } from './selected-snapshot'
import { SnapshotTable } from './snapshot-table'
import { TimelineSection } from './timeline-section'

type SnapshotResultsProps = {
  params: BrowserParams
  update: (
    change: Partial<BrowserParams>,
    options?: { replace?: boolean },
  ) => void
  all: readonly SnapshotRow[]
  shown: readonly SnapshotRow[]
  deployment: Deployment
  schedule: BackupSchedule | undefined
  jobs: readonly LiveJob[]
  clientNow: number
  role: Role
  notice: string | null
  setNotice: (notice: string | null) => void
}

/** The loaded snapshots: the timeline, the table and the selected snapshot. */
export function SnapshotResults(props: SnapshotResultsProps) {
  const { params, update, all, shown, deployment, role, notice, setNotice } =
    props
  const selected = all.find((s) => s.id === params.selected)
  const select = useStableCallback((id: string) => {
    setNotice(null)
    update({ selected: id }, { replace: true })
  })
  const setSpan = useStableCallback((span: SpanPreset) =>
    update({ span }, { replace: true }),
  )
  return (
    <>
      <TimelineSection
        deployment={deployment}
        schedule={props.schedule}
        jobs={props.jobs}
        all={all}
        shown={shown}
        clientNow={props.clientNow}
        span={params.span}
        onSpan={setSpan}
        selectedId={params.selected}
        onSelect={select}
      />
      <section aria-labelledby="snapshots-title">
        <h2 id="snapshots-title">Snapshots</h2>
        <p role="status" className="table-status">
          {shown.length === all.length
            ? `${all.length} snapshots`
            : `${shown.length} of ${all.length} snapshots match the filters`}
          {notice ? `. ${notice}` : ''}
        </p>
        {shown.length === 0 ? (
          <p className="empty">
            {all.length === 0
              ? deployment.backupEnabled
                ? 'No snapshots yet: Atlas takes the first at the next scheduled time.'
                : 'No snapshots: cloud backup is off on this cluster.'
              : 'No snapshot matches these filters.'}
          </p>
        ) : (
          <SnapshotTable
            rows={shown}
            labelledBy="snapshots-title"
            selectedId={params.selected}
            onSelect={select}
            rollingRetention={deployment.kind === 'flex'}
          />
        )}
      </section>
      {selected ? (
        <SelectedSnapshot
          key={selected.id}
          deployment={deployment}
          snapshot={selected}
          role={role}
          onDeleted={(message) => {
            setNotice(message)
            update({ selected: undefined }, { replace: true })
          }}
        />
      ) : (
        <p className="hint">
          Select a snapshot in the table or on the timeline to restore it,
          download it, change its expiry or delete it.
        </p>
      )}
    </>
  )
}
