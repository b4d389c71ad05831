import { z } from 'zod'
import {
  cloudProviders,
  clusterNameSchema,
  clusterStateNames,
  isoDateTimeSchema,
  linkSchema,
  mongoVersionSchema,
  objectIdSchema,
  paginated,
  resourceTagSchema,
} from './common'

// FlexClusterDescription20241113 (ATLAS-CONTRACT.md §4): the successor of
// M2/M5 and serverless. Only providerSettings is required.

export const flexProviderSettingsSchema = z.looseObject({
  providerName: z.literal('FLEX').optional(),
  backingProviderName: z.enum(cloudProviders).optional(),
  regionName: z.string().optional(),
  diskSizeGB: z.number().optional(),
})
export type FlexProviderSettings = z.infer<typeof flexProviderSettingsSchema>

export const flexClusterSchema = z.looseObject({
  id: objectIdSchema.optional(),
  groupId: objectIdSchema.optional(),
  name: clusterNameSchema.optional(),
  providerSettings: flexProviderSettingsSchema,
  clusterType: z.literal('REPLICASET').optional(),
  stateName: z.enum(clusterStateNames).optional(),
  mongoDBVersion: mongoVersionSchema.optional(),
  versionReleaseSystem: z.literal('LTS').optional(),
  terminationProtectionEnabled: z.boolean().optional(),
  backupSettings: z.looseObject({ enabled: z.boolean().optional() }).optional(),
  tags: z.array(resourceTagSchema).optional(),
  createDate: isoDateTimeSchema.optional(),
  connectionStrings: z
    .looseObject({
      standard: z.string().optional(),
      standardSrv: z.string().optional(),
    })
    .optional(),
  links: z.array(linkSchema).optional(),
})
export type FlexCluster = z.infer<typeof flexClusterSchema>

export const paginatedFlexClustersSchema = paginated(flexClusterSchema)
export type PaginatedFlexClusters = z.infer<typeof paginatedFlexClustersSchema>
