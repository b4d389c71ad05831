import { describe, expect, it } from 'vitest'

import { defaultPolicyItems } from './policy-default'
import { checkSchedule, validateSchedule } from './schedule-validate'

const ZONE = '6650a1b2c3d4e5f600000000'
const options = {
  nvme: false,
  pitEnabled: false,
  knownRegionsOnly: true,
  zones: [
    {
      zoneId: ZONE,
      zoneName: 'Zone 1',
      provider: 'AWS' as const,
      snapshotRegion: 'US_EAST_1',
    },
  ],
}
const schedule = {
  referenceHourOfDay: 18,
  referenceMinuteOfHour: 0,
  policies: [{ policyItems: defaultPolicyItems({ nvme: false }) }],
  copyPolicyItemsEnabled: true,
  copySettings: [
    {
      zoneId: ZONE,
      cloudProvider: 'AWS',
      regionName: 'US_WEST_2',
      shouldCopyOplogs: false,
      copyPolicyItems: [{ frequencyType: 'yearly' }],
    },
  ],
  autoExportEnabled: true,
}

describe('validateSchedule', () => {
  it('checks the policy, its copies against the policy kinds, and the export together', () => {
    expect(
      validateSchedule(
        {
          ...schedule,
          referenceHourOfDay: 24,
        },
        options,
      ).map((r) => r.field),
    ).toEqual([
      'referenceHourOfDay',
      'copySettings.0.copyPolicyItems.0.frequencyType',
      'export.exportBucketId',
      'export.frequencyType',
    ])
  })

  it('gives the first refusal to the sandbox and the BFF', () => {
    expect(
      checkSchedule(
        { ...schedule, autoExportEnabled: false, copySettings: [] },
        options,
      ),
    ).toEqual({ ok: true })
    expect(checkSchedule(schedule, options)).toMatchObject({
      ok: false,
      field: 'copySettings.0.copyPolicyItems.0.frequencyType',
    })
  })
})
