import { z } from 'zod'
import {
  cloudProviders,
  configServerTypes,
  isoDateTimeSchema,
  linkSchema,
  mongoVersionSchema,
  objectIdSchema,
  paginated,
  snapshotFrequencyTypes,
  snapshotRetentionUnits,
  snapshotStatuses,
  snapshotTypes,
} from './common'

// Dedicated-cluster snapshots (ATLAS-CONTRACT.md §5). Every response field is
// readOnly and optional; enums here are camelCase/lowercase, unlike flex.

export const snapshotKinds = ['replicaSet', 'shardedCluster'] as const
export type SnapshotKind = (typeof snapshotKinds)[number]

/** DiskBackupSnapshot: the discriminator base that take-snapshot returns. */
export const snapshotSchema = z.looseObject({
  id: objectIdSchema.optional(),
  type: z.enum(snapshotKinds).optional(),
  createdAt: isoDateTimeSchema.optional(),
  expiresAt: isoDateTimeSchema.optional(),
  description: z.string().optional(),
  frequencyType: z.enum(snapshotFrequencyTypes).optional(),
  snapshotType: z.enum(snapshotTypes).optional(),
  status: z.enum(snapshotStatuses).optional(),
  storageSizeBytes: z.int().min(0).optional(),
  mongodVersion: mongoVersionSchema.optional(),
  masterKeyUUID: z.string().optional(),
  policyItems: z.array(objectIdSchema).optional(),
  links: z.array(linkSchema).optional(),
})
export type Snapshot = z.infer<typeof snapshotSchema>

/** DiskBackupReplicaSet */
export const replicaSetSnapshotSchema = snapshotSchema.extend({
  cloudProvider: z.enum(cloudProviders).optional(),
  copyRegions: z.array(z.string()).optional(),
  replicaSetName: z.string().optional(),
})
export type ReplicaSetSnapshot = z.infer<typeof replicaSetSnapshotSchema>

/** DiskBackupShardedClusterSnapshotMember: all three fields required. */
export const shardedSnapshotMemberSchema = z.looseObject({
  cloudProvider: z.enum(cloudProviders),
  id: objectIdSchema,
  replicaSetName: z.string(),
})
export type ShardedSnapshotMember = z.infer<typeof shardedSnapshotMemberSchema>

/** DiskBackupShardedClusterSnapshot; snapshotIds match members[].id (S2). */
export const shardedSnapshotSchema = snapshotSchema.extend({
  configServerType: z.enum(configServerTypes).optional(),
  members: z.array(shardedSnapshotMemberSchema).optional(),
  snapshotIds: z.array(objectIdSchema).optional(),
})
export type ShardedSnapshot = z.infer<typeof shardedSnapshotSchema>

export const paginatedReplicaSetSnapshotsSchema = paginated(
  replicaSetSnapshotSchema,
)
export type PaginatedReplicaSetSnapshots = z.infer<
  typeof paginatedReplicaSetSnapshotsSchema
>

// The sharded list takes no paging parameters but answers in this envelope.
export const paginatedShardedSnapshotsSchema = paginated(shardedSnapshotSchema)
export type PaginatedShardedSnapshots = z.infer<
  typeof paginatedShardedSnapshotsSchema
>

/** DiskBackupOnDemandSnapshotRequest (POST body): every field optional. */
export const onDemandSnapshotRequestSchema = z.looseObject({
  description: z.string().optional(),
  // "Must be at least 1" [spec] (S1).
  retentionInDays: z.int32().min(1).optional(),
})
export type OnDemandSnapshotRequest = z.infer<
  typeof onDemandSnapshotRequestSchema
>

/** BackupSnapshotRetention (PATCH body): the unit is UPPERCASE here. */
export const snapshotRetentionSchema = z.looseObject({
  retentionUnit: z.enum(snapshotRetentionUnits),
  // The spec sets no minimum; a retention of zero or less means nothing.
  retentionValue: z.int32().min(1),
})
export type SnapshotRetention = z.infer<typeof snapshotRetentionSchema>
