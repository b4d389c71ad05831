import type { CloudProvider } from './common'

// Atlas region names ("Please supply the 'Atlas Region'" [spec], DiskBackupCopySetting), the
// ones the policy editor offers as copy regions and the sandbox knows. Atlas adds regions often,
// so the BFF does not refuse a region missing here (rules/copy-settings.ts, `knownRegionsOnly`).
// https://www.mongodb.com/docs/atlas/reference/cloud-providers/

export type AtlasRegion = { name: string; location: string }

export const atlasRegions: Record<CloudProvider, readonly AtlasRegion[]> = {
  AWS: [
    { name: 'US_EAST_1', location: 'N. Virginia' },
    { name: 'US_EAST_2', location: 'Ohio' },
    { name: 'US_WEST_1', location: 'N. California' },
    { name: 'US_WEST_2', location: 'Oregon' },
    { name: 'CA_CENTRAL_1', location: 'Montreal' },
    { name: 'SA_EAST_1', location: 'São Paulo' },
    { name: 'EU_WEST_1', location: 'Ireland' },
    { name: 'EU_WEST_2', location: 'London' },
    { name: 'EU_WEST_3', location: 'Paris' },
    { name: 'EU_CENTRAL_1', location: 'Frankfurt' },
    { name: 'EU_CENTRAL_2', location: 'Zurich' },
    { name: 'EU_NORTH_1', location: 'Stockholm' },
    { name: 'EU_SOUTH_1', location: 'Milan' },
    { name: 'AP_SOUTH_1', location: 'Mumbai' },
    { name: 'AP_EAST_1', location: 'Hong Kong' },
    { name: 'AP_SOUTHEAST_1', location: 'Singapore' },
    { name: 'AP_SOUTHEAST_2', location: 'Sydney' },
    { name: 'AP_NORTHEAST_1', location: 'Tokyo' },
    { name: 'AP_NORTHEAST_2', location: 'Seoul' },
    { name: 'AP_NORTHEAST_3', location: 'Osaka' },
    { name: 'ME_SOUTH_1', location: 'Bahrain' },
    { name: 'AF_SOUTH_1', location: 'Cape Town' },
  ],
  AZURE: [
    { name: 'US_EAST', location: 'Virginia' },
    { name: 'US_EAST_2', location: 'Virginia' },
    { name: 'US_CENTRAL', location: 'Iowa' },
    { name: 'US_NORTH_CENTRAL', location: 'Illinois' },
    { name: 'US_SOUTH_CENTRAL', location: 'Texas' },
    { name: 'US_WEST', location: 'California' },
    { name: 'US_WEST_2', location: 'Washington' },
    { name: 'CANADA_CENTRAL', location: 'Toronto' },
    { name: 'BRAZIL_SOUTH', location: 'São Paulo' },
    { name: 'EUROPE_NORTH', location: 'Ireland' },
    { name: 'EUROPE_WEST', location: 'Netherlands' },
    { name: 'UK_SOUTH', location: 'London' },
    { name: 'FRANCE_CENTRAL', location: 'Paris' },
    { name: 'GERMANY_WEST_CENTRAL', location: 'Frankfurt' },
    { name: 'SWITZERLAND_NORTH', location: 'Zurich' },
    { name: 'SWEDEN_CENTRAL', location: 'Gävle' },
    { name: 'ASIA_EAST', location: 'Hong Kong' },
    { name: 'ASIA_SOUTH_EAST', location: 'Singapore' },
    { name: 'AUSTRALIA_EAST', location: 'New South Wales' },
    { name: 'JAPAN_EAST', location: 'Tokyo' },
    { name: 'INDIA_CENTRAL', location: 'Pune' },
    { name: 'KOREA_CENTRAL', location: 'Seoul' },
  ],
  GCP: [
    { name: 'CENTRAL_US', location: 'Iowa' },
    { name: 'EASTERN_US', location: 'South Carolina' },
    { name: 'US_EAST_4', location: 'N. Virginia' },
    { name: 'WESTERN_US', location: 'Oregon' },
    { name: 'US_WEST_2', location: 'Los Angeles' },
    { name: 'NORTH_AMERICA_NORTHEAST_1', location: 'Montreal' },
    { name: 'SOUTH_AMERICA_EAST_1', location: 'São Paulo' },
    { name: 'WESTERN_EUROPE', location: 'Belgium' },
    { name: 'EUROPE_NORTH_1', location: 'Finland' },
    { name: 'EUROPE_WEST_2', location: 'London' },
    { name: 'EUROPE_WEST_3', location: 'Frankfurt' },
    { name: 'EUROPE_WEST_4', location: 'Netherlands' },
    { name: 'EUROPE_WEST_6', location: 'Zurich' },
    { name: 'ASIA_EAST_2', location: 'Hong Kong' },
    { name: 'EASTERN_ASIA_PACIFIC', location: 'Taiwan' },
    { name: 'NORTHEASTERN_ASIA_PACIFIC', location: 'Tokyo' },
    { name: 'SOUTHEASTERN_ASIA_PACIFIC', location: 'Singapore' },
    { name: 'ASIA_SOUTH_1', location: 'Mumbai' },
    { name: 'AUSTRALIA_SOUTHEAST_1', location: 'Sydney' },
  ],
}

/** Atlas writes region names in upper snake case: US_EAST_1, EUROPE_WEST_3. */
export const REGION_NAME_PATTERN = /^[A-Z][A-Z0-9_]*$/

export function isKnownRegion(
  provider: CloudProvider,
  regionName: string,
): boolean {
  return atlasRegions[provider].some((r) => r.name === regionName)
}

/** "US_WEST_2 (Oregon)", or the bare name of a region missing from the list. */
export function regionLabel(
  provider: CloudProvider | undefined,
  regionName: string,
): string {
  const region = provider
    ? atlasRegions[provider].find((r) => r.name === regionName)
    : undefined
  return region ? `${region.name} (${region.location})` : regionName
}
