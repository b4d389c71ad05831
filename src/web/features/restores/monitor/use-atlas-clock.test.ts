import { describe, expect, it } from 'vitest'

import { dedicatedJob } from './test-jobs'
import { clockOffsetOf } from './use-atlas-clock'

// Atlas's clock, read off the jobs: the id holds Atlas's time of creation, createdAt the
// console's; the newest job gives the latest reading.

const T0 = Date.parse('2026-03-01T12:00:00Z')
const MIN = 60_000

describe('clockOffsetOf', () => {
  it('is 0 without jobs', () => {
    expect(clockOffsetOf([])).toBe(0)
  })

  it('reads the newest job: Atlas 30 min ahead of the console', () => {
    const old = dedicatedJob(
      T0,
      { deliveryType: 'automated' },
      {
        createdAt: new Date(T0).toISOString(),
      },
    )
    const newer = dedicatedJob(
      T0 + 60 * MIN,
      { deliveryType: 'automated' },
      { createdAt: new Date(T0 + 30 * MIN).toISOString() },
      2,
    )
    expect(clockOffsetOf([old, newer])).toBe(30 * MIN)
    expect(clockOffsetOf([newer, old])).toBe(30 * MIN)
    expect(clockOffsetOf([old])).toBe(0)
  })
})
