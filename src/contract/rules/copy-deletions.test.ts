import { describe, expect, it } from 'vitest'

import { validateCopyDeletions } from './copy-deletions'

const ZONE = '6650a1b2c3d4e5f600000000'
const gone = { zoneId: ZONE, cloudProvider: 'AWS', regionName: 'US_WEST_2' }

describe('validateCopyDeletions (deleteCopiedBackups)', () => {
  it('accepts a removed copy region, or none', () => {
    expect(
      validateCopyDeletions({ deleteCopiedBackups: [gone] }, false),
    ).toEqual([])
    expect(validateCopyDeletions({}, true)).toEqual([])
  })

  it('refuses to delete the copies of a region still copied to', () => {
    const refusals = validateCopyDeletions(
      {
        copySettings: [{ zoneId: ZONE, regionName: 'US_WEST_2' }],
        deleteCopiedBackups: [gone],
      },
      false,
    )
    expect(refusals.map((r) => r.field)).toEqual([
      'deleteCopiedBackups.0.regionName',
    ])
  })

  it('needs the zone, provider and region', () => {
    const refusals = validateCopyDeletions(
      { deleteCopiedBackups: [{ ...gone, cloudProvider: undefined }] },
      false,
    )
    expect(refusals.map((r) => r.field)).toEqual([
      'deleteCopiedBackups.0.cloudProvider',
    ])
  })

  it('is refused under a Backup Compliance Policy', () => {
    expect(
      validateCopyDeletions({ deleteCopiedBackups: [gone] }, true),
    ).toMatchObject([
      {
        field: 'deleteCopiedBackups',
        errorCode: 'BACKUP_COMPLIANCE_POLICY_VIOLATION',
      },
    ])
  })
})
