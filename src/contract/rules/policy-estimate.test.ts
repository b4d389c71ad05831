import { describe, expect, it } from 'vitest'
import { defaultPolicy } from './policy-default'
import { estimateRetainedSnapshots } from './policy-estimate'
import type { PolicyItemInput } from './policy-items'

const asSchedule = (nvme: boolean) => {
  const policy = defaultPolicy({ nvme })
  return { ...policy, items: policy.policies[0].policyItems }
}

// Worked by hand for now = Monday 2026-06-15 12:00 UTC, default policy (18:00 UTC).
// A snapshot is kept while its expiry is after now; one taken exactly now counts.
// - Hourly every 6 h (00, 06, 12, 18) kept 2 days: taken in (06-13 12:00, 06-15 12:00] →
//   06-13 18:00, 06-14 00/06/12/18, 06-15 00/06/12 = 8.
// - Daily 18:00 kept 7 days: 06-08 … 06-14 = 7.
// - Weekly Saturday 18:00 kept 4 weeks (28 days, from 05-18 12:00): 05-23, 05-30, 06-06,
//   06-13 = 4.
// - Monthly last day 18:00 kept 12 months: 2025-06-30 (+12 months = 2026-06-30, after now)
//   … 2026-05-31 = 12; 2025-05-31 expired on 2026-05-31.
// Overlaps count once, under the longest retention: Saturday 06-13 18:00 is hourly, daily and
// weekly → weekly; Sunday 06-14 18:00 is hourly and daily → daily. No month end falls on a kept
// Saturday or in the daily range. So: hourly 8 − 2 = 6, daily 7 − 1 = 6, weekly 4,
// monthly 12 → 28 in total (31 counted naively).
// On NVMe (every 12 h: 06, 18): hourly 06-13 18:00, 06-14 06:00 and 18:00, 06-15 06:00 = 4,
// minus the same two overlaps = 2 → 2 + 6 + 4 + 12 = 24.
const now = new Date('2026-06-15T12:00:00Z')

describe('P7 estimateRetainedSnapshots', () => {
  it('counts 28 snapshots for the default policy, each once', () => {
    const estimate = estimateRetainedSnapshots(asSchedule(false), now)
    expect(estimate.perItem.map((p) => [p.frequencyType, p.count])).toEqual([
      ['hourly', 6],
      ['daily', 6],
      ['weekly', 4],
      ['monthly', 12],
    ])
    expect(estimate.total).toBe(28)
    expect(estimate.capped).toBe(false)
  })

  it('counts 24 for the NVMe default policy', () => {
    const estimate = estimateRetainedSnapshots(asSchedule(true), now)
    expect(estimate.perItem.map((p) => p.count)).toEqual([2, 6, 4, 12])
    expect(estimate.total).toBe(24)
  })

  it('counts a snapshot taken exactly now and drops one expiring exactly now', () => {
    const daily: PolicyItemInput = {
      frequencyType: 'daily',
      frequencyInterval: 1,
      retentionUnit: 'days',
      retentionValue: 3,
    }
    const schedule = {
      referenceHourOfDay: 12,
      referenceMinuteOfHour: 0,
      items: [daily],
    }
    // Taken 06-12, 06-13, 06-14, 06-15 at 12:00; 06-12's expires exactly now.
    expect(estimateRetainedSnapshots(schedule, now).total).toBe(3)
  })

  it('counts 24 a day for an hourly item every hour kept a day', () => {
    const hourly: PolicyItemInput = {
      frequencyType: 'hourly',
      frequencyInterval: 1,
      retentionUnit: 'days',
      retentionValue: 1,
    }
    expect(
      estimateRetainedSnapshots(
        { referenceHourOfDay: 3, referenceMinuteOfHour: 15, items: [hourly] },
        now,
      ).total,
    ).toBe(24)
  })

  it('counts yearly snapshots over years and caps absurd retentions', () => {
    const yearly = (retentionValue: number): PolicyItemInput => ({
      frequencyType: 'yearly',
      frequencyInterval: 1,
      retentionUnit: 'years',
      retentionValue,
    })
    // 1 January 18:00 of 2022 … 2026; 2021's expired on 2026-01-01.
    expect(estimateRetainedSnapshots({ items: [yearly(5)] }, now).total).toBe(5)
    // The look-back stops at 37,200 days (back to 1924-08-08): 1 January 1925 … 2026 = 102.
    const huge = estimateRetainedSnapshots({ items: [yearly(1000)] }, now)
    expect(huge.capped).toBe(true)
    expect(huge.total).toBe(102)
    expect(
      estimateRetainedSnapshots({ items: [yearly(100)] }, now).capped,
    ).toBe(false)
  })

  it('skips items with invalid intervals rather than guessing', () => {
    const bad: PolicyItemInput = {
      frequencyType: 'weekly',
      frequencyInterval: 9,
      retentionUnit: 'weeks',
      retentionValue: 4,
    }
    expect(estimateRetainedSnapshots({ items: [bad] }, now).total).toBe(0)
  })
})
