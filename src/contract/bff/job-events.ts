import { z } from 'zod'

import {
  clusterNameSchema,
  isoDateTimeSchema,
  objectIdSchema,
} from '../atlas/common'
import { flexRestoreJobSchema } from '../atlas/flex-backup'
import { restoreJobSchema } from '../atlas/restore-job'
import { serverlessRestoreJobSchema } from '../atlas/serverless'
import { restoreJobStates } from '../rules/restore-job-state'

// Live restore jobs: what GET /api/restore-jobs returns and what GET /api/events streams.
// The BFF polls each active job once, whatever the number of browsers, and derives its state
// by R10 (rules/restore-job-state.ts); Atlas keeps no creation time, so the BFF records it.

export const restoreJobKinds = ['dedicated', 'serverless', 'flex'] as const
export type RestoreJobKind = (typeof restoreJobKinds)[number]

export const jobRefSchema = z.object({
  kind: z.enum(restoreJobKinds),
  groupId: objectIdSchema,
  clusterName: clusterNameSchema,
  jobId: objectIdSchema,
})
export type JobRef = z.infer<typeof jobRefSchema>

/** `kind:groupId:clusterName:jobId`, the `job` query parameter of GET /api/events. */
export function jobKeyOf(ref: JobRef): string {
  return `${ref.kind}:${ref.groupId}:${ref.clusterName}:${ref.jobId}`
}

const JOB_KEY_PATTERN =
  /^(dedicated|serverless|flex):([a-f0-9]{24}):([a-zA-Z0-9][a-zA-Z0-9-]*):([a-f0-9]{24})$/

export const jobKeySchema = z
  .string()
  .regex(JOB_KEY_PATTERN, 'must be kind:groupId:clusterName:jobId')
  .transform((key): JobRef => {
    const [, kind, groupId, clusterName, jobId] =
      JOB_KEY_PATTERN.exec(key) ?? []
    return jobRefSchema.parse({ kind, groupId, clusterName, jobId })
  })

export const jobProblemSchema = z.object({
  status: z.int(),
  errorCode: z.string(),
  detail: z.string(),
})
export type JobProblem = z.infer<typeof jobProblemSchema>

const liveJobFields = {
  groupId: objectIdSchema,
  clusterName: clusterNameSchema,
  jobId: objectIdSchema,
  /** Derived by R10 from the Atlas document (Flex: from its status). */
  state: z.enum(restoreJobStates),
  /** When the restore was started (from the console, or Atlas's id for jobs made elsewhere). */
  createdAt: isoDateTimeSchema,
  /** The console user who started it; null for jobs started outside the console. */
  createdBy: z.string().nullable(),
  /** When the BFF last saw the job change; null when it has not since it started. */
  updatedAt: isoDateTimeSchema.nullable(),
  /** When Atlas last answered for this job; null when it has not since the BFF started. */
  checkedAt: isoDateTimeSchema.nullable(),
  /** The BFF is polling it: false once finished, or when Atlas no longer knows the job. */
  watching: z.boolean(),
  /** The last poll failed: `state` and `doc` are the last known. */
  stale: z.boolean(),
  /** Why the last poll failed, in the BFF's error words (e.g. RATE_LIMITED_TOKEN_BUCKET). */
  problem: jobProblemSchema.nullable(),
}

export const liveJobSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('dedicated'),
    doc: restoreJobSchema.nullable(),
    ...liveJobFields,
  }),
  z.object({
    kind: z.literal('serverless'),
    doc: serverlessRestoreJobSchema.nullable(),
    ...liveJobFields,
  }),
  z.object({
    kind: z.literal('flex'),
    doc: flexRestoreJobSchema.nullable(),
    ...liveJobFields,
  }),
])
export type LiveJob = z.infer<typeof liveJobSchema>

/** GET /api/restore-jobs: every watched job, newest first. */
export const restoreJobListSchema = z.object({
  results: z.array(liveJobSchema),
  totalCount: z.int().min(0),
})
export type RestoreJobList = z.infer<typeof restoreJobListSchema>

/**
 * The `data` of each Server-Sent Event; the SSE `event` field equals `type`.
 * - job: a job's current state (on connect for every relevant job, then on every change).
 * - ready: the states current at connection time have all been sent.
 * - heartbeat: every ~15 s; a browser hearing none for 45 s should reconnect.
 */
export const jobEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job'), job: liveJobSchema }),
  z.object({
    type: z.literal('ready'),
    at: isoDateTimeSchema,
    jobs: z.int().min(0),
  }),
  z.object({ type: z.literal('heartbeat'), at: isoDateTimeSchema }),
])
export type JobEvent = z.infer<typeof jobEventSchema>
