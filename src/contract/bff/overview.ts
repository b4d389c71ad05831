import { z } from 'zod'

import { isoDateTimeSchema, snapshotStatuses } from '../atlas/common'
import { deploymentKinds } from '../rules/delivery-type'

// GET /api/overview: the cluster list page's composed read. One row per deployment of every
// project (dedicated clusters, Flex clusters, serverless instances) with its backup health.

export const overviewProblems = [
  /** Cloud backup is switched off. */
  'backup-off',
  /** The latest completed snapshot is older than twice the smallest policy interval (25 h without a policy). */
  'stale',
  /** The latest snapshot failed. */
  'failed',
  /** Atlas did not answer for this deployment; the row holds what the list said, and `error`. */
  'unreachable',
] as const
export type OverviewProblem = (typeof overviewProblems)[number]

/**
 * Atlas does not expose the oplog lag of continuous backup; a deployment with it counts this
 * many seconds of possible loss (the oplog is shipped continuously, within about a minute).
 */
export const CONTINUOUS_BACKUP_RPO_SECONDS = 60
/** Without a policy (Flex and serverless take daily snapshots): a day plus an hour's grace. */
export const STALE_WITHOUT_POLICY_SECONDS = 25 * 3600

export const rpoBases = ['continuous', 'snapshot'] as const

export const overviewSnapshotSchema = z.object({
  id: z.string().nullable(),
  createdAt: isoDateTimeSchema.nullable(),
  /** Flex statuses mapped onto the dedicated ones: PENDING/QUEUED → queued, RUNNING → inProgress. */
  status: z.enum(snapshotStatuses).nullable(),
})
export type OverviewSnapshot = z.infer<typeof overviewSnapshotSchema>

export const overviewRowSchema = z.object({
  groupId: z.string(),
  projectName: z.string(),
  name: z.string(),
  kind: z.enum(deploymentKinds),
  clusterType: z.string().nullable(),
  /** Instance size of the first region config (M10…), 'FLEX' or 'SERVERLESS'. */
  tier: z.string().nullable(),
  mongoDBVersion: z.string().nullable(),
  backupEnabled: z.boolean(),
  /** Continuous cloud backup (dedicated), or Serverless Continuous Backup. */
  pitEnabled: z.boolean(),
  /** Dedicated clusters with continuous backup: the point-in-time window. */
  restoreWindowDays: z.int().nullable(),
  latestSnapshot: overviewSnapshotSchema.nullable(),
  lastCompletedSnapshotAt: isoDateTimeSchema.nullable(),
  /** From the backup schedule (dedicated only). */
  nextSnapshot: isoDateTimeSchema.nullable(),
  rpoSeconds: z.int().min(0).nullable(),
  rpoBasis: z.enum(rpoBases).nullable(),
  /** Restore jobs of this deployment still in progress (R10); null when unknown. */
  activeRestores: z.int().min(0).nullable(),
  problems: z.array(z.enum(overviewProblems)),
  error: z.string().nullable(),
})
export type OverviewRow = z.infer<typeof overviewRowSchema>

/** A project whose deployments could not be listed: its rows are missing. */
export const overviewProjectErrorSchema = z.object({
  groupId: z.string(),
  projectName: z.string(),
  error: z.string(),
})

export const overviewSchema = z.object({
  /** Atlas's clock when the overview was composed. */
  fetchedAt: isoDateTimeSchema,
  rows: z.array(overviewRowSchema),
  projectErrors: z.array(overviewProjectErrorSchema),
  summary: z.object({
    clusters: z.int().min(0),
    stale: z.int().min(0),
    failed: z.int().min(0),
    backupOff: z.int().min(0),
    unreachable: z.int().min(0),
    activeRestores: z.int().min(0),
  }),
})
export type Overview = z.infer<typeof overviewSchema>
