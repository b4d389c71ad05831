import { describe, expect, it } from 'vitest'
import {
  checkRestoreInstant,
  postRestoreSnapshotExpiry,
  restorableRanges,
  restoreBlackouts,
  restoreWindowBounds,
} from './restore-window'

const now = new Date('2026-03-01T12:00:00Z')
const sec = (iso: string) => Date.parse(iso) / 1000
const windowStart = sec('2026-02-22T12:00:00Z')
const nowSec = sec('2026-03-01T12:00:00Z')

describe('restoreWindowBounds', () => {
  it('spans restoreWindowDays back from now', () => {
    expect(restoreWindowBounds(now, 7)).toEqual({
      start: new Date('2026-02-22T12:00:00Z'),
      end: now,
    })
  })

  it('truncates now to the whole second', () => {
    const bounds = restoreWindowBounds(new Date('2026-03-01T12:00:00.900Z'), 1)
    expect(bounds.end).toEqual(now)
    expect(bounds.start).toEqual(new Date('2026-02-28T12:00:00Z'))
  })
})

describe('R4 checkRestoreInstant', () => {
  const window = { now, restoreWindowDays: 7 }

  it('accepts the window start and refuses one second before it', () => {
    expect(checkRestoreInstant(windowStart, window)).toEqual({ ok: true })
    const before = checkRestoreInstant(windowStart - 1, window)
    expect(before).toEqual({
      ok: false,
      reason:
        'The instant 2026-02-22 11:59:59 UTC lies outside the restore window ' +
        '(2026-02-22 12:00:00 UTC to 2026-03-01 12:00:00 UTC)',
      field: 'pointInTimeUTCSeconds',
      errorCode: 'POINT_IN_TIME_OUTSIDE_RESTORE_WINDOW',
    })
  })

  it('accepts now and refuses one second in the future', () => {
    expect(checkRestoreInstant(nowSec, window).ok).toBe(true)
    expect(checkRestoreInstant(nowSec + 1, window).ok).toBe(false)
  })

  it('reports on the field the instant came from', () => {
    const result = checkRestoreInstant(nowSec + 60, window, 'oplogTs')
    expect(!result.ok && result.field).toBe('oplogTs')
  })

  describe('blackout after a restore', () => {
    const restoreStart = new Date('2026-02-25T08:00:00Z')
    const snapshotAfter = new Date('2026-02-25T10:30:00Z')

    it('refuses from the restore start up to the snapshot after it', () => {
      const blackouts = [{ start: restoreStart, end: snapshotAfter }]
      const at = (iso: string) =>
        checkRestoreInstant(sec(iso), { ...window, blackouts })
      expect(at('2026-02-25T07:59:59Z').ok).toBe(true)
      const inside = at('2026-02-25T08:00:00Z')
      expect(inside).toMatchObject({
        ok: false,
        errorCode: 'POINT_IN_TIME_IN_RESTORE_BLACKOUT',
        field: 'pointInTimeUTCSeconds',
      })
      expect(!inside.ok && inside.reason).toBe(
        'The instant 2026-02-25 08:00:00 UTC cannot be restored: it lies between the ' +
          'start of a restore at 2026-02-25 08:00:00 UTC and the snapshot Atlas took ' +
          'after it at 2026-02-25 10:30:00 UTC',
      )
      expect(at('2026-02-25T10:29:59Z').ok).toBe(false)
      expect(at('2026-02-25T10:30:00Z').ok).toBe(true)
    })

    it('runs up to now while the snapshot after the restore is missing', () => {
      const blackouts = [{ start: restoreStart }]
      const result = checkRestoreInstant(sec('2026-02-28T00:00:00Z'), {
        ...window,
        blackouts,
      })
      expect(!result.ok && result.reason).toMatch(/which does not exist yet/)
    })
  })
})

describe('restorableRanges', () => {
  it('is the whole window without blackouts', () => {
    expect(restorableRanges({ now, restoreWindowDays: 2 })).toEqual([
      { start: new Date('2026-02-27T12:00:00Z'), end: now },
    ])
  })

  it('cuts blackouts out, ending a second before each', () => {
    const ranges = restorableRanges({
      now,
      restoreWindowDays: 2,
      blackouts: [
        {
          start: new Date('2026-02-28T00:00:00Z'),
          end: new Date('2026-02-28T02:00:00Z'),
        },
        // Entirely before the window: ignored.
        {
          start: new Date('2026-02-01T00:00:00Z'),
          end: new Date('2026-02-02T00:00:00Z'),
        },
        // Still open: nothing after it is restorable.
        { start: new Date('2026-03-01T06:00:00Z') },
      ],
    })
    expect(ranges).toEqual([
      {
        start: new Date('2026-02-27T12:00:00Z'),
        end: new Date('2026-02-27T23:59:59Z'),
      },
      {
        start: new Date('2026-02-28T02:00:00Z'),
        end: new Date('2026-03-01T05:59:59Z'),
      },
    ])
  })
})

describe('restoreBlackouts', () => {
  it('ends each blackout at the first completed snapshot after the restore finished', () => {
    const blackouts = restoreBlackouts(
      [
        {
          startedAt: new Date('2026-02-25T08:00:00Z'),
          finishedAt: new Date('2026-02-25T09:00:00Z'),
        },
        { startedAt: new Date('2026-02-28T08:00:00Z') },
      ],
      [
        { createdAt: new Date('2026-02-25T08:30:00Z'), status: 'completed' },
        { createdAt: new Date('2026-02-25T09:10:00Z'), status: 'failed' },
        { createdAt: new Date('2026-02-25T09:20:00Z'), status: 'completed' },
        { createdAt: new Date('2026-02-25T18:00:00Z'), status: 'completed' },
      ],
    )
    expect(blackouts).toEqual([
      {
        start: new Date('2026-02-25T08:00:00Z'),
        end: new Date('2026-02-25T09:20:00Z'),
      },
      { start: new Date('2026-02-28T08:00:00Z') },
    ])
  })
})

describe('postRestoreSnapshotExpiry', () => {
  it('keeps the post-restore snapshot for the restore window', () => {
    expect(postRestoreSnapshotExpiry(now, 7)).toEqual(
      new Date('2026-03-08T12:00:00Z'),
    )
  })
})
