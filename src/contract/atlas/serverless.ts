import { z } from 'zod'
import {
  cloudProviders,
  clusterNameSchema,
  clusterStateNames,
  deliveryTypes,
  isoDateTimeSchema,
  linkSchema,
  mongoVersionSchema,
  objectIdSchema,
  paginated,
  resourceTagSchema,
  snapshotStatuses,
} from './common'
import {
  bsonTimestampSchema,
  oplogIncSchema,
  restoreEpochSecondsSchema,
} from './restore-job'

// Serverless backups, sunset 2026-01-22 (ATLAS-CONTRACT.md §2 ops 22-26, R5).

// Not in the spec subset: Atlas's serverless instance description, kept loose.
// providerName is "SERVERLESS" on create; migrated instances are flex
// clusters underneath, so it stays a plain string here.
export const serverlessInstanceSchema = z.looseObject({
  id: objectIdSchema.optional(),
  groupId: objectIdSchema.optional(),
  name: clusterNameSchema.optional(),
  mongoDBVersion: mongoVersionSchema.optional(),
  stateName: z.enum(clusterStateNames).optional(),
  providerSettings: z
    .looseObject({
      providerName: z.string().optional(),
      backingProviderName: z.enum(cloudProviders).optional(),
      regionName: z.string().optional(),
    })
    .optional(),
  serverlessBackupOptions: z
    .looseObject({ serverlessContinuousBackupEnabled: z.boolean().optional() })
    .optional(),
  terminationProtectionEnabled: z.boolean().optional(),
  tags: z.array(resourceTagSchema).optional(),
  createDate: isoDateTimeSchema.optional(),
  connectionStrings: z.looseObject({}).optional(),
  links: z.array(linkSchema).optional(),
})
export type ServerlessInstance = z.infer<typeof serverlessInstanceSchema>

export const paginatedServerlessInstancesSchema = paginated(
  serverlessInstanceSchema,
)
export type PaginatedServerlessInstances = z.infer<
  typeof paginatedServerlessInstancesSchema
>

// Narrower than the dedicated enums: no yearly, no fallback (§5).
export const serverlessFrequencyTypes = [
  'hourly',
  'daily',
  'weekly',
  'monthly',
] as const
export const serverlessSnapshotTypes = ['onDemand', 'scheduled'] as const

export const serverlessSnapshotSchema = z.looseObject({
  id: objectIdSchema.optional(),
  createdAt: isoDateTimeSchema.optional(),
  expiresAt: isoDateTimeSchema.optional(),
  frequencyType: z.enum(serverlessFrequencyTypes).optional(),
  snapshotType: z.enum(serverlessSnapshotTypes).optional(),
  status: z.enum(snapshotStatuses).optional(),
  storageSizeBytes: z.int().min(0).optional(),
  mongodVersion: mongoVersionSchema.optional(),
  serverlessInstanceName: clusterNameSchema.optional(),
  links: z.array(linkSchema).optional(),
})
export type ServerlessSnapshot = z.infer<typeof serverlessSnapshotSchema>

export const paginatedServerlessSnapshotsSchema = paginated(
  serverlessSnapshotSchema,
)
export type PaginatedServerlessSnapshots = z.infer<
  typeof paginatedServerlessSnapshotsSchema
>

// Like the dedicated job without components and private URLs; the spec makes
// the target required even on responses (§7).
export const serverlessRestoreJobSchema = z.looseObject({
  id: objectIdSchema.optional(),
  deliveryType: z.enum(deliveryTypes),
  targetClusterName: clusterNameSchema,
  targetGroupId: objectIdSchema,
  snapshotId: objectIdSchema.optional(),
  pointInTimeUTCSeconds: z.int().optional(),
  oplogTs: z.int().optional(),
  oplogInc: z.int().optional(),
  desiredTimestamp: bsonTimestampSchema.optional(),
  cancelled: z.boolean().optional(),
  failed: z.boolean().optional(),
  expired: z.boolean().optional(),
  expiresAt: isoDateTimeSchema.optional(),
  finishedAt: isoDateTimeSchema.optional(),
  timestamp: isoDateTimeSchema.optional(),
  deliveryUrl: z.array(z.string()).optional(),
  links: z.array(linkSchema).optional(),
})
export type ServerlessRestoreJob = z.infer<typeof serverlessRestoreJobSchema>

export const paginatedServerlessRestoreJobsSchema = paginated(
  serverlessRestoreJobSchema,
)
export type PaginatedServerlessRestoreJobs = z.infer<
  typeof paginatedServerlessRestoreJobsSchema
>

// POST body. R5 (no oplog, no download, 72 hours) lives in rules/.
export const serverlessRestoreJobCreateSchema = z.looseObject({
  deliveryType: z.enum(deliveryTypes),
  targetClusterName: clusterNameSchema,
  targetGroupId: objectIdSchema,
  snapshotId: objectIdSchema.optional(),
  pointInTimeUTCSeconds: restoreEpochSecondsSchema.optional(),
  oplogTs: restoreEpochSecondsSchema.optional(),
  oplogInc: oplogIncSchema.optional(),
})
export type ServerlessRestoreJobCreate = z.infer<
  typeof serverlessRestoreJobCreateSchema
>
