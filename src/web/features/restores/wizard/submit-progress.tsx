import { formatDuration } from '../../../lib/format-units'
import { useNow } from '../../../lib/use-now'
import type { SubmitProgress } from './use-submit-restore'

const snapshotStatus: Record<string, string> = {
  requested: 'requesting it',
  queued: 'queued',
  inProgress: 'in progress',
}

/** What the submit is doing now, announced when it changes (the elapsed time is not). */
export function SubmitProgressNote({
  progress,
  targetName,
}: {
  progress: SubmitProgress
  targetName: string
}) {
  const now = useNow(1_000)
  return (
    <div className="submit-progress">
      <p role="status">
        {progress.phase === 'snapshot'
          ? `Step 1 of 2: taking an on-demand snapshot of ${targetName}, ${snapshotStatus[progress.status] ?? progress.status}. The restore starts when it completes.`
          : progress.phase === 'restore'
            ? 'Starting the restore…'
            : ''}
      </p>
      {progress.phase === 'snapshot' ? (
        <p className="muted">
          Waiting for {formatDuration(Math.max(0, now - progress.since) / 1000)}{' '}
          so far.
        </p>
      ) : null}
    </div>
  )
}
