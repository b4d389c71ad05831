import { describe, expect, it } from 'vitest'
import type { PolicyItemInput } from './policy-items'
import { checkRestoreWindowDays, validateSnapshotTime } from './policy-window'

const hourly = (
  retentionValue: number,
  retentionUnit: PolicyItemInput['retentionUnit'] = 'days',
) => ({
  frequencyType: 'hourly' as const,
  frequencyInterval: 6,
  retentionUnit,
  retentionValue,
})

describe('P5 checkRestoreWindowDays', () => {
  it('accepts a window equal to the hourly retention and refuses one day more', () => {
    expect(checkRestoreWindowDays(2, [hourly(2)])).toEqual({ ok: true })
    expect(checkRestoreWindowDays(3, [hourly(2)])).toEqual({
      ok: false,
      reason: 'restoreWindowDays must be at most the hourly retention (2 days)',
      field: 'restoreWindowDays',
      errorCode: 'INVALID_RESTORE_WINDOW',
    })
  })

  it('converts an hourly retention in weeks to days', () => {
    expect(checkRestoreWindowDays(7, [hourly(1, 'weeks')]).ok).toBe(true)
    const result = checkRestoreWindowDays(8, [hourly(1, 'weeks')])
    expect(!result.ok && result.reason).toBe(
      'restoreWindowDays must be at most the hourly retention (1 week, 7 days)',
    )
  })

  it.each([0, -1, 1.5, Number.NaN])('refuses %d', (days) => {
    expect(checkRestoreWindowDays(days, [hourly(7)])).toMatchObject({
      ok: false,
      field: 'restoreWindowDays',
      errorCode: 'INVALID_RESTORE_WINDOW',
    })
  })

  it('accepts an absent window and applies no bound without an hourly item', () => {
    expect(checkRestoreWindowDays(undefined, [hourly(2)]).ok).toBe(true)
    expect(checkRestoreWindowDays(null, [hourly(2)]).ok).toBe(true)
    expect(checkRestoreWindowDays(30, []).ok).toBe(true)
  })
})

describe('P6 validateSnapshotTime', () => {
  it('accepts the bounds', () => {
    expect(
      validateSnapshotTime({ referenceHourOfDay: 0, referenceMinuteOfHour: 0 }),
    ).toEqual([])
    expect(
      validateSnapshotTime({
        referenceHourOfDay: 23,
        referenceMinuteOfHour: 59,
      }),
    ).toEqual([])
    expect(validateSnapshotTime({})).toEqual([])
  })

  it('refuses values past the bounds, naming the range', () => {
    expect(
      validateSnapshotTime({
        referenceHourOfDay: 24,
        referenceMinuteOfHour: 60,
      }).map((r) => [r.field, r.reason]),
    ).toEqual([
      [
        'referenceHourOfDay',
        'referenceHourOfDay must be an integer from 0 to 23',
      ],
      [
        'referenceMinuteOfHour',
        'referenceMinuteOfHour must be an integer from 0 to 59',
      ],
    ])
    expect(validateSnapshotTime({ referenceHourOfDay: -1 })).toHaveLength(1)
    expect(validateSnapshotTime({ referenceMinuteOfHour: 7.5 })).toHaveLength(1)
  })
})
