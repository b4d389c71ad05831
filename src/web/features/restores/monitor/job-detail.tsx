import type { ReactNode } from 'react'

import type { LiveJob } from '../../../../contract/bff/job-events'
import { useNow } from '../../../lib/use-now'
import { AfterChecklist } from './after-checklist'
import { AtlasRecord } from './atlas-record'
import { CancelAction } from './cancel-action'
import { DownloadLinks } from './download-links'
import { estimateFor } from './estimate'
import { JobFacts } from './job-facts'
import { deliveryOf, finishedAtMs, refOf, startedAtMs } from './job-model'
import { JobProgress } from './job-progress'
import { shownState } from './job-states'
import { jobTitle, stateSentence } from './job-summary'
import type { ProjectNames } from './place-names'
import { StaleWarning } from './stale-warning'
import { StateBadge } from './state-badge'

type JobDetailProps = {
  job: LiveJob
  /** The breadcrumb, heading and live indicator, given the page's title. */
  top: (title: string) => ReactNode
  banner: ReactNode
  /** Every watched job: the finished ones give the estimate. */
  history: readonly LiveJob[]
  names: ProjectNames
  clockOffsetMs: number
}

function Section({
  id,
  title,
  children,
}: {
  id: string
  title: string
  children: ReactNode
}) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}

export function JobDetail({
  job,
  top,
  banner,
  history,
  names,
  clockOffsetMs,
}: JobDetailProps) {
  // Once a second is enough to see a download link expire on time.
  const now = useNow(1_000) + clockOffsetMs
  const state = shownState(job, now)
  const delivery = deliveryOf(job)
  const download = delivery === 'download'
  const done = state === 'completed' || state === 'downloadReady'
  return (
    <div className="job-page">
      {top(jobTitle(job))}
      {banner}
      <StaleWarning job={job} />
      <Section id="job-state" title="State">
        <p role="status" className="job-state-line">
          <StateBadge state={state} />
          <span> {stateSentence(job, state)}</span>
        </p>
      </Section>
      <Section id="job-progress" title="Progress">
        <JobProgress
          state={state}
          delivery={delivery}
          startedAtMs={startedAtMs(job)}
          finishedAtMs={finishedAtMs(job)}
          estimate={estimateFor(history, delivery, refOf(job))}
          clockOffsetMs={clockOffsetMs}
        />
      </Section>
      {download ? (
        <Section id="job-download" title="Download link">
          <DownloadLinks job={job} clockOffsetMs={clockOffsetMs} />
        </Section>
      ) : null}
      {done ? (
        <Section
          id="job-after"
          title={download ? 'After the download' : 'After the restore'}
        >
          <AfterChecklist job={job} names={names} />
        </Section>
      ) : null}
      <Section id="job-cancel" title="Cancel">
        <CancelAction job={job} />
      </Section>
      <Section id="job-details" title="Details">
        <JobFacts job={job} names={names} />
      </Section>
      <Section id="job-atlas" title="Atlas’s record">
        <AtlasRecord job={job} />
      </Section>
    </div>
  )
}
