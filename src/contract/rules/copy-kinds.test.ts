import { describe, expect, it } from 'vitest'

import type { PolicyItem } from '../atlas/schedule'
import {
  copyKindsOf,
  currentCopySettings,
  policyRetentionOf,
  snapshotCopyKind,
} from './copy-kinds'

const ZONE = '6650a1b2c3d4e5f600000000'
const item = (
  frequencyType: PolicyItem['frequencyType'],
  retentionValue: number,
  retentionUnit: PolicyItem['retentionUnit'] = 'days',
): PolicyItem => ({
  frequencyType,
  frequencyInterval: 1,
  retentionUnit,
  retentionValue,
})
const items = [
  item('hourly', 2),
  item('daily', 7),
  item('monthly', 12, 'months'),
]

describe('copyKindsOf', () => {
  it('offers the policy kinds in frequency order, and on-demand always', () => {
    expect(copyKindsOf([item('monthly', 1), item('daily', 1)])).toEqual([
      'daily',
      'monthly',
      'ondemand',
    ])
    expect(copyKindsOf([])).toEqual(['ondemand'])
  })
})

describe('policyRetentionOf', () => {
  it('takes the longest retention of that kind', () => {
    expect(
      policyRetentionOf(
        [item('weekly', 5, 'weeks'), item('weekly', 30, 'days')],
        'weekly',
      ),
    ).toEqual({ retentionUnit: 'weeks', retentionValue: 5 })
  })
})

describe('currentCopySettings (deprecated frequencies read, current form written)', () => {
  it('turns frequencies into copy policy items with the policy retention', () => {
    const [setting] = currentCopySettings({
      copyPolicyItemsEnabled: false,
      policies: [{ policyItems: items }],
      copySettings: [
        {
          zoneId: ZONE,
          cloudProvider: 'AWS',
          regionName: 'US_WEST_2',
          shouldCopyOplogs: false,
          frequencies: ['DAILY', 'MONTHLY', 'ON_DEMAND'],
        },
      ],
    })
    expect(setting).toEqual({
      zoneId: ZONE,
      cloudProvider: 'AWS',
      regionName: 'US_WEST_2',
      shouldCopyOplogs: false,
      copyPolicyItems: [
        { frequencyType: 'daily', retentionUnit: 'days', retentionValue: 7 },
        {
          frequencyType: 'monthly',
          retentionUnit: 'months',
          retentionValue: 12,
        },
        { frequencyType: 'ondemand' },
      ],
    })
  })

  it('reads frequencies when copyPolicyItemsEnabled is omitted, keeps the current form as is', () => {
    const copySettings = [{ zoneId: ZONE, frequencies: ['HOURLY' as const] }]
    expect(
      currentCopySettings({ policies: [{ policyItems: items }], copySettings }),
    ).toEqual([
      {
        zoneId: ZONE,
        copyPolicyItems: [
          { frequencyType: 'hourly', retentionUnit: 'days', retentionValue: 2 },
        ],
      },
    ])
    const current = [
      {
        zoneId: ZONE,
        copyPolicyItems: [{ frequencyType: 'ondemand' as const }],
      },
    ]
    expect(
      currentCopySettings({
        copyPolicyItemsEnabled: true,
        policies: [{ policyItems: items }],
        copySettings: current,
      }),
    ).toEqual(current)
  })

  it('keeps lastNumberOfSnapshots alone', () => {
    expect(
      currentCopySettings({
        policies: [{ policyItems: items }],
        copySettings: [{ zoneId: ZONE, lastNumberOfSnapshots: 3 }],
      }),
    ).toEqual([{ zoneId: ZONE, lastNumberOfSnapshots: 3 }])
  })
})

describe('snapshotCopyKind', () => {
  it('names on-demand snapshots and scheduled ones by frequency', () => {
    expect(snapshotCopyKind({ snapshotType: 'onDemand' })).toBe('ondemand')
    expect(
      snapshotCopyKind({ snapshotType: 'scheduled', frequencyType: 'weekly' }),
    ).toBe('weekly')
    expect(snapshotCopyKind({ snapshotType: 'fallback' })).toBeUndefined()
  })
})
