import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'

import { formatInstant } from '../../../lib/format-time'
import { kindSegments, paths } from '../../../lib/paths'
import { useTimeZone } from '../../../lib/time-zone'
import type { ClusterFacts } from '../cluster-facts'
import { projectQuery } from '../queries'

type PolicyHeaderProps = {
  groupId: string
  name: string
  facts: ClusterFacts | undefined
  nextSnapshot: string | undefined
}

/** Where we are, and the facts of the cluster that shape its policy (NVMe: P2; continuous: P5). */
export function PolicyHeader({
  groupId,
  name,
  facts,
  nextSnapshot,
}: PolicyHeaderProps) {
  const { mode } = useTimeZone()
  const project = useQuery(projectQuery(groupId))
  const line: string[] = []
  if (facts) {
    line.push(
      `${facts.sharded ? 'Sharded cluster' : 'Replica set'}${facts.instanceSize ? ` · ${facts.instanceSize.replaceAll('_', ' ')}` : ''}`,
    )
    if (facts.nvme) line.push('NVMe: hourly snapshots every 12 hours only')
    line.push(facts.backupEnabled ? 'Cloud backup on' : 'Cloud backup off')
    line.push(
      facts.pitEnabled ? 'Continuous backup on' : 'Continuous backup off',
    )
    if (nextSnapshot)
      line.push(`Next snapshot ${formatInstant(nextSnapshot, mode)}`)
  }
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={paths.home()}>Clusters</Link>
          </li>
          <li>{project.data?.name ?? 'Project'}</li>
          <li>
            <Link to={paths.snapshots(groupId, kindSegments.dedicated, name)}>
              {name}
            </Link>
          </li>
          <li aria-current="page">Backup policy</li>
        </ol>
      </nav>
      <h1>{name}: backup policy</h1>
      {line.length > 0 ? (
        <p className="policy-facts">{line.join(' · ')}</p>
      ) : null}
      {facts && !facts.backupEnabled ? (
        <p className="banner">
          Cloud backup is off for {name}: it takes no scheduled snapshots until
          it is switched on in Atlas.
        </p>
      ) : null}
    </>
  )
}
