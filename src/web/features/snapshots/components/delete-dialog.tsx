import { useEffect, useRef } from 'react'

import { formatInstant } from '../../../lib/format-time'
import { useTimeZone } from '../../../lib/time-zone'
import type { Deployment, SnapshotRow } from '../model'
import { useDeleteSnapshot } from '../mutations'

type DeleteDialogProps = {
  deployment: Deployment
  snapshot: SnapshotRow
  onClose: () => void
  onDeleted: (message: string) => void
}

/**
 * S3: deleting asks for confirmation in a modal (native <dialog> with showModal: focus is
 * trapped and Escape cancels). Under a Backup Compliance Policy Atlas refuses; its reason is
 * shown here, in the dialog, next to the button that asked.
 */
export function DeleteDialog({
  deployment,
  snapshot,
  onClose,
  onDeleted,
}: DeleteDialogProps) {
  const { mode } = useTimeZone()
  const ref = useRef<HTMLDialogElement>(null)
  const remove = useDeleteSnapshot(deployment)

  useEffect(() => {
    const dialog = ref.current
    // No close on cleanup: a removed dialog leaves the top layer by itself, and a close event
    // from StrictMode's second mount would shut the dialog it just opened.
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const when = formatInstant(snapshot.createdAt, mode)
  const members = snapshot.members?.length ?? 0
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="delete-title"
      aria-describedby="delete-description"
      onClose={onClose}
    >
      <h2 id="delete-title">Delete this snapshot?</h2>
      <div id="delete-description">
        <p>
          The {snapshot.snapshotType === 'onDemand' ? 'on-demand' : 'scheduled'}{' '}
          snapshot of <strong>{deployment.name}</strong> taken at{' '}
          <strong>{when}</strong> ({snapshot.id})
          {members > 0 ? `, with its ${members} member snapshots,` : ''} will be
          deleted, with its copies in other regions. This cannot be undone.
        </p>
      </div>
      {remove.error ? (
        <p role="alert" className="field-error">
          {remove.error.message}
        </p>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button danger"
          disabled={remove.isPending}
          onClick={() =>
            remove.mutate(snapshot.id, {
              onSuccess: () => {
                onDeleted(`Snapshot taken at ${when} deleted.`)
                ref.current?.close()
              },
            })
          }
        >
          {remove.isPending ? 'Deleting…' : 'Delete snapshot'}
        </button>
        <button
          type="button"
          className="button"
          autoFocus
          onClick={() => ref.current?.close()}
        >
          Cancel
        </button>
      </div>
    </dialog>
  )
}
