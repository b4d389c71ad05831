import { describe, expect, it } from 'vitest'
import { clusterSchema, paginatedClustersSchema } from './cluster'

const regionConfig = {
  providerName: 'AWS',
  regionName: 'EU_WEST_1',
  priority: 7,
  electableSpecs: {
    instanceSize: 'M30',
    nodeCount: 3,
    diskSizeGB: 40,
    diskIOPS: 3000,
    ebsVolumeType: 'STANDARD',
  },
  readOnlySpecs: { instanceSize: 'M30', nodeCount: 0, diskSizeGB: 40 },
  autoScaling: {
    compute: { enabled: false, scaleDownEnabled: false },
    diskGB: { enabled: true },
  },
}

const cluster = {
  id: '6512a1b2c3d4e5f6a7b8c9d0',
  groupId: '5f4d3c2b1a0f9e8d7c6b5a49',
  name: 'orders-prod',
  clusterType: 'REPLICASET',
  stateName: 'IDLE',
  paused: false,
  backupEnabled: true,
  pitEnabled: true,
  retainBackups: false,
  mongoDBVersion: '8.0.4',
  mongoDBMajorVersion: '8.0',
  versionReleaseSystem: 'LTS',
  encryptionAtRestProvider: 'NONE',
  terminationProtectionEnabled: true,
  createDate: '2024-02-01T10:00:00Z',
  tags: [{ key: 'team', value: 'orders' }],
  connectionStrings: {
    standardSrv: 'mongodb+srv://orders-prod.abcde.mongodb.net',
  },
  replicationSpecs: [
    {
      id: '6512a1b2c3d4e5f6a7b8c9d1',
      zoneId: '6512a1b2c3d4e5f6a7b8c9d2',
      zoneName: 'Zone 1',
      regionConfigs: [regionConfig],
    },
  ],
  diskWarmingMode: 'FULLY_WARMED',
}

const withRegion = (patch: Record<string, unknown>) => ({
  ...cluster,
  replicationSpecs: [
    {
      ...cluster.replicationSpecs[0],
      regionConfigs: [{ ...regionConfig, ...patch }],
    },
  ],
})

describe('clusterSchema', () => {
  it('parses a dedicated replica set', () => {
    expect(clusterSchema.parse(cluster)).toEqual(cluster)
  })

  it('accepts an empty object: the spec requires no field', () => {
    expect(clusterSchema.safeParse({}).success).toBe(true)
  })

  it('keeps unknown fields at the top and inside region configs', () => {
    const parsed = clusterSchema.parse(cluster)
    expect(parsed).toHaveProperty('diskWarmingMode', 'FULLY_WARMED')
    const region = parsed.replicationSpecs?.[0]?.regionConfigs?.[0]
    expect(region).toHaveProperty('autoScaling.diskGB.enabled', true)
  })

  it('parses a sharded cluster with its config server type', () => {
    const sharded = {
      ...cluster,
      clusterType: 'SHARDED',
      configServerType: 'EMBEDDED',
      replicationSpecs: [
        cluster.replicationSpecs[0],
        cluster.replicationSpecs[0],
      ],
    }
    expect(clusterSchema.safeParse(sharded).success).toBe(true)
    expect(
      clusterSchema.safeParse({ ...sharded, configServerType: 'SHARED' })
        .success,
    ).toBe(false)
  })

  it('parses a tenant region config with its backing provider', () => {
    const tenant = withRegion({
      providerName: 'TENANT',
      backingProviderName: 'GCP',
      electableSpecs: { instanceSize: 'M0', effectiveInstanceSize: 'FLEX' },
    })
    expect(clusterSchema.safeParse(tenant).success).toBe(true)
    expect(
      clusterSchema.safeParse(withRegion({ backingProviderName: 'TENANT' }))
        .success,
    ).toBe(false)
  })

  it('refuses an unknown provider name', () => {
    expect(
      clusterSchema.safeParse(withRegion({ providerName: 'OCI' })).success,
    ).toBe(false)
  })

  it('bounds region priority to 0..7', () => {
    expect(clusterSchema.safeParse(withRegion({ priority: 0 })).success).toBe(
      true,
    )
    expect(clusterSchema.safeParse(withRegion({ priority: 8 })).success).toBe(
      false,
    )
    expect(clusterSchema.safeParse(withRegion({ priority: -1 })).success).toBe(
      false,
    )
  })

  it('refuses cluster names that do not start with a letter or digit', () => {
    expect(clusterSchema.safeParse({ ...cluster, name: '-abc' }).success).toBe(
      false,
    )
    expect(clusterSchema.safeParse({ ...cluster, name: 'a_b' }).success).toBe(
      false,
    )
    expect(clusterSchema.safeParse({ ...cluster, name: '0-a-B' }).success).toBe(
      true,
    )
  })

  it('refuses a bad zoneId: copy settings point at it', () => {
    const spec = cluster.replicationSpecs[0]
    expect(
      clusterSchema.safeParse({
        ...cluster,
        replicationSpecs: [{ ...spec, zoneId: '6512A1B2C3D4E5F6A7B8C9D2' }],
      }).success,
    ).toBe(false)
  })

  it('checks the state, topology and version enums', () => {
    expect(
      clusterSchema.safeParse({ ...cluster, stateName: 'PAUSED' }).success,
    ).toBe(false)
    expect(
      clusterSchema.safeParse({ ...cluster, clusterType: 'replicaset' })
        .success,
    ).toBe(false)
    expect(
      clusterSchema.safeParse({ ...cluster, versionReleaseSystem: 'RAPID' })
        .success,
    ).toBe(false)
    expect(
      clusterSchema.safeParse({ ...cluster, mongoDBVersion: 'eight' }).success,
    ).toBe(false)
  })
})

describe('paginatedClustersSchema', () => {
  it('parses a page and refuses a negative totalCount', () => {
    expect(
      paginatedClustersSchema.safeParse({ results: [cluster], totalCount: 1 })
        .success,
    ).toBe(true)
    expect(
      paginatedClustersSchema.safeParse({ results: [], totalCount: -1 })
        .success,
    ).toBe(false)
  })
})
