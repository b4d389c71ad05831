import { z } from 'zod'
import {
  cloudProviders,
  clusterNameSchema,
  clusterStateNames,
  clusterTypes,
  configServerTypes,
  encryptionAtRestProviders,
  isoDateTimeSchema,
  linkSchema,
  mongoVersionSchema,
  objectIdSchema,
  paginated,
  resourceTagSchema,
} from './common'

// ClusterDescription20240805, the fields backups need (ATLAS-CONTRACT.md §4).
// The spec marks no field required.

export const regionProviderNames = ['AWS', 'AZURE', 'GCP', 'TENANT'] as const
export type RegionProviderName = (typeof regionProviderNames)[number]

export const versionReleaseSystems = ['LTS', 'CONTINUOUS'] as const
export type VersionReleaseSystem = (typeof versionReleaseSystems)[number]

// instanceSize and regionName stay plain strings: Atlas adds sizes and regions
// often, and an unknown one must not make a whole cluster list unreadable.
export const hardwareSpecSchema = z.looseObject({
  instanceSize: z.string().optional(),
  nodeCount: z.int32().min(0).optional(),
  diskSizeGB: z.number().optional(),
  diskIOPS: z.int32().optional(),
  ebsVolumeType: z.string().optional(),
  effectiveInstanceSize: z.string().optional(),
})
export type HardwareSpec = z.infer<typeof hardwareSpecSchema>

// Polymorphic on providerName in the spec; one loose shape covers all four.
export const regionConfigSchema = z.looseObject({
  providerName: z.enum(regionProviderNames).optional(),
  // Only TENANT configs carry it: the cloud under an M0/flex cluster.
  backingProviderName: z.enum(cloudProviders).optional(),
  regionName: z.string().optional(),
  priority: z.int32().min(0).max(7).optional(),
  electableSpecs: hardwareSpecSchema.optional(),
  readOnlySpecs: hardwareSpecSchema.optional(),
  analyticsSpecs: hardwareSpecSchema.optional(),
  effectiveElectableSpecs: hardwareSpecSchema.optional(),
  effectiveReadOnlySpecs: hardwareSpecSchema.optional(),
  effectiveAnalyticsSpecs: hardwareSpecSchema.optional(),
})
export type RegionConfig = z.infer<typeof regionConfigSchema>

export const replicationSpecSchema = z.looseObject({
  id: objectIdSchema.optional(),
  // The schedule's copySettings[].zoneId points here (§6).
  zoneId: objectIdSchema.optional(),
  zoneName: z.string().optional(),
  regionConfigs: z.array(regionConfigSchema).optional(),
})
export type ReplicationSpec = z.infer<typeof replicationSpecSchema>

export const clusterConnectionStringsSchema = z.looseObject({
  standard: z.string().optional(),
  standardSrv: z.string().optional(),
  private: z.string().optional(),
  privateSrv: z.string().optional(),
})
export type ClusterConnectionStrings = z.infer<
  typeof clusterConnectionStringsSchema
>

export const clusterSchema = z.looseObject({
  id: objectIdSchema.optional(),
  groupId: objectIdSchema.optional(),
  name: clusterNameSchema.optional(),
  clusterType: z.enum(clusterTypes).optional(),
  stateName: z.enum(clusterStateNames).optional(),
  paused: z.boolean().optional(),
  backupEnabled: z.boolean().optional(),
  pitEnabled: z.boolean().optional(),
  retainBackups: z.boolean().optional(),
  mongoDBVersion: mongoVersionSchema.optional(),
  mongoDBMajorVersion: z.string().optional(),
  versionReleaseSystem: z.enum(versionReleaseSystems).optional(),
  encryptionAtRestProvider: z.enum(encryptionAtRestProviders).optional(),
  configServerType: z.enum(configServerTypes).optional(),
  terminationProtectionEnabled: z.boolean().optional(),
  createDate: isoDateTimeSchema.optional(),
  tags: z.array(resourceTagSchema).optional(),
  connectionStrings: clusterConnectionStringsSchema.optional(),
  replicationSpecs: z.array(replicationSpecSchema).optional(),
  effectiveReplicationSpecs: z.array(replicationSpecSchema).optional(),
  links: z.array(linkSchema).optional(),
})
export type Cluster = z.infer<typeof clusterSchema>

export const paginatedClustersSchema = paginated(clusterSchema)
export type PaginatedClusters = z.infer<typeof paginatedClustersSchema>
