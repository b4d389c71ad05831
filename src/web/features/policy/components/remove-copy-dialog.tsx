import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'

import { regionLabel } from '../../../../contract/atlas/regions'
import type { CopyZone } from '../../../../contract/rules/copy-zones'
import { formatInstant } from '../../../lib/format-time'
import { useTimeZone } from '../../../lib/time-zone'
import { copiedSnapshotsQuery } from '../copied-snapshots'

type RemoveCopyDialogProps = {
  groupId: string
  clusterName: string
  sharded: boolean
  zone: CopyZone
  regionName: string
  onKeep: () => void
  onDelete: () => void
  onClose: () => void
}

/**
 * Removing a copy region asks whether to keep or delete the snapshots already copied there
 * (reference 003), and says first what each choice does: kept copies stay until they expire;
 * deleted ones go when the policy is saved (deleteCopiedBackups). Native <dialog>: focus is
 * trapped and Escape cancels.
 */
export function RemoveCopyDialog(props: RemoveCopyDialogProps) {
  const { zone, regionName } = props
  const { mode } = useTimeZone()
  const ref = useRef<HTMLDialogElement>(null)
  const copied = useQuery({
    ...copiedSnapshotsQuery(props.groupId, props.clusterName),
    enabled: !props.sharded,
  })
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const here = (copied.data ?? []).filter((s) =>
    s.copyRegions.includes(regionName),
  )
  const last = here
    .map((s) => s.expiresAt)
    .sort()
    .at(-1)
  const where = regionLabel(zone.provider, regionName)
  const choose = (choice: () => void) => {
    choice()
    ref.current?.close()
  }

  let count: string
  if (props.sharded)
    count = `Atlas does not list which snapshots of a sharded cluster were copied to ${where}.`
  else if (copied.isPending)
    count = `Counting the snapshots copied to ${where}…`
  else if (copied.isError)
    count = `The snapshots copied to ${where} could not be counted.`
  else if (here.length === 0)
    count = `No snapshot of ${props.clusterName} has a copy in ${where} now.`
  else
    count = `${here.length} ${here.length === 1 ? 'snapshot' : 'snapshots'} of ${props.clusterName} ${here.length === 1 ? 'has a copy' : 'have copies'} in ${where}${last ? `; the last copy expires at ${formatInstant(last, mode)}` : ''}.`

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="remove-copy-title"
      aria-describedby="remove-copy-description"
      onClose={props.onClose}
    >
      <h2 id="remove-copy-title">Stop copying snapshots to {where}?</h2>
      <div id="remove-copy-description">
        <p role="status">{count}</p>
        <ul>
          <li>
            <strong>Keep</strong>: the copies stay in {regionName} until each
            expires, and can still be restored from there.
          </li>
          <li>
            <strong>Delete</strong>: Atlas deletes every copy in {regionName}{' '}
            when you save the policy. The snapshots in {zone.snapshotRegion} are
            not touched. This cannot be undone.
          </li>
        </ul>
        <p className="hint">Nothing changes until you save the policy.</p>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => choose(props.onKeep)}
        >
          Remove, keep the copies
        </button>
        <button
          type="button"
          className="button danger"
          onClick={() => choose(props.onDelete)}
        >
          Remove, delete the copies
        </button>
        <button
          type="button"
          className="button"
          onClick={() => ref.current?.close()}
        >
          Cancel
        </button>
      </div>
    </dialog>
  )
}
