import { useState } from 'react'
import { Link } from 'react-router'

import type { RuleResult } from '../../../../contract/rules/result'
import { GuardedButton } from '../../../components/ui/guarded-button'
import { paths } from '../../../lib/paths'
import type { Deployment, SnapshotRow } from '../model'
import { useDownloadSnapshot } from '../mutations'

type DownloadActionProps = {
  deployment: Deployment
  snapshot: SnapshotRow
  verdict: RuleResult
}

/** R3/R6: asks Atlas for a download link; the job that prepares it is followed on its page. */
export function DownloadAction({
  deployment,
  snapshot,
  verdict,
}: DownloadActionProps) {
  const download = useDownloadSnapshot(deployment)
  // One key per snapshot and attempt: a double click or a retry never makes two jobs.
  const [idempotencyKey] = useState(() => crypto.randomUUID())
  const jobId = download.data?.jobId
  return (
    <>
      <GuardedButton
        verdict={verdict}
        disabled={download.isPending || download.isSuccess}
        onClick={() =>
          download.mutate({ snapshotId: snapshot.id, idempotencyKey })
        }
      >
        {download.isPending ? 'Requesting download…' : 'Download'}
      </GuardedButton>
      {download.isSuccess ? (
        <p role="status" className="inline-status">
          Download requested: Atlas is preparing the link.{' '}
          {jobId ? (
            <Link
              to={paths.restoreJob(
                deployment.kind,
                deployment.groupId,
                deployment.name,
                jobId,
              )}
            >
              Follow the download job
            </Link>
          ) : null}
        </p>
      ) : null}
      {download.error ? (
        <p role="alert" className="field-error">
          {download.error.message}
        </p>
      ) : null}
    </>
  )
}
