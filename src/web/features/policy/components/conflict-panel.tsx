import type { PolicyDiff } from '../policy-diff'
import { describeDiff } from '../policy-diff'

type ConflictPanelProps = {
  /** Their change: the version this editor started from against the one saved now. */
  theirs: PolicyDiff
  /** True when a save was refused (412); false when a reload found the change first. */
  refused: boolean
  onKeepMine: () => void
  onTakeTheirs: () => void
}

/**
 * Someone else saved the policy after this editor loaded it. Nothing is overwritten silently:
 * the operator sees what they changed, then either applies their own edits on top of that
 * version (rebase.ts; the diff then compares against it) or drops them for it.
 */
export function ConflictPanel({
  theirs,
  refused,
  onKeepMine,
  onTakeTheirs,
}: ConflictPanelProps) {
  const lines = describeDiff(theirs)
  return (
    <div
      className="banner banner-warn"
      role="alert"
      aria-labelledby="conflict-title"
    >
      <p id="conflict-title">
        <strong>
          {refused
            ? 'Not saved: someone else changed this backup policy after you opened it.'
            : 'Someone else changed this backup policy after you opened it.'}
        </strong>
      </p>
      <p>Their changes:</p>
      {lines.length === 0 ? (
        <p>Settings the editor does not show (copies, exports).</p>
      ) : (
        <ul className="change-list">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <p>
        Your edits are still in the form. Apply them to their version (where you
        both changed the same setting, yours is kept, and the changes below show
        it), check, and save again; or discard your edits.
      </p>
      <div className="button-row">
        <button type="button" className="button primary" onClick={onKeepMine}>
          Apply my edits to their version
        </button>
        <button type="button" className="button" onClick={onTakeTheirs}>
          Discard my edits, use their version
        </button>
      </div>
    </div>
  )
}
