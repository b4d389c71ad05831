import { describe, expect, it } from 'vitest'

import {
  type CopyPolicyItemInput,
  type CopyRulesOptions,
  type CopySettingInput,
  validateCopySettings,
} from './copy-settings'
import type { CopyZone } from './copy-zones'

const ZONE = '6650a1b2c3d4e5f600000000'
const OTHER_ZONE = '6650a1b2c3d4e5f600000009'
const zone: CopyZone = {
  zoneId: ZONE,
  zoneName: 'Zone 1',
  provider: 'AWS',
  snapshotRegion: 'US_EAST_1',
}
const options: CopyRulesOptions = {
  zones: [zone],
  pitEnabled: true,
  policyKinds: ['hourly', 'daily', 'weekly', 'monthly', 'ondemand'],
  knownRegionsOnly: true,
}
const daily: CopyPolicyItemInput = {
  frequencyType: 'daily',
  retentionUnit: 'days',
  retentionValue: 7,
}
const setting = (fields: Partial<CopySettingInput> = {}): CopySettingInput => ({
  zoneId: ZONE,
  cloudProvider: 'AWS',
  regionName: 'US_WEST_2',
  shouldCopyOplogs: false,
  copyPolicyItems: [daily],
  ...fields,
})
const check = (
  settings: CopySettingInput[],
  opts: Partial<CopyRulesOptions> = {},
  enabled = true,
) =>
  validateCopySettings(
    { copySettings: settings, copyPolicyItemsEnabled: enabled },
    { ...options, ...opts },
  )
const fields = (...args: Parameters<typeof check>) =>
  check(...args).map((r) => r.field)

describe('copy settings: where copies go', () => {
  it('accepts a region of the zone primary provider', () => {
    expect(check([setting()])).toEqual([])
  })

  it('refuses a zone the cluster does not have', () => {
    expect(fields([setting({ zoneId: OTHER_ZONE })])).toEqual([
      'copySettings.0.zoneId',
    ])
  })

  it('refuses another cloud provider than the zone primary region', () => {
    const [refusal] = check([
      setting({ cloudProvider: 'GCP', regionName: 'WESTERN_EUROPE' }),
    ])
    expect(refusal).toMatchObject({
      field: 'copySettings.0.cloudProvider',
      errorCode: 'VALIDATION_ERROR',
    })
    expect(refusal?.reason).toMatch(/^cloudProvider must be AWS/)
  })

  it('refuses the region the zone takes its snapshots in, and a region twice', () => {
    expect(fields([setting({ regionName: 'US_EAST_1' })])).toEqual([
      'copySettings.0.regionName',
    ])
    expect(fields([setting(), setting()])).toEqual([
      'copySettings.1.regionName',
    ])
  })

  it('refuses unknown regions only when asked to', () => {
    expect(fields([setting({ regionName: 'MARS_1' })])).toEqual([
      'copySettings.0.regionName',
    ])
    expect(
      fields([setting({ regionName: 'MARS_1' })], { knownRegionsOnly: false }),
    ).toEqual([])
    expect(
      fields([setting({ regionName: 'us-west-2' })], {
        knownRegionsOnly: false,
      }),
    ).toEqual(['copySettings.0.regionName'])
  })
})

describe('copy settings: oplogs need continuous backup', () => {
  it('accepts oplog copies with continuous backup, refuses them without', () => {
    expect(check([setting({ shouldCopyOplogs: true })])).toEqual([])
    const refusals = check([setting({ shouldCopyOplogs: true })], {
      pitEnabled: false,
    })
    expect(refusals.map((r) => r.field)).toEqual([
      'copySettings.0.shouldCopyOplogs',
    ])
    expect(refusals[0]?.reason).toMatch(/^shouldCopyOplogs needs continuous/)
    expect(check([setting()], { pitEnabled: false })).toEqual([])
  })
})

describe('copy settings: what is copied', () => {
  const kinds = (...types: string[]): CopyPolicyItemInput[] =>
    types.map((frequencyType) =>
      frequencyType === 'ondemand'
        ? { frequencyType }
        : { frequencyType, retentionUnit: 'days', retentionValue: 7 },
    )
  const all = {
    policyKinds: [
      'hourly',
      'daily',
      'weekly',
      'monthly',
      'yearly',
      'ondemand',
    ] as const,
  }

  it('takes 6 copy policy items, refuses a 7th', () => {
    const six = kinds(
      'hourly',
      'daily',
      'weekly',
      'monthly',
      'yearly',
      'ondemand',
    )
    expect(check([setting({ copyPolicyItems: six })], all)).toEqual([])
    const seven = [...six, daily]
    expect(fields([setting({ copyPolicyItems: seven })], all)).toEqual([
      'copySettings.0.copyPolicyItems',
      'copySettings.0.copyPolicyItems.6.frequencyType',
    ])
  })

  it('copies only kinds the policy takes; on-demand always', () => {
    expect(
      check([setting({ copyPolicyItems: kinds('yearly') })])[0],
    ).toMatchObject({
      field: 'copySettings.0.copyPolicyItems.0.frequencyType',
      reason:
        'frequencyType yearly: the policy takes no yearly snapshots to copy',
    })
    expect(
      check([setting({ copyPolicyItems: kinds('ondemand') })], {
        policyKinds: ['ondemand'],
      }),
    ).toEqual([])
  })

  it('needs a retention of at least 1 for scheduled kinds, none for on-demand', () => {
    const at = (retentionValue: number) =>
      fields([
        setting({
          copyPolicyItems: [{ ...daily, retentionValue }],
        }),
      ])
    expect(at(1)).toEqual([])
    expect(at(0)).toEqual(['copySettings.0.copyPolicyItems.0.retentionValue'])
    expect(at(1.5)).toEqual(['copySettings.0.copyPolicyItems.0.retentionValue'])
    expect(
      fields([setting({ copyPolicyItems: [{ frequencyType: 'daily' }] })]),
    ).toEqual([
      'copySettings.0.copyPolicyItems.0.retentionUnit',
      'copySettings.0.copyPolicyItems.0.retentionValue',
    ])
  })

  it('refuses a setting that copies nothing', () => {
    expect(fields([setting({ copyPolicyItems: [] })])).toEqual([
      'copySettings.0.copyPolicyItems',
    ])
  })

  it('takes lastNumberOfSnapshots from 1 to 500, alone', () => {
    const last = (n: number, more: Partial<CopySettingInput> = {}) =>
      fields([
        setting({ copyPolicyItems: [], lastNumberOfSnapshots: n, ...more }),
      ])
    expect(last(1)).toEqual([])
    expect(last(500)).toEqual([])
    expect(last(0)).toEqual(['copySettings.0.lastNumberOfSnapshots'])
    expect(last(501)).toEqual(['copySettings.0.lastNumberOfSnapshots'])
    const [both] = check([setting({ lastNumberOfSnapshots: 5 })])
    expect(both).toMatchObject({
      field: 'copySettings.0.lastNumberOfSnapshots',
      reason:
        'lastNumberOfSnapshots excludes copyPolicyItems: copy either the last snapshots or snapshots by kind',
    })
    expect(
      fields(
        [
          setting({
            copyPolicyItems: undefined,
            frequencies: ['DAILY'],
            lastNumberOfSnapshots: 5,
          }),
        ],
        {},
        false,
      ),
    ).toEqual(['copySettings.0.lastNumberOfSnapshots'])
  })
})

describe('copy settings: the deprecated frequencies form', () => {
  const old = (frequencies: string[]) =>
    setting({ copyPolicyItems: undefined, frequencies })

  it('is read while copyPolicyItemsEnabled is not true, with the same rules', () => {
    expect(check([old(['DAILY', 'ON_DEMAND'])], {}, false)).toEqual([])
    expect(fields([old(['YEARLY'])], {}, false)).toEqual([
      'copySettings.0.frequencies.0',
    ])
    expect(fields([old(['DAILY', 'DAILY'])], {}, false)).toEqual([
      'copySettings.0.frequencies.1',
    ])
  })

  it('takes each form only with its copyPolicyItemsEnabled', () => {
    expect(fields([old(['DAILY'])], {}, true)).toEqual([
      'copySettings.0.frequencies',
    ])
    expect(fields([setting()], {}, false)).toEqual([
      'copySettings.0.copyPolicyItems',
    ])
  })

  it('refuses deleteCopySnapshots without copyPolicyItemsEnabled', () => {
    const refusals = validateCopySettings(
      { copySettings: [], deleteCopySnapshots: true },
      options,
    )
    expect(refusals.map((r) => r.field)).toEqual(['deleteCopySnapshots'])
  })
})
