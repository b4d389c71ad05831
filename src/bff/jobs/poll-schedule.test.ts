import { describe, expect, it } from 'vitest'

import { type PollIntervals, PollSchedule, retryAfterMs } from './poll-schedule'

const iv: PollIntervals = {
  fastMs: 2_000,
  fastForMs: 60_000,
  slowMs: 10_000,
  growth: 1.5,
  errorBaseMs: 2_000,
  backoffCapMs: 60_000,
  jitter: 0,
}
const ok = { kind: 'ok', changed: false } as const

describe('PollSchedule', () => {
  it('polls fast for a minute, then grows to the ceiling, and a change resets it', () => {
    const s = new PollSchedule(iv, 0)
    expect(s.next(ok, 10_000)).toBe(2_000)
    expect(s.next(ok, 59_000)).toBe(2_000)
    expect(s.next(ok, 61_000)).toBe(3_000)
    expect(s.next(ok, 64_000)).toBe(4_500)
    expect(s.next(ok, 69_000)).toBe(6_750)
    expect(s.next(ok, 76_000)).toBe(10_000)
    expect(s.next(ok, 86_000)).toBe(10_000)
    expect(s.next({ kind: 'ok', changed: true }, 96_000)).toBe(2_000)
    expect(s.next(ok, 98_000)).toBe(2_000)
  })

  it('waits at least Retry-After on a 429, doubling while they last, up to the cap', () => {
    const s = new PollSchedule(iv, 0)
    const limited = { kind: 'rateLimited', retryAfterMs: 5_000 } as const
    expect(s.next(limited, 1)).toBe(5_000)
    expect(s.next(limited, 2)).toBe(10_000)
    expect(s.next(limited, 3)).toBe(20_000)
    expect(s.next(limited, 4)).toBe(40_000)
    expect(s.next(limited, 5)).toBe(60_000)
    expect(s.next(limited, 6)).toBe(60_000)
    // Atlas's word beats our cap.
    expect(s.next({ kind: 'rateLimited', retryAfterMs: 90_000 }, 7)).toBe(
      90_000,
    )
    expect(s.next(ok, 8)).toBe(2_000)
  })

  it('backs off from failures, and spreads backoffs by the jitter', () => {
    const s = new PollSchedule(iv, 0)
    expect(s.next({ kind: 'failed' }, 1)).toBe(2_000)
    expect(s.next({ kind: 'failed' }, 2)).toBe(4_000)
    expect(s.next({ kind: 'failed' }, 3)).toBe(8_000)
    const jittery = new PollSchedule({ ...iv, jitter: 0.2 }, 0, () => 1)
    expect(jittery.next({ kind: 'failed' }, 1)).toBe(2_400)
  })
})

describe('retryAfterMs', () => {
  it('reads seconds or an HTTP date, and nothing else', () => {
    expect(retryAfterMs({ 'Retry-After': '3' }, 0)).toBe(3_000)
    const now = Date.parse('2026-03-01T12:00:00Z')
    expect(
      retryAfterMs({ 'Retry-After': 'Sun, 01 Mar 2026 12:00:30 GMT' }, now),
    ).toBe(30_000)
    expect(retryAfterMs({ 'Retry-After': 'soon' }, 0)).toBeUndefined()
    expect(retryAfterMs({}, 0)).toBeUndefined()
  })
})
