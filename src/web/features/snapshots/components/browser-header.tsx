import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'

import type { BackupSchedule } from '../../../../contract/atlas/schedule'
import { formatInstant } from '../../../lib/format-time'
import { paths } from '../../../lib/paths'
import { useTimeZone } from '../../../lib/time-zone'
import type { Deployment } from '../model'
import { projectQuery } from '../queries'

type BrowserHeaderProps = {
  groupId: string
  name: string
  deployment: Deployment | undefined
  schedule?: BackupSchedule | undefined
}

function typeOf(d: Deployment): string {
  if (d.kind === 'flex') return 'Flex cluster'
  if (d.kind === 'serverless') return 'Serverless instance'
  return `${d.sharded ? 'Sharded cluster' : 'Replica set'}${d.tier ? ` · ${d.tier.replace('_', ' ')}` : ''}`
}

/** Where we are, and the facts about the deployment that decide what its snapshots allow. */
export function BrowserHeader({
  groupId,
  name,
  deployment,
  schedule,
}: BrowserHeaderProps) {
  const { mode } = useTimeZone()
  const project = useQuery(projectQuery(groupId))
  const facts: string[] = []
  if (deployment) {
    facts.push(typeOf(deployment))
    if (deployment.mongoDBVersion)
      facts.push(`MongoDB ${deployment.mongoDBVersion}`)
    facts.push(
      deployment.backupEnabled ? 'Cloud backup on' : 'Cloud backup off',
    )
    if (deployment.kind !== 'flex') {
      facts.push(
        deployment.pitEnabled
          ? `Continuous backup on${schedule?.restoreWindowDays ? `, ${schedule.restoreWindowDays}-day window` : deployment.kind === 'serverless' ? ', 72-hour window' : ''}`
          : 'Continuous backup off',
      )
    }
    if (schedule?.nextSnapshot)
      facts.push(`Next snapshot ${formatInstant(schedule.nextSnapshot, mode)}`)
    if (deployment.customerKeyEncryption)
      facts.push('Encryption at rest with customer keys')
  }
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={paths.home()}>Clusters</Link>
          </li>
          <li>{project.data?.name ?? 'Project'}</li>
          <li aria-current="page">{name}</li>
        </ol>
      </nav>
      <h1>{name}: snapshots</h1>
      {facts.length > 0 ? (
        <p className="facts-line">{facts.join(' · ')}</p>
      ) : null}
      {deployment?.kind === 'dedicated' ? (
        <p>
          <Link to={paths.policy(groupId, name)}>Backup policy of {name}</Link>
        </p>
      ) : null}
    </>
  )
}
