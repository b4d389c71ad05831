import type { z } from 'zod'

import type { JobRef, LiveJob } from '../../contract/bff/job-events'
import { flexRestoreJobSchema } from '../../contract/atlas/flex-backup'
import { restoreJobSchema } from '../../contract/atlas/restore-job'
import { serverlessRestoreJobSchema } from '../../contract/atlas/serverless'
import type { AtlasResource } from '../../contract/atlas/versions'
import {
  type RestoreJobState,
  flexRestoreJobState,
  restoreJobState,
} from '../../contract/rules/restore-job-state'
import type { AtlasClient } from '../atlas/client'

export type JobDoc = NonNullable<LiveJob['doc']>
export type FetchedJob = { doc: JobDoc; state: RestoreJobState }

const enc = encodeURIComponent

type Source = {
  resource: AtlasResource
  collection: (ref: JobRef) => string
  schema: z.ZodType<JobDoc>
  state: (doc: JobDoc, now: Date) => RestoreJobState
}

const date = (value: unknown) =>
  typeof value === 'string' ? new Date(value) : undefined

// R10 for dedicated and serverless jobs (no status field); Flex jobs carry a status.
const dedicatedState = (doc: JobDoc) =>
  restoreJobState(restoreJobSchema.parse(doc))

const sources: Record<JobRef['kind'], Source> = {
  dedicated: {
    resource: 'restoreJobs',
    collection: (r) =>
      `/groups/${enc(r.groupId)}/clusters/${enc(r.clusterName)}`,
    schema: restoreJobSchema,
    state: dedicatedState,
  },
  serverless: {
    resource: 'serverless',
    collection: (r) =>
      `/groups/${enc(r.groupId)}/serverless/${enc(r.clusterName)}`,
    schema: serverlessRestoreJobSchema,
    state: dedicatedState,
  },
  flex: {
    resource: 'flex',
    collection: (r) =>
      `/groups/${enc(r.groupId)}/flexClusters/${enc(r.clusterName)}`,
    schema: flexRestoreJobSchema,
    state: (doc, now) => {
      const job = flexRestoreJobSchema.parse(doc)
      if (!job.status) return 'queued'
      return flexRestoreJobState(
        {
          status: job.status,
          deliveryType: job.deliveryType,
          snapshotUrl: job.snapshotUrl,
          expirationDate: date(job.expirationDate),
        },
        now,
      )
    },
  },
}

/** The job's state by R10, at Atlas's clock (a Flex download link expires). */
export function jobStateOf(
  kind: JobRef['kind'],
  doc: JobDoc,
  now: Date,
): RestoreJobState {
  return sources[kind].state(doc, now)
}

/** Parses a document stored or received for `kind`; undefined when it is not one. */
export function parseJobDoc(
  kind: JobRef['kind'],
  doc: unknown,
): JobDoc | undefined {
  const parsed = sources[kind].schema.safeParse(doc)
  return parsed.success ? parsed.data : undefined
}

/** One GET of the job from Atlas; errors are the client's ApiProblems. */
export async function fetchJob(
  atlas: AtlasClient,
  ref: JobRef,
): Promise<FetchedJob> {
  const source = sources[ref.kind]
  const reply = await atlas.request({
    path: `${source.collection(ref)}/backup/restoreJobs/${enc(ref.jobId)}`,
    resource: source.resource,
    schema: source.schema,
  })
  const doc = reply.body
  return { doc, state: source.state(doc, atlas.upstreamNow()) }
}
