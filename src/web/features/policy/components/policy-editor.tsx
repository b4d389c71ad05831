import '../policy.css'

import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'

import { canPerform } from '../../../../contract/rules/roles'
import { LoadFailure } from '../../../components/load-failure'
import { TimeZoneToggle } from '../../../components/time-zone-toggle'
import { UpstreamBanner } from '../../../components/upstream-banner'
import { sessionQuery } from '../../../lib/session'
import { useSaveSchedule } from '../mutations'
import { clusterQuery, scheduleQuery } from '../queries'
import { PolicyForm } from './policy-form'
import { PolicyHeader } from './policy-header'

type PolicyEditorProps = { groupId: string; name: string }

/** One dedicated cluster's backup policy: read, edit with every rule live, save (issue 6). */
export function PolicyEditor({ groupId, name }: PolicyEditorProps) {
  const role = useQuery(sessionQuery()).data?.role ?? 'viewer'
  const cluster = useQuery(clusterQuery(groupId, name))
  const saved = useQuery(scheduleQuery(groupId, name))
  const save = useSaveSchedule(groupId, name)
  // The editor starts from a fresh read: cached data that is being re-read is not edited yet,
  // or the editor would take the newer version for someone else's change.
  const [ready, setReady] = useState(false)
  if (!ready && saved.data && !(saved.isStale && saved.isFetching))
    setReady(true)

  const header = (
    <PolicyHeader
      groupId={groupId}
      name={name}
      facts={cluster.data}
      nextSnapshot={saved.data?.schedule.nextSnapshot}
    />
  )
  if (!cluster.data || !saved.data || !ready) {
    const failed = cluster.data
      ? saved.data
        ? null
        : saved.error
      : cluster.error
    return (
      <>
        {header}
        {failed ? (
          <LoadFailure
            error={failed}
            what={`The backup policy of ${name}`}
            onRetry={() => {
              void cluster.refetch()
              void saved.refetch()
            }}
          />
        ) : (
          <p role="status">Loading the backup policy of {name}…</p>
        )}
      </>
    )
  }

  return (
    <>
      {header}
      <UpstreamBanner
        error={saved.error}
        dataUpdatedAt={saved.dataUpdatedAt}
        onRetry={() => void saved.refetch()}
      />
      <div className="toolbar">
        <TimeZoneToggle />
      </div>
      <PolicyForm
        groupId={groupId}
        facts={cluster.data}
        initial={saved.data}
        latest={saved.data}
        editVerdict={canPerform(role, 'editPolicy')}
        save={(input) => save.mutateAsync(input)}
        reloadLatest={() => saved.refetch()}
      />
    </>
  )
}
