import { describe, expect, it } from 'vitest'

import { defaultPolicy } from '../../../contract/rules/policy-default'
import { aboutCount, estimatePolicy, estimateSentence } from './estimate'
import type { PolicyShape } from './form-values'

// P7 through the editor's adapter: the default policy's count worked out by hand, overlapping
// items counted once under the longest retention, and half-typed values not breaking it.

// A Wednesday; 28 February 2026 is both a Saturday (weekly) and the last day (monthly).
const NOW = new Date('2026-03-04T12:00:00Z')

function shapeOf(nvme: boolean): PolicyShape {
  const policy = defaultPolicy({ nvme })
  return { ...policy, items: policy.policies[0].policyItems }
}

describe('estimatePolicy', () => {
  it('counts the default policy item by item, each snapshot once (P8)', () => {
    // Hourly at 00, 06, 12, 18 kept 2 days: 8, less the two 18:00 ones the daily item keeps.
    // Daily kept 7 days: 7, less Saturday the 28th, which is weekly's. Weekly kept 4 weeks:
    // 4 Saturdays, less the 28th, which is monthly's (12 months). Monthly: 12 last days.
    expect(estimatePolicy(shapeOf(false), NOW)).toEqual({
      total: 27,
      perItem: [6, 6, 3, 12],
      capped: false,
    })
  })

  it('takes NVMe hourly snapshots every 12 hours only (P2)', () => {
    const estimate = estimatePolicy(shapeOf(true), NOW)
    // 06:00 on two days; 18:00 belongs to the daily item.
    expect(estimate.perItem[0]).toBe(2)
    expect(estimate.total).toBe(23)
  })

  it('gives no number for an item whose retention is not a number yet', () => {
    const estimate = estimatePolicy(
      {
        referenceHourOfDay: Number.NaN,
        referenceMinuteOfHour: 0,
        items: [
          {
            frequencyType: 'daily',
            frequencyInterval: 1,
            retentionUnit: 'days',
            retentionValue: Number.NaN,
          },
          {
            frequencyType: 'weekly',
            frequencyInterval: 6,
            retentionUnit: 'weeks',
            retentionValue: 4,
          },
        ],
      },
      NOW,
    )
    expect(estimate.perItem).toEqual([null, 4])
    expect(estimate.total).toBe(4)
  })

  it('says when a retention is too long to replay', () => {
    const estimate = estimatePolicy(
      {
        referenceHourOfDay: 18,
        referenceMinuteOfHour: 0,
        items: [
          {
            frequencyType: 'yearly',
            frequencyInterval: 1,
            retentionUnit: 'years',
            retentionValue: 500,
          },
        ],
      },
      NOW,
    )
    expect(estimate.capped).toBe(true)
    expect(estimateSentence(estimate, estimate)).toMatch(
      /beyond 100 years are counted as 100 years/,
    )
  })
})

describe('estimate words', () => {
  it('compares the edited policy with the saved one', () => {
    const saved = { total: 27, perItem: [], capped: false }
    expect(estimateSentence({ ...saved, total: 40 }, saved)).toBe(
      'About 40 snapshots kept once the policy has run for its longest retention (the saved policy keeps about 27).',
    )
    expect(estimateSentence(saved, saved)).toBe(
      'About 27 snapshots kept once the policy has run for its longest retention, as with the saved policy.',
    )
  })

  it('writes counts as "about N" and unknowns as a dash', () => {
    expect(aboutCount(1234)).toBe('about 1,234')
    expect(aboutCount(null)).toBe('—')
  })
})
