import { describe, expect, it } from 'vitest'

import type { CopySettingInput } from '../../../contract/rules/copy-settings'
import { existingCopies } from './existing-copies'

// The snapshot list names the regions holding a copy, not the copy's expiry: each copy is read
// with the zone of its saved copy setting, its kind, and an expiry estimated from the saved
// copy retention of that kind, counted from when the snapshot was taken.

const ZONE = '6650a1b2c3d4e5f6000000a1'
const saved: CopySettingInput[] = [
  {
    zoneId: ZONE,
    cloudProvider: 'AWS',
    regionName: 'US_WEST_2',
    copyPolicyItems: [
      { frequencyType: 'daily', retentionUnit: 'days', retentionValue: 3 },
      { frequencyType: 'ondemand' },
    ],
  },
  {
    zoneId: ZONE,
    cloudProvider: 'AWS',
    regionName: 'US_EAST_2',
    lastNumberOfSnapshots: 2,
  },
]
const snapshot = {
  id: '6b03d660c395881c367d55e1',
  createdAt: '2026-03-01T18:00:00Z',
  expiresAt: '2026-03-08T18:00:00Z',
}

describe('existingCopies', () => {
  it('estimates a copy kept by kind from the saved copy retention', () => {
    expect(
      existingCopies(
        [{ ...snapshot, frequencyType: 'daily', copyRegions: ['US_WEST_2'] }],
        saved,
      ),
    ).toEqual([
      {
        snapshotId: snapshot.id,
        createdAt: new Date(snapshot.createdAt),
        kind: 'daily',
        zoneId: ZONE,
        regionName: 'US_WEST_2',
        expiresAt: new Date('2026-03-04T18:00:00Z'),
      },
    ])
  })

  it('an on-demand copy or one of the last N keeps its snapshot expiry', () => {
    const copies = existingCopies(
      [
        {
          ...snapshot,
          snapshotType: 'onDemand',
          copyRegions: ['US_WEST_2', 'US_EAST_2'],
        },
      ],
      saved,
    )
    expect(copies.map((c) => [c.regionName, c.kind, c.lastOf])).toEqual([
      ['US_WEST_2', 'ondemand', undefined],
      ['US_EAST_2', 'ondemand', 2],
    ])
    expect(copies.map((c) => c.expiresAt.toISOString())).toEqual([
      '2026-03-08T18:00:00.000Z',
      '2026-03-08T18:00:00.000Z',
    ])
  })

  it('a copy in a region no saved setting names is left out', () => {
    expect(
      existingCopies(
        [{ ...snapshot, frequencyType: 'daily', copyRegions: ['EU_WEST_1'] }],
        saved,
      ),
    ).toEqual([])
  })
})
