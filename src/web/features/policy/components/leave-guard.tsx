import { useEffect, useRef } from 'react'
import { useBlocker } from 'react-router'

/**
 * Unsaved edits are not lost by accident: leaving for another page asks first (an accessible
 * modal), and closing or reloading the tab triggers the browser's own prompt.
 */
export function LeaveGuard({ when }: { when: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when && currentLocation.pathname !== nextLocation.pathname,
  )

  useEffect(() => {
    if (!when) return undefined
    const ask = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', ask)
    return () => window.removeEventListener('beforeunload', ask)
  }, [when])

  if (blocker.state !== 'blocked') return null
  return (
    <LeaveDialog
      onStay={() => blocker.reset()}
      onLeave={() => blocker.proceed()}
    />
  )
}

function LeaveDialog({
  onStay,
  onLeave,
}: {
  onStay: () => void
  onLeave: () => void
}) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="leave-title"
      aria-describedby="leave-description"
      // Escape means stay.
      onCancel={(event) => {
        event.preventDefault()
        onStay()
      }}
    >
      <h2 id="leave-title">Leave without saving?</h2>
      <p id="leave-description">
        Your changes to the backup policy have not been saved. If you leave now,
        they are lost.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button primary"
          onClick={onStay}
          autoFocus
        >
          Stay and keep editing
        </button>
        <button type="button" className="button danger" onClick={onLeave}>
          Leave and discard changes
        </button>
      </div>
    </dialog>
  )
}
