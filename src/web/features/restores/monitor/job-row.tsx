import { Link } from 'react-router'

import type { LiveJob } from '../../../../contract/bff/job-events'
import { isTerminalState } from '../../../../contract/rules/restore-job-state'
import { formatInstant } from '../../../lib/format-time'
import { formatDuration } from '../../../lib/format-units'
import { paths } from '../../../lib/paths'
import { TIME_ZONE_PARAM, useTimeZone } from '../../../lib/time-zone'
import { kindLabel } from '../deployment-facts'
import { instantOf } from './job-instant'
import {
  deliveryLabels,
  deliveryOf,
  finishedAtMs,
  startedAtMs,
  targetOf,
} from './job-model'
import { shownState } from './job-states'
import { instantText, starterText } from './job-text'
import { type ProjectNames, placeLabel } from './place-names'
import { StateBadge } from './state-badge'

type JobRowProps = { job: LiveJob; names: ProjectNames; nowMs: number }

function Ended({ job, nowMs }: { job: LiveJob; nowMs: number }) {
  const { mode } = useTimeZone()
  const started = startedAtMs(job)
  const finished = finishedAtMs(job)
  if (!isTerminalState(job.state)) {
    return <>Running for {formatDuration((nowMs - started) / 1000)}</>
  }
  if (finished === undefined) return <span className="muted">—</span>
  return (
    <>
      <time dateTime={new Date(finished).toISOString()}>
        {formatInstant(finished, mode, { seconds: true })}
      </time>
      <br />
      <span className="muted">
        took {formatDuration((finished - started) / 1000)}
      </span>
    </>
  )
}

export function JobRow({ job, names, nowMs }: JobRowProps) {
  const { mode } = useTimeZone()
  const delivery = deliveryOf(job)
  const target = targetOf(job)
  const started = startedAtMs(job)
  const link = paths.restoreJob(
    job.kind,
    job.groupId,
    job.clusterName,
    job.jobId,
    // The page's zone carries over to the job's page.
    { [TIME_ZONE_PARAM]: mode === 'local' ? 'local' : undefined },
  )
  return (
    <tr>
      <td>
        <StateBadge state={shownState(job, nowMs)} />
        {job.stale ? (
          <>
            <br />
            <span className="badge">
              {job.problem?.status === 404 || job.problem?.status === 410
                ? 'Atlas no longer knows it'
                : 'last check failed'}
            </span>
          </>
        ) : null}
      </td>
      <th scope="row" className="job-source">
        <Link
          to={link}
          aria-label={`${job.clusterName}: restore job ${job.jobId}`}
        >
          {job.clusterName}
        </Link>
        <br />
        <span className="muted">
          {names(job.groupId)}
          {job.kind === 'dedicated' ? '' : ` · ${kindLabel[job.kind]}`}
        </span>
      </th>
      <td>{delivery ? deliveryLabels[delivery] : '—'}</td>
      <td>
        {target
          ? placeLabel(target, names)
          : delivery === 'download'
            ? 'Download link (no target)'
            : '—'}
      </td>
      <td>{instantText(instantOf(job), mode)}</td>
      <td>
        <time dateTime={new Date(started).toISOString()}>
          {formatInstant(started, mode, { seconds: true })}
        </time>
        <br />
        <span className="muted">{starterText(job)}</span>
      </td>
      <td>
        <Ended job={job} nowMs={nowMs} />
      </td>
    </tr>
  )
}
