import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'

import type { LiveJob } from '../../../../contract/bff/job-events'
import { GuardedButton } from '../../../components/ui/guarded-button'
import { sessionQuery } from '../../../lib/session'
import { useCancelRestore } from '../mutations'
import { CancelDialog } from './cancel-dialog'
import { CancelError } from './cancel-error'
import { refOf, targetOf } from './job-model'
import { cancelVerdict } from './cancel-verdict'

/** R9/R10: cancel a running dedicated restore, confirmed in a dialog; disabled with the reason. */
export function CancelAction({ job }: { job: LiveJob }) {
  const session = useQuery(sessionQuery())
  const verdict = cancelVerdict(job, session.data?.role)
  const cancel = useCancelRestore(refOf(job))
  const [open, setOpen] = useState(false)
  const target = targetOf(job)
  return (
    <div className="cancel-action">
      <GuardedButton
        verdict={verdict}
        className="button danger"
        disabled={cancel.isPending || cancel.isSuccess}
        onClick={() => {
          cancel.reset()
          setOpen(true)
        }}
      >
        {target ? 'Cancel this restore…' : 'Cancel this download…'}
      </GuardedButton>
      {open ? (
        <CancelDialog
          what={
            target
              ? `the restore of ${job.clusterName} onto ${target.name}`
              : `the download of ${job.clusterName}`
          }
          targetName={target?.name}
          pending={cancel.isPending}
          error={cancel.error}
          onConfirm={() =>
            cancel.mutate(undefined, { onSuccess: () => setOpen(false) })
          }
          onClose={() => setOpen(false)}
        />
      ) : null}
      {cancel.isSuccess && job.state !== 'cancelled' ? (
        <p role="status">
          Atlas accepted the cancel. The job shows as cancelled when the console
          next hears from Atlas, within seconds.
        </p>
      ) : null}
      {!open && cancel.error ? <CancelError error={cancel.error} /> : null}
    </div>
  )
}
