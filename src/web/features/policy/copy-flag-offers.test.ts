import { describe, expect, it } from 'vitest'

import type { CopySettingInput } from '../../../contract/rules/copy-settings'
import { copyFlagOffers, offeredCopyFlags } from './copy-flag-offers'

// The copy flags are offered only for copy regions the edit keeps: updateCopySnapshots when a
// kind still copied changes its copy retention, deleteCopySnapshots when a kind is no longer
// copied; one not offered is not sent.

const ZONE = '6650a1b2c3d4e5f6000000a1'
const daily = {
  frequencyType: 'daily',
  retentionUnit: 'days',
  retentionValue: 7,
}
const weekly = {
  frequencyType: 'weekly',
  retentionUnit: 'weeks',
  retentionValue: 4,
}
const west = (over: Partial<CopySettingInput> = {}): CopySettingInput => ({
  zoneId: ZONE,
  cloudProvider: 'AWS',
  regionName: 'US_WEST_2',
  copyPolicyItems: [daily, weekly],
  ...over,
})

describe('copyFlagOffers', () => {
  it('offers nothing for an unchanged region, an added one or a removed one', () => {
    expect(copyFlagOffers([west()], [west()])).toEqual({
      update: false,
      delete: false,
    })
    expect(
      copyFlagOffers([west()], [west(), west({ regionName: 'US_EAST_2' })]),
    ).toEqual({ update: false, delete: false })
    expect(copyFlagOffers([west()], [])).toEqual({
      update: false,
      delete: false,
    })
  })

  it('offers the update when a kept kind changes value or unit', () => {
    const longer = { ...daily, retentionValue: 8 }
    expect(
      copyFlagOffers([west()], [west({ copyPolicyItems: [longer, weekly] })]),
    ).toEqual({ update: true, delete: false })
    const inWeeks = { ...daily, retentionUnit: 'weeks', retentionValue: 7 }
    expect(
      copyFlagOffers([west()], [west({ copyPolicyItems: [inWeeks, weekly] })])
        .update,
    ).toBe(true)
  })

  it('offers the deletion when a kept region loses a kind, or switches to the last N', () => {
    expect(
      copyFlagOffers([west()], [west({ copyPolicyItems: [daily] })]),
    ).toEqual({ update: false, delete: true })
    expect(
      copyFlagOffers(
        [west()],
        [west({ copyPolicyItems: [], lastNumberOfSnapshots: 5 })],
      ),
    ).toEqual({ update: false, delete: true })
  })

  it('the same region in another zone is another copy region', () => {
    expect(
      copyFlagOffers(
        [west()],
        [west({ zoneId: '6650a1b2c3d4e5f6000000a2', copyPolicyItems: [] })],
      ),
    ).toEqual({ update: false, delete: false })
  })

  it('a ticked flag not offered is sent off', () => {
    const ticked = { updateCopySnapshots: true, deleteCopySnapshots: true }
    expect(offeredCopyFlags(ticked, { update: true, delete: false })).toEqual({
      updateCopySnapshots: true,
      deleteCopySnapshots: false,
    })
    expect(offeredCopyFlags(ticked, { update: false, delete: true })).toEqual({
      updateCopySnapshots: false,
      deleteCopySnapshots: true,
    })
  })
})
