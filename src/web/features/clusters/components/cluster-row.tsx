import { Link } from 'react-router'

import type { OverviewRow } from '../../../../contract/bff/overview'
import { formatInstant } from '../../../lib/format-time'
import { formatDuration, formatRelative } from '../../../lib/format-units'
import { kindSegments, paths } from '../../../lib/paths'
import { TIME_ZONE_PARAM, useTimeZone } from '../../../lib/time-zone'
import { liveRpoSeconds, typeAndTier } from '../rows'
import { problemLabels } from './health-summary'

type ClusterRowProps = {
  row: OverviewRow
  fetchedAtMs: number
  nowMs: number
}

const statusLabels = {
  queued: 'queued',
  inProgress: 'in progress',
  completed: 'completed',
  failed: 'failed',
} as const

function When({ iso, nowMs }: { iso: string; nowMs: number }) {
  const { mode } = useTimeZone()
  return (
    <>
      {formatRelative(Date.parse(iso), nowMs)}
      <br />
      <time dateTime={iso} className="muted">
        {formatInstant(iso, mode)}
      </time>
    </>
  )
}

function Rpo({ row, seconds }: { row: OverviewRow; seconds: number | null }) {
  if (!row.backupEnabled) return <>No backup</>
  if (seconds === null) return <>Unknown</>
  return (
    <>
      {row.rpoBasis === 'continuous' ? '≈ ' : ''}
      {formatDuration(seconds)}
      <br />
      <span className="muted">
        {row.rpoBasis === 'continuous'
          ? 'continuous backup'
          : 'since the last snapshot'}
      </span>
    </>
  )
}

export function ClusterRow({ row, fetchedAtMs, nowMs }: ClusterRowProps) {
  const { mode } = useTimeZone()
  const latest = row.latestSnapshot
  return (
    <tr>
      <th scope="row">
        <Link
          className="cluster-name"
          to={paths.snapshots(row.groupId, kindSegments[row.kind], row.name, {
            // The page's zone carries over to the cluster's snapshots.
            [TIME_ZONE_PARAM]: mode === 'local' ? 'local' : undefined,
          })}
        >
          {row.name}
        </Link>
        {row.problems.length > 0 ? (
          <ul className="badges" aria-label={`Problems of ${row.name}`}>
            {row.problems.map((problem) => (
              <li key={problem} className={`badge badge-${problem}`}>
                {problem === 'unreachable' && row.error
                  ? `${problemLabels[problem]}: ${row.error}`
                  : problemLabels[problem]}
              </li>
            ))}
          </ul>
        ) : null}
      </th>
      <td>{row.projectName}</td>
      <td>{typeAndTier(row)}</td>
      <td>{row.mongoDBVersion ?? '—'}</td>
      <td>{row.backupEnabled ? 'On' : 'Off'}</td>
      <td>
        {row.kind === 'flex'
          ? 'Not available'
          : row.pitEnabled
            ? row.restoreWindowDays !== null
              ? `On · ${row.restoreWindowDays}-day window`
              : row.kind === 'serverless'
                ? 'On · 72-hour window'
                : 'On'
            : 'Off'}
      </td>
      <td>
        {latest?.createdAt ? (
          <>
            <span className={`status status-${latest.status ?? 'unknown'}`}>
              {latest.status ? statusLabels[latest.status] : 'status unknown'}
            </span>
            <br />
            <When iso={latest.createdAt} nowMs={nowMs} />
          </>
        ) : (
          'None'
        )}
      </td>
      <td>
        {row.nextSnapshot ? (
          <When iso={row.nextSnapshot} nowMs={nowMs} />
        ) : row.kind === 'dedicated' ? (
          '—'
        ) : (
          <span className="muted">Daily, set by Atlas</span>
        )}
        {row.kind === 'dedicated' ? (
          <>
            <br />
            <Link
              to={paths.policy(row.groupId, row.name)}
              aria-label={`Backup policy of ${row.name}`}
            >
              Backup policy
            </Link>
          </>
        ) : null}
      </td>
      <td>
        <Rpo row={row} seconds={liveRpoSeconds(row, fetchedAtMs, nowMs)} />
      </td>
      <td>{row.activeRestores ?? 'Unknown'}</td>
    </tr>
  )
}
