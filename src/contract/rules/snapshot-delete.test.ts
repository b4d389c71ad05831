import { describe, expect, it } from 'vitest'
import {
  checkSnapshotDeletion,
  checkSnapshotExpiryChange,
  SNAPSHOT_DELETE_CONFIRMATION_FIELD,
  snapshotExpiryAfterChange,
} from './snapshot-delete'
import type { SnapshotExpiryChangeInput } from './snapshot-delete'

describe('S3 checkSnapshotDeletion', () => {
  it('deletes once confirmed', () => {
    expect(
      checkSnapshotDeletion({
        compliancePolicyEnabled: false,
        confirmed: true,
      }),
    ).toEqual({
      ok: true,
    })
  })

  it.each([undefined, null, false])(
    'asks for confirmation (confirmed: %o)',
    (confirmed) => {
      expect(
        checkSnapshotDeletion({ compliancePolicyEnabled: false, confirmed }),
      ).toMatchObject({
        ok: false,
        field: SNAPSHOT_DELETE_CONFIRMATION_FIELD,
        errorCode: 'CONFIRMATION_REQUIRED',
      })
    },
  )

  it('is forbidden under a Backup Compliance Policy, even when confirmed', () => {
    const result = checkSnapshotDeletion({
      compliancePolicyEnabled: true,
      confirmed: true,
    })
    expect(result).toMatchObject({
      ok: false,
      errorCode: 'BACKUP_COMPLIANCE_POLICY_VIOLATION',
    })
    expect(!result.ok && result.reason).toMatch(
      /Backup Compliance Policy forbids deleting/,
    )
  })

  it('is not offered for Flex or serverless snapshots', () => {
    expect(
      checkSnapshotDeletion({
        kind: 'flex',
        compliancePolicyEnabled: false,
        confirmed: true,
      }),
    ).toMatchObject({ ok: false, errorCode: 'FEATURE_UNSUPPORTED' })
  })
})

describe('S3 checkSnapshotExpiryChange', () => {
  const base: SnapshotExpiryChangeInput = {
    retentionUnit: 'DAYS',
    retentionValue: 10,
    createdAt: new Date('2026-03-01T18:00:00Z'),
    currentExpiresAt: new Date('2026-03-08T18:00:00Z'),
    compliancePolicyEnabled: false,
    now: new Date('2026-03-05T12:00:00Z'),
  }

  it('counts the new retention from the snapshot creation', () => {
    expect(snapshotExpiryAfterChange(base.createdAt, 1, 'MONTHS')).toEqual(
      new Date('2026-04-01T18:00:00Z'),
    )
    expect(checkSnapshotExpiryChange(base)).toEqual({ ok: true })
  })

  it.each([0, 2.5, -1])('refuses retentionValue %d', (retentionValue) => {
    expect(
      checkSnapshotExpiryChange({ ...base, retentionValue }),
    ).toMatchObject({
      ok: false,
      field: 'retentionValue',
      errorCode: 'VALIDATION_ERROR',
    })
  })

  it('refuses a lowercase unit, which this endpoint does not take', () => {
    expect(
      checkSnapshotExpiryChange({ ...base, retentionUnit: 'days' as never }),
    ).toMatchObject({ ok: false, field: 'retentionUnit' })
  })

  it('refuses an expiry that has already passed, at now included', () => {
    const result = checkSnapshotExpiryChange({ ...base, retentionValue: 3 })
    expect(!result.ok && result.reason).toBe(
      'With this retention the snapshot would expire at 2026-03-04 18:00:00 UTC, which has ' +
        'already passed; choose a longer retention, or delete the snapshot instead',
    )
    const exactlyNow = {
      ...base,
      now: new Date('2026-03-04T18:00:00Z'),
      retentionValue: 3,
    }
    expect(checkSnapshotExpiryChange(exactlyNow).ok).toBe(false)
  })

  it('allows only extending under a Backup Compliance Policy', () => {
    const bcp = { ...base, compliancePolicyEnabled: true }
    expect(checkSnapshotExpiryChange({ ...bcp, retentionValue: 7 }).ok).toBe(
      true,
    )
    expect(checkSnapshotExpiryChange({ ...bcp, retentionValue: 10 }).ok).toBe(
      true,
    )
    expect(
      checkSnapshotExpiryChange({ ...bcp, retentionValue: 6 }),
    ).toMatchObject({
      ok: false,
      field: 'retentionValue',
      errorCode: 'BACKUP_COMPLIANCE_POLICY_VIOLATION',
    })
  })
})
