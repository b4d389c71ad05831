import type { LiveJob } from '../../../../contract/bff/job-events'
import { formatInstant } from '../../../lib/format-time'
import { useTimeZone } from '../../../lib/time-zone'
import { deliveryOf, linkExpiresAtMs, targetOf } from './job-model'
import { type ProjectNames, placeLabel } from './place-names'

type AfterChecklistProps = { job: LiveJob; names: ProjectNames }

/**
 * What is left to do once the job is done (PEERS §8 pain 12: post-restore chores are easy to
 * miss): for a restore, the applications, the snapshot Atlas takes of the target (R10), the
 * data; for a download, the link's expiry and what the archive holds.
 */
export function AfterChecklist({ job, names }: AfterChecklistProps) {
  const { mode } = useTimeZone()
  const target = targetOf(job)
  if (deliveryOf(job) === 'download') {
    const expires = linkExpiresAtMs(job)
    return (
      <ol className="checklist">
        <li>
          Download the archive
          {expires !== undefined
            ? ` before the link expires at ${formatInstant(expires, mode, { seconds: true })}`
            : ''}
          ; after that, request a new download.
        </li>
        <li>
          The archive holds the snapshot&apos;s data files, not a dump: start a
          mongod on the extracted files (its dbpath) to read them; do not use
          mongorestore.
        </li>
        <li>Verify the data before you rely on it.</li>
      </ol>
    )
  }
  const where = target ? placeLabel(target, names) : 'the target'
  return (
    <ol className="checklist">
      <li>
        Reconnect your applications to {where}: it now holds the restored data,
        and was unavailable during the restore.
      </li>
      <li>
        Atlas is taking a new snapshot of {target?.name ?? 'the target'}. Until
        it completes, {target?.name ?? 'the target'} cannot be restored to a
        point in time between this restore&apos;s start and that snapshot.
      </li>
      <li>
        Verify the data on {target?.name ?? 'the target'} (collections, counts,
        the latest documents) before sending traffic to it.
      </li>
      <li>
        Atlas may raise a host rollback alert for {target?.name ?? 'the target'}{' '}
        after a restore; it is expected.
      </li>
    </ol>
  )
}
