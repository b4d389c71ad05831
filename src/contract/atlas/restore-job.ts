import { z } from 'zod'
import {
  MAX_INT32,
  MIN_RESTORE_EPOCH_SECONDS,
  clusterNameSchema,
  deliveryTypes,
  isoDateTimeSchema,
  linkSchema,
  objectIdSchema,
  paginated,
} from './common'

// DiskBackupSnapshotRestoreJob (ATLAS-CONTRACT.md §7). It has no status: R10
// derives one from cancelled/failed/expired/finishedAt/deliveryUrl.

/** pointInTimeUTCSeconds and oplogTs in a request body: int32, from 2008. */
export const restoreEpochSecondsSchema = z
  .int()
  .min(MIN_RESTORE_EPOCH_SECONDS)
  .max(MAX_INT32)
/** oplogInc in a request body: int32, at least 1. */
export const oplogIncSchema = z.int().min(1).max(MAX_INT32)

// Responses are read without the request bounds: the spec puts a bogus
// minimum of 1199145600 on increment, and its "returned when oplogTs > 0"
// wording allows zeros in what Atlas sends back.
export const bsonTimestampSchema = z.looseObject({
  date: isoDateTimeSchema.optional(),
  increment: z.int().optional(),
})
export type BsonTimestamp = z.infer<typeof bsonTimestampSchema>

export const privateDownloadDeliveryUrlSchema = z.looseObject({
  deliveryUrl: z.string().optional(),
  endpointId: z
    .string()
    .regex(/^vpce-[0-9a-f]{17}$/)
    .optional(),
})
export type PrivateDownloadDeliveryUrl = z.infer<
  typeof privateDownloadDeliveryUrlSchema
>

/** DiskBackupRestoreMember: one per replica set of a sharded restore. */
export const restoreComponentSchema = z.looseObject({
  replicaSetName: z.string().optional(),
  downloadUrl: z.string().optional(),
  privateDownloadDeliveryUrls: z
    .array(privateDownloadDeliveryUrlSchema)
    .optional(),
})
export type RestoreComponent = z.infer<typeof restoreComponentSchema>

export const restoreJobSchema = z.looseObject({
  id: objectIdSchema.optional(),
  deliveryType: z.enum(deliveryTypes),
  snapshotId: objectIdSchema.optional(),
  targetClusterName: clusterNameSchema.optional(),
  targetGroupId: objectIdSchema.optional(),
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
  privateDownloadDeliveryUrls: z
    .array(privateDownloadDeliveryUrlSchema)
    .optional(),
  components: z.array(restoreComponentSchema).optional(),
  links: z.array(linkSchema).optional(),
})
export type RestoreJob = z.infer<typeof restoreJobSchema>

export const paginatedRestoreJobsSchema = paginated(restoreJobSchema)
export type PaginatedRestoreJobs = z.infer<typeof paginatedRestoreJobsSchema>

// POST body. Which fields each deliveryType needs (R2-R4) lives in rules/.
export const restoreJobCreateSchema = z.looseObject({
  deliveryType: z.enum(deliveryTypes),
  snapshotId: objectIdSchema.optional(),
  targetClusterName: clusterNameSchema.optional(),
  targetGroupId: objectIdSchema.optional(),
  pointInTimeUTCSeconds: restoreEpochSecondsSchema.optional(),
  oplogTs: restoreEpochSecondsSchema.optional(),
  oplogInc: oplogIncSchema.optional(),
})
export type RestoreJobCreate = z.infer<typeof restoreJobCreateSchema>
