import { z } from 'zod'

// Patterns and enums shared by every Atlas resource schema (ATLAS-CONTRACT.md §3–§7).

export const OBJECT_ID_PATTERN = /^[a-f0-9]{24}$/
export const CLUSTER_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/
// These two need the `u` flag: \p{L} and \p{N} are Unicode property escapes.
export const PROJECT_NAME_PATTERN = /^[\p{L}\p{N}\-_.(),:&@+']{1,64}$/u
export const DEPLOYMENT_ITEM_NAME_PATTERN = /^[\p{L}\p{N}\-_.(),:&@+']{1,64}$/u

/** int32 lower bound of pointInTimeUTCSeconds and oplogTs: 2008-01-01T00:00:00Z. */
export const MIN_RESTORE_EPOCH_SECONDS = 1199145600
/** int32 upper bound of the same body fields: 2038-01-19T03:14:07Z. */
export const MAX_INT32 = 2147483647

export const objectIdSchema = z
  .string()
  .regex(OBJECT_ID_PATTERN, 'must be a 24-character hexadecimal id')
export const clusterNameSchema = z
  .string()
  .regex(
    CLUSTER_NAME_PATTERN,
    'must start with a letter or digit and hold only letters, digits and hyphens',
  )
export const projectNameSchema = z
  .string()
  .regex(PROJECT_NAME_PATTERN, 'is not a valid project name')
export const deploymentItemNameSchema = z
  .string()
  .regex(DEPLOYMENT_ITEM_NAME_PATTERN, 'is not a valid deployment name')
export const isoDateTimeSchema = z.iso.datetime({ offset: true })

export const cloudProviders = ['AWS', 'AZURE', 'GCP'] as const
export type CloudProvider = (typeof cloudProviders)[number]

export const clusterTypes = ['REPLICASET', 'SHARDED', 'GEOSHARDED'] as const
export type ClusterType = (typeof clusterTypes)[number]

export const clusterStateNames = [
  'IDLE',
  'CREATING',
  'UPDATING',
  'DELETING',
  'REPAIRING',
] as const
export type ClusterStateName = (typeof clusterStateNames)[number]

export const encryptionAtRestProviders = [
  'NONE',
  'AWS',
  'AZURE',
  'GCP',
] as const
export type EncryptionAtRestProvider =
  (typeof encryptionAtRestProviders)[number]

/** Policy item frequency (schedule); lowercase in the schedule schema. */
export const policyFrequencyTypes = [
  'hourly',
  'daily',
  'weekly',
  'monthly',
  'yearly',
  'ondemand',
] as const
export type PolicyFrequencyType = (typeof policyFrequencyTypes)[number]

/** The frequencies a scheduled snapshot can carry. */
export const snapshotFrequencyTypes = [
  'hourly',
  'daily',
  'weekly',
  'monthly',
  'yearly',
] as const
export type SnapshotFrequencyType = (typeof snapshotFrequencyTypes)[number]

/** Policy retention unit: lowercase. */
export const retentionUnits = ['days', 'weeks', 'months', 'years'] as const
export type RetentionUnit = (typeof retentionUnits)[number]

/** Snapshot expiration retention unit: UPPERCASE (BackupSnapshotRetention). */
export const snapshotRetentionUnits = [
  'DAYS',
  'WEEKS',
  'MONTHS',
  'YEARS',
] as const
export type SnapshotRetentionUnit = (typeof snapshotRetentionUnits)[number]

/** Allowed frequencyInterval values across all types (spec enum). */
export const frequencyIntervals = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
  23, 24, 25, 26, 27, 28, 40,
] as const

export const snapshotTypes = ['onDemand', 'scheduled', 'fallback'] as const
export type SnapshotType = (typeof snapshotTypes)[number]

export const snapshotStatuses = [
  'queued',
  'inProgress',
  'completed',
  'failed',
] as const
export type SnapshotStatus = (typeof snapshotStatuses)[number]

export const deliveryTypes = ['automated', 'download', 'pointInTime'] as const
export type DeliveryType = (typeof deliveryTypes)[number]

/** Flex snapshots and flex jobs use UPPERCASE statuses. */
export const flexStatuses = [
  'PENDING',
  'QUEUED',
  'RUNNING',
  'FAILED',
  'COMPLETED',
] as const
export type FlexStatus = (typeof flexStatuses)[number]

export const flexDeliveryTypes = ['RESTORE', 'DOWNLOAD'] as const
export type FlexDeliveryType = (typeof flexDeliveryTypes)[number]

export const linkSchema = z.looseObject({
  href: z.string().optional(),
  rel: z.string().optional(),
})
export type Link = z.infer<typeof linkSchema>

/** Atlas pagination envelope (A3). `totalCount` is omitted when includeCount=false. */
export function paginated<T extends z.ZodType>(item: T) {
  return z.looseObject({
    results: z.array(item),
    totalCount: z.number().int().min(0).optional(),
    links: z.array(linkSchema).optional(),
  })
}

export const PAGE_SIZE_DEFAULT = 100
export const PAGE_SIZE_MAX = 500

/** Sharded cluster config server type (cluster and sharded snapshot). */
export const configServerTypes = ['EMBEDDED', 'DEDICATED'] as const
export type ConfigServerType = (typeof configServerTypes)[number]

// The spec's version pattern is unanchored, so "8.0.4-rc1" matches too (§4, §5).
export const MONGO_VERSION_PATTERN = /\d+\.\d+\.\d+/
export const mongoVersionSchema = z
  .string()
  .regex(MONGO_VERSION_PATTERN, 'must hold a MongoDB version such as 8.0.4')

/** Key-value tag on projects, clusters and flex clusters (ResourceTag). */
export const resourceTagSchema = z.looseObject({
  key: z.string().min(1).max(255),
  value: z.string().min(1).max(255),
})
export type ResourceTag = z.infer<typeof resourceTagSchema>
