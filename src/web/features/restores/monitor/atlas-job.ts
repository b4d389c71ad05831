import { flexRestoreJobSchema } from '../../../../contract/atlas/flex-backup'
import { restoreJobSchema } from '../../../../contract/atlas/restore-job'
import { serverlessRestoreJobSchema } from '../../../../contract/atlas/serverless'
import type { JobRef, LiveJob } from '../../../../contract/bff/job-events'
import {
  type RestoreJobState,
  flexRestoreJobState,
  isTerminalState,
  restoreJobState,
} from '../../../../contract/rules/restore-job-state'
import { api } from '../../../lib/api-client'
import { restoreApi } from '../api-paths'
import { objectIdMillis } from './job-model'

// A job the console does not watch yet (started in the Atlas UI or CLI, or before the console
// kept records) is read from Atlas once, so its page shows at once; the page's event stream
// (`?job=`) makes the BFF watch it, and its first event replaces this stand-in. A job Atlas does
// not know is the read's 404, which the page shows.

function fields(ref: JobRef, state: RestoreJobState) {
  const id = objectIdMillis(ref.jobId)
  const now = new Date().toISOString()
  return {
    groupId: ref.groupId,
    clusterName: ref.clusterName,
    jobId: ref.jobId,
    state,
    createdAt: Number.isNaN(id) ? now : new Date(id).toISOString(),
    createdBy: null,
    // No stamps: the BFF's first event about the job always replaces this stand-in.
    updatedAt: null,
    checkedAt: null,
    watching: !isTerminalState(state),
    stale: false,
    problem: null,
  }
}

export async function readAtlasJob(
  ref: JobRef,
  signal: AbortSignal,
): Promise<LiveJob> {
  const path = restoreApi.restoreJob(
    ref.kind,
    ref.groupId,
    ref.clusterName,
    ref.jobId,
  )
  if (ref.kind === 'flex') {
    const doc = await api.get(path, flexRestoreJobSchema, signal)
    const state = doc.status
      ? flexRestoreJobState(
          {
            ...doc,
            status: doc.status,
            expirationDate: doc.expirationDate
              ? new Date(doc.expirationDate)
              : undefined,
          },
          new Date(),
        )
      : 'queued'
    return { kind: 'flex', doc, ...fields(ref, state) }
  }
  if (ref.kind === 'serverless') {
    const doc = await api.get(path, serverlessRestoreJobSchema, signal)
    return { kind: 'serverless', doc, ...fields(ref, restoreJobState(doc)) }
  }
  const doc = await api.get(path, restoreJobSchema, signal)
  return { kind: 'dedicated', doc, ...fields(ref, restoreJobState(doc)) }
}
