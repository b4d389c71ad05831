import { useQueries, useQuery } from '@tanstack/react-query'

import type { LiveJob } from '../../../../contract/bff/job-events'
import { isTerminalState } from '../../../../contract/rules/restore-job-state'
import { liveJobsQuery, restoreJobStateQuery } from '../queries'

/** Whether a job restores into the deployment (Flex jobs name it targetDeploymentItemName). */
export function restoresInto(
  job: LiveJob,
  target: { groupId: string; name: string },
): boolean {
  if (!job.doc) return false
  if (job.kind === 'flex') {
    const doc = job.doc
    return (
      doc.deliveryType !== 'DOWNLOAD' &&
      (doc.targetProjectId ?? job.groupId) === target.groupId &&
      doc.targetDeploymentItemName === target.name
    )
  }
  return (
    job.doc.deliveryType !== 'download' &&
    job.doc.targetGroupId === target.groupId &&
    job.doc.targetClusterName === target.name
  )
}

export type ActiveRestores =
  | { state: 'loading' }
  | { state: 'error'; error: Error; retry: () => void }
  | { state: 'ready'; active: LiveJob[] }

/**
 * Restores running into the target now. The console's job list names the candidates; each is
 * then read from Atlas, because the list may lag (a job that just finished, or one Atlas no
 * longer knows) and a stale "running" would block the wizard for nothing.
 */
export function useActiveRestoresInto(
  target: { groupId: string; name: string } | undefined,
): ActiveRestores {
  const live = useQuery(liveJobsQuery())
  const candidates = target
    ? (live.data?.results ?? []).filter(
        (job) => !isTerminalState(job.state) && restoresInto(job, target),
      )
    : []
  const checks = useQueries({
    queries: candidates.map((job) =>
      restoreJobStateQuery({
        kind: job.kind,
        groupId: job.groupId,
        clusterName: job.clusterName,
        jobId: job.jobId,
      }),
    ),
  })
  if (live.isError) {
    return {
      state: 'error',
      error: live.error,
      retry: () => void live.refetch(),
    }
  }
  const failed = checks.find((c) => c.isError)
  if (failed?.error) {
    return {
      state: 'error',
      error: failed.error,
      retry: () => void failed.refetch(),
    }
  }
  if (live.isPending || checks.some((c) => c.isPending)) {
    return { state: 'loading' }
  }
  return {
    state: 'ready',
    active: candidates.flatMap((job, i) => {
      const now = checks[i]?.data
      return now === undefined || now === 'gone' || isTerminalState(now)
        ? []
        : [{ ...job, state: now }]
    }),
  }
}
