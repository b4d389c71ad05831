import { z } from 'zod'
import {
  clusterNameSchema,
  deploymentItemNameSchema,
  flexDeliveryTypes,
  flexStatuses,
  isoDateTimeSchema,
  linkSchema,
  objectIdSchema,
  paginated,
} from './common'

// Flex snapshots, downloads and restores (ATLAS-CONTRACT.md §5, §7; R6).
// Statuses and delivery types are UPPERCASE here, unlike dedicated ones.

/** FlexBackupSnapshot20241113: no size, frequency or type. */
export const flexSnapshotSchema = z.looseObject({
  id: objectIdSchema.optional(),
  status: z.enum(flexStatuses).optional(),
  scheduledTime: isoDateTimeSchema.optional(),
  startTime: isoDateTimeSchema.optional(),
  finishTime: isoDateTimeSchema.optional(),
  // When the download link stops working, not when the snapshot expires.
  expiration: isoDateTimeSchema.optional(),
  mongoDBVersion: z.string().optional(),
  links: z.array(linkSchema).optional(),
})
export type FlexSnapshot = z.infer<typeof flexSnapshotSchema>

export const paginatedFlexSnapshotsSchema = paginated(flexSnapshotSchema)
export type PaginatedFlexSnapshots = z.infer<
  typeof paginatedFlexSnapshotsSchema
>

/** FlexBackupRestoreJob20241113: COMPLETED and FAILED are terminal. */
export const flexRestoreJobSchema = z.looseObject({
  id: objectIdSchema.optional(),
  deliveryType: z.enum(flexDeliveryTypes).optional(),
  status: z.enum(flexStatuses).optional(),
  instanceName: clusterNameSchema.optional(),
  projectId: objectIdSchema.optional(),
  snapshotId: objectIdSchema.optional(),
  // Valid for four hours after the download request (R6).
  snapshotUrl: z.string().optional(),
  targetDeploymentItemName: deploymentItemNameSchema.optional(),
  targetProjectId: objectIdSchema.optional(),
  expirationDate: isoDateTimeSchema.optional(),
  restoreScheduledDate: isoDateTimeSchema.optional(),
  restoreFinishedDate: isoDateTimeSchema.optional(),
  snapshotFinishedDate: isoDateTimeSchema.optional(),
  links: z.array(linkSchema).optional(),
})
export type FlexRestoreJob = z.infer<typeof flexRestoreJobSchema>

export const paginatedFlexRestoreJobsSchema = paginated(flexRestoreJobSchema)
export type PaginatedFlexRestoreJobs = z.infer<
  typeof paginatedFlexRestoreJobsSchema
>

/** FlexBackupRestoreJobCreate20241113: no deliveryType, automated only. */
export const flexRestoreJobCreateSchema = z.looseObject({
  snapshotId: objectIdSchema,
  targetDeploymentItemName: deploymentItemNameSchema,
  targetProjectId: objectIdSchema.optional(),
})
export type FlexRestoreJobCreate = z.infer<typeof flexRestoreJobCreateSchema>

/** FlexBackupSnapshotDownloadCreate20241113 */
export const flexDownloadCreateSchema = z.looseObject({
  snapshotId: objectIdSchema,
})
export type FlexDownloadCreate = z.infer<typeof flexDownloadCreateSchema>
