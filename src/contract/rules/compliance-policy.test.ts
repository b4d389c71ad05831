import { describe, expect, it } from 'vitest'
import {
  checkScheduleChangeCompliance,
  checkScheduleDeletionCompliance,
} from './compliance-policy'
import type { RetentionChanges } from './policy-retention-changes'

const expiresAt = new Date('2026-03-10T18:00:00Z')
const change = (newExpiresAt: string) => ({
  id: 'a',
  expiresAt,
  newExpiresAt: new Date(newExpiresAt),
})
const none: RetentionChanges = { updated: [], removed: [] }

describe('S3 checkScheduleChangeCompliance', () => {
  it('allows everything without a compliance policy', () => {
    expect(
      checkScheduleChangeCompliance({
        compliancePolicyEnabled: false,
        deleteSnapshots: true,
        retentionChanges: {
          updated: [change('2026-03-01T18:00:00Z')],
          removed: [change('2026-02-01T18:00:00Z')],
        },
      }),
    ).toEqual({ ok: true })
  })

  it('allows a change that keeps or lengthens existing retention', () => {
    expect(
      checkScheduleChangeCompliance({
        compliancePolicyEnabled: true,
        deleteSnapshots: false,
        retentionChanges: {
          updated: [
            change('2026-03-10T18:00:00Z'),
            change('2026-04-10T18:00:00Z'),
          ],
          removed: [],
        },
      }),
    ).toEqual({ ok: true })
    expect(
      checkScheduleChangeCompliance({
        compliancePolicyEnabled: true,
        retentionChanges: none,
      }),
    ).toEqual({ ok: true })
  })

  it('refuses deleteSnapshots under a compliance policy', () => {
    expect(
      checkScheduleChangeCompliance({
        compliancePolicyEnabled: true,
        deleteSnapshots: true,
        retentionChanges: none,
      }),
    ).toMatchObject({
      ok: false,
      field: 'deleteSnapshots',
      errorCode: 'BACKUP_COMPLIANCE_POLICY_VIOLATION',
    })
  })

  it('refuses a retention one second shorter, naming the earliest new expiry', () => {
    const result = checkScheduleChangeCompliance({
      compliancePolicyEnabled: true,
      retentionChanges: {
        updated: [
          change('2026-03-10T17:59:59Z'),
          change('2026-03-09T18:00:00Z'),
        ],
        removed: [],
      },
    })
    expect(result).toMatchObject({
      ok: false,
      field: 'updateSnapshots',
      errorCode: 'BACKUP_COMPLIANCE_POLICY_VIOLATION',
    })
    expect(!result.ok && result.reason).toContain('2 snapshots')
    expect(!result.ok && result.reason).toContain('2026-03-09 18:00:00 UTC')
  })

  it('refuses a change that would remove snapshots at once', () => {
    expect(
      checkScheduleChangeCompliance({
        compliancePolicyEnabled: true,
        retentionChanges: {
          updated: [],
          removed: [change('2026-02-01T18:00:00Z')],
        },
      }),
    ).toMatchObject({ ok: false, field: 'updateSnapshots' })
  })
})

describe('S3 checkScheduleDeletionCompliance', () => {
  it('allows deleting the schedule without a compliance policy only', () => {
    expect(checkScheduleDeletionCompliance(false)).toEqual({ ok: true })
    const refused = checkScheduleDeletionCompliance(true)
    expect(refused).toMatchObject({
      ok: false,
      errorCode: 'BACKUP_COMPLIANCE_POLICY_VIOLATION',
    })
    expect(refused).not.toHaveProperty('field')
  })
})
