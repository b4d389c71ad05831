import { describe, expect, it } from 'vitest'

import { checkBaseSnapshot } from './restore-base-snapshot'

describe('checkBaseSnapshot', () => {
  const snapshot = {
    id: 'a'.repeat(24),
    createdAt: new Date('2025-06-01T12:00:00Z'),
  }
  const at = Date.parse('2025-06-01T12:00:00Z') / 1000

  it('takes a snapshot taken at the instant or before it', () => {
    expect(checkBaseSnapshot(snapshot, at).ok).toBe(true)
    expect(checkBaseSnapshot(snapshot, at + 3600).ok).toBe(true)
  })

  it('refuses one taken after the instant, on snapshotId, naming both times', () => {
    expect(checkBaseSnapshot(snapshot, at - 1)).toEqual({
      ok: false,
      reason:
        'Snapshot aaaaaaaaaaaaaaaaaaaaaaaa was taken at 2025-06-01 12:00:00 UTC, after the instant to restore to (2025-06-01 11:59:59 UTC); name an earlier snapshot or none',
      field: 'snapshotId',
      errorCode: 'VALIDATION_ERROR',
    })
  })
})
