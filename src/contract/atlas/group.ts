import { z } from 'zod'
import {
  isoDateTimeSchema,
  linkSchema,
  objectIdSchema,
  paginated,
  projectNameSchema,
  resourceTagSchema,
} from './common'

// Projects are "groups" in the API (ATLAS-CONTRACT.md §4).

export const regionUsageRestrictions = [
  'COMMERCIAL_FEDRAMP_REGIONS_ONLY',
  'GOV_REGIONS_ONLY',
] as const
export type RegionUsageRestriction = (typeof regionUsageRestrictions)[number]

export const groupSchema = z.looseObject({
  id: objectIdSchema.optional(),
  name: projectNameSchema,
  orgId: objectIdSchema,
  clusterCount: z.int(),
  created: isoDateTimeSchema,
  tags: z.array(resourceTagSchema).optional(),
  regionUsageRestrictions: z.enum(regionUsageRestrictions).optional(),
  withDefaultAlertsSettings: z.boolean().optional(),
  links: z.array(linkSchema).optional(),
})
export type Group = z.infer<typeof groupSchema>

export const paginatedGroupsSchema = paginated(groupSchema)
export type PaginatedGroups = z.infer<typeof paginatedGroupsSchema>
