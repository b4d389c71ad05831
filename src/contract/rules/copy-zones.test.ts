import { describe, expect, it } from 'vitest'

import type { Cluster } from '../atlas/cluster'
import {
  clusterNodeRegions,
  clusterZones,
  copyRegionOptions,
} from './copy-zones'

const ZONE_A = '6650a1b2c3d4e5f60000000a'
const ZONE_B = '6650a1b2c3d4e5f60000000b'

// A global cluster: zone A on AWS (primary US_EAST_1, a secondary US_WEST_2), zone B on two
// shards whose primary is on GCP.
const global: Cluster = {
  clusterType: 'GEOSHARDED',
  replicationSpecs: [
    {
      zoneId: ZONE_A,
      zoneName: 'Americas',
      regionConfigs: [
        { providerName: 'AWS', regionName: 'US_WEST_2', priority: 6 },
        { providerName: 'AWS', regionName: 'US_EAST_1', priority: 7 },
      ],
    },
    {
      zoneId: ZONE_B,
      zoneName: 'Europe',
      regionConfigs: [
        { providerName: 'GCP', regionName: 'WESTERN_EUROPE', priority: 7 },
        { providerName: 'AWS', regionName: 'EU_WEST_1', priority: 6 },
      ],
    },
    {
      zoneId: ZONE_B,
      zoneName: 'Europe',
      regionConfigs: [
        { providerName: 'GCP', regionName: 'WESTERN_EUROPE', priority: 7 },
      ],
    },
  ],
}

describe('clusterZones', () => {
  it('lists each zone once, with the provider and region of its highest priority', () => {
    expect(clusterZones(global)).toEqual([
      {
        zoneId: ZONE_A,
        zoneName: 'Americas',
        provider: 'AWS',
        snapshotRegion: 'US_EAST_1',
      },
      {
        zoneId: ZONE_B,
        zoneName: 'Europe',
        provider: 'GCP',
        snapshotRegion: 'WESTERN_EUROPE',
      },
    ])
  })

  it('uses the backing provider of a tenant region, and skips specs without zone', () => {
    expect(
      clusterZones({
        replicationSpecs: [
          {},
          {
            zoneId: ZONE_A,
            regionConfigs: [
              {
                providerName: 'TENANT',
                backingProviderName: 'AZURE',
                regionName: 'US_EAST_2',
              },
            ],
          },
        ],
      }),
    ).toEqual([
      {
        zoneId: ZONE_A,
        zoneName: 'Zone 1',
        provider: 'AZURE',
        snapshotRegion: 'US_EAST_2',
      },
    ])
  })
})

describe('copyRegionOptions', () => {
  it('offers only the zone provider, without its snapshot region, node-free regions first', () => {
    const [americas] = clusterZones(global)
    const options = copyRegionOptions(americas!, clusterNodeRegions(global))
    const names = options.map((o) => o.regionName)
    expect(names).not.toContain('US_EAST_1')
    expect(names).not.toContain('WESTERN_EUROPE')
    expect(names.slice(-2)).toEqual(['US_WEST_2', 'EU_WEST_1'])
    expect(options.at(-1)).toMatchObject({ holdsNodes: true })
    expect(options[0]).toMatchObject({
      regionName: 'US_EAST_2',
      holdsNodes: false,
    })
  })

  it('offers nothing for a zone of unknown provider', () => {
    expect(
      copyRegionOptions(
        {
          zoneId: ZONE_A,
          zoneName: 'Z',
          provider: undefined,
          snapshotRegion: undefined,
        },
        [],
      ),
    ).toEqual([])
  })
})
