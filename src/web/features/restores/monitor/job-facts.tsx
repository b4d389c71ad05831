import { Link } from 'react-router'

import type { LiveJob } from '../../../../contract/bff/job-events'
import { formatInstant } from '../../../lib/format-time'
import { kindSegments, paths } from '../../../lib/paths'
import { useTimeZone } from '../../../lib/time-zone'
import { kindLabel } from '../deployment-facts'
import { type JobInstant, instantOf } from './job-instant'
import { deliveryLabels, deliveryOf, startedAtMs, targetOf } from './job-model'
import { type ProjectNames, placeLabel } from './place-names'

type JobFactsProps = { job: LiveJob; names: ProjectNames }

/** An instant in UTC and in the browser's zone, always both (issue 7). */
function BothZones({ at }: { at: number }) {
  const iso = new Date(at).toISOString()
  return (
    <>
      <time dateTime={iso}>{formatInstant(at, 'utc', { seconds: true })}</time>
      <br />
      <span className="muted">
        {formatInstant(at, 'local', { seconds: true })} (local)
      </span>
    </>
  )
}

function Instant({ instant }: { instant: JobInstant | undefined }) {
  if (!instant) return <>Not known yet</>
  switch (instant.kind) {
    case 'snapshot':
      return (
        <>
          Snapshot <code>{instant.snapshotId ?? 'unknown'}</code>
          {instant.at !== undefined ? (
            <>
              , taken at
              <br />
              <BothZones at={instant.at} />
            </>
          ) : null}
        </>
      )
    case 'pointInTime':
      return (
        <>
          Point in time ({Math.floor(instant.at / 1000)} epoch seconds)
          <br />
          <BothZones at={instant.at} />
        </>
      )
    case 'oplog':
      return (
        <>
          Oplog timestamp {instant.ts}, increment {instant.inc}
          <br />
          <BothZones at={instant.at} />
        </>
      )
  }
}

/** Source, instant, target, who started it and Atlas's id: what an operator quotes. */
export function JobFacts({ job, names }: JobFactsProps) {
  const { mode } = useTimeZone()
  const delivery = deliveryOf(job)
  const target = targetOf(job)
  const started = startedAtMs(job)
  const source = { groupId: job.groupId, name: job.clusterName }
  return (
    <dl className="facts">
      <dt>Source</dt>
      <dd>
        <Link
          to={paths.snapshots(
            job.groupId,
            kindSegments[job.kind],
            job.clusterName,
          )}
        >
          {placeLabel(source, names)}
        </Link>{' '}
        <span className="muted">({kindLabel[job.kind]})</span>
      </dd>
      <dt>Delivery type</dt>
      <dd>{delivery ? deliveryLabels[delivery] : 'Not known yet'}</dd>
      <dt>Restores</dt>
      <dd>
        <Instant instant={instantOf(job)} />
      </dd>
      <dt>Target</dt>
      <dd>
        {target
          ? `${placeLabel(target, names)}: all its data is replaced`
          : delivery === 'download'
            ? 'None: a download link to the snapshot’s files'
            : 'Not known yet'}
      </dd>
      <dt>Started</dt>
      <dd>
        <time dateTime={new Date(started).toISOString()}>
          {formatInstant(started, mode, { seconds: true })}
        </time>{' '}
        {job.createdBy !== null ? (
          <>by {job.createdBy}, through Backup Console</>
        ) : (
          <>
            outside Backup Console (the Atlas UI, CLI or API): Atlas does not
            record who started it
          </>
        )}
      </dd>
      <dt>Atlas job id</dt>
      <dd>
        <code>{job.jobId}</code>
      </dd>
    </dl>
  )
}
