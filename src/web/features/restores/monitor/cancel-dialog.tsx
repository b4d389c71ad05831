import { useEffect, useRef } from 'react'

import { CancelError } from './cancel-error'

type CancelDialogProps = {
  /** "the restore of payments-rs onto payments-staging" */
  what: string
  /** The cluster being overwritten; undefined for a download. */
  targetName: string | undefined
  pending: boolean
  error: Error | null
  onConfirm: () => void
  onClose: () => void
}

/**
 * Cancel asks first, in a native modal <dialog> (focus kept inside, Escape keeps the restore
 * running). A refusal from Atlas is shown here, next to the button that asked.
 */
export function CancelDialog({
  what,
  targetName,
  pending,
  error,
  onConfirm,
  onClose,
}: CancelDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    // No close on cleanup: a removed dialog leaves the top layer by itself (see delete-dialog).
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="cancel-title"
      aria-describedby="cancel-description"
      onClose={onClose}
    >
      <h2 id="cancel-title">
        {targetName ? 'Cancel this restore?' : 'Cancel this download?'}
      </h2>
      <p id="cancel-description">
        Atlas stops {what}.
        {targetName
          ? ` Its existing data may already be deleted: check ${targetName}, or restore it again, before using it.`
          : ' The link will not be made; request the download again to get one.'}
      </p>
      {error ? <CancelError error={error} /> : null}
      <div className="button-row">
        <button
          type="button"
          className="button danger"
          disabled={pending}
          onClick={onConfirm}
        >
          {pending
            ? 'Cancelling…'
            : targetName
              ? 'Cancel the restore'
              : 'Cancel the download'}
        </button>
        <button
          type="button"
          className="button"
          autoFocus
          onClick={() => ref.current?.close()}
        >
          Keep it running
        </button>
      </div>
    </dialog>
  )
}
