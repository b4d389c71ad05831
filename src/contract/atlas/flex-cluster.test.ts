import { describe, expect, it } from 'vitest'
import { flexClusterSchema, paginatedFlexClustersSchema } from './flex-cluster'

const flex = {
  id: '6601f0e1d2c3b4a596877665',
  groupId: '5f4d3c2b1a0f9e8d7c6b5a49',
  name: 'staging-flex',
  clusterType: 'REPLICASET',
  stateName: 'IDLE',
  mongoDBVersion: '8.0.4',
  versionReleaseSystem: 'LTS',
  terminationProtectionEnabled: false,
  createDate: '2025-03-01T08:00:00Z',
  providerSettings: {
    providerName: 'FLEX',
    backingProviderName: 'AWS',
    regionName: 'US_EAST_1',
    diskSizeGB: 5,
  },
  backupSettings: { enabled: true },
  connectionStrings: {
    standardSrv: 'mongodb+srv://staging-flex.abcde.mongodb.net',
  },
  tags: [],
}

describe('flexClusterSchema', () => {
  it('parses a flex cluster', () => {
    expect(flexClusterSchema.parse(flex)).toEqual(flex)
  })

  it('keeps unknown fields, including inside providerSettings', () => {
    const parsed = flexClusterSchema.parse({
      ...flex,
      extra: 1,
      providerSettings: { ...flex.providerSettings, zone: 'a' },
    })
    expect(parsed).toHaveProperty('extra', 1)
    expect(parsed.providerSettings).toHaveProperty('zone', 'a')
  })

  it('requires providerSettings', () => {
    const rest: Record<string, unknown> = { ...flex }
    delete rest.providerSettings
    expect(flexClusterSchema.safeParse(rest).success).toBe(false)
  })

  it('only accepts FLEX as the provider name', () => {
    const bad = {
      ...flex,
      providerSettings: {
        ...flex.providerSettings,
        providerName: 'SERVERLESS',
      },
    }
    expect(flexClusterSchema.safeParse(bad).success).toBe(false)
  })

  it('refuses a topology other than REPLICASET', () => {
    expect(
      flexClusterSchema.safeParse({ ...flex, clusterType: 'SHARDED' }).success,
    ).toBe(false)
  })

  it('refuses a bad name and a bad backing provider', () => {
    expect(flexClusterSchema.safeParse({ ...flex, name: '-x' }).success).toBe(
      false,
    )
    expect(
      flexClusterSchema.safeParse({
        ...flex,
        providerSettings: {
          ...flex.providerSettings,
          backingProviderName: 'IBM',
        },
      }).success,
    ).toBe(false)
  })
})

describe('paginatedFlexClustersSchema', () => {
  it('parses a page', () => {
    const page = paginatedFlexClustersSchema.parse({
      results: [flex],
      totalCount: 1,
    })
    expect(page.results[0]?.providerSettings.backingProviderName).toBe('AWS')
  })
})
