import { describe, expect, it } from 'vitest'
import type { RetentionUnit } from '../atlas/common'
import type { PolicyItemInput } from './policy-items'
import { validatePolicyRetention } from './policy-retention'

const itemsPath = 'policies.0.policyItems'
const item = (
  frequencyType: PolicyItemInput['frequencyType'],
  retentionValue: number,
  retentionUnit: RetentionUnit,
  frequencyInterval = 1,
): PolicyItemInput => ({
  frequencyType,
  frequencyInterval,
  retentionUnit,
  retentionValue,
})
const reasons = (items: PolicyItemInput[]) =>
  validatePolicyRetention(items, itemsPath).map((r) => [r.field, r.reason])

describe('P4 retention never shrinks as frequency falls', () => {
  it('accepts the default policy plus a yearly item kept 1 year', () => {
    expect(
      reasons([
        item('hourly', 2, 'days', 6),
        item('daily', 7, 'days'),
        item('weekly', 4, 'weeks', 6),
        item('monthly', 12, 'months', 40),
        item('yearly', 1, 'years', 12),
      ]),
    ).toEqual([])
  })

  it('refuses a weekly retention below the daily one, on the weekly item', () => {
    expect(
      reasons([item('daily', 14, 'days'), item('weekly', 1, 'weeks', 6)]),
    ).toEqual([
      [
        'policies.0.policyItems.1.retentionValue',
        'The weekly retention must be at least the daily retention (14 days)',
      ],
    ])
  })

  it('accepts equal retentions across units', () => {
    expect(
      reasons([item('daily', 7, 'days'), item('weekly', 1, 'weeks', 6)]),
    ).toEqual([])
    expect(
      reasons([item('daily', 31, 'days'), item('monthly', 1, 'months')]),
    ).toEqual([])
  })

  it('compares against the longest more frequent retention, skipping levels', () => {
    expect(
      reasons([
        item('hourly', 3, 'weeks', 6),
        item('daily', 1, 'months'),
        item('weekly', 4, 'weeks', 6),
      ]),
    ).toEqual([
      [
        'policies.0.policyItems.2.retentionValue',
        'The weekly retention must be at least the daily retention (1 month)',
      ],
    ])
  })

  it('refuses a yearly retention below 12 months of monthly retention', () => {
    expect(
      reasons([item('monthly', 13, 'months', 40), item('yearly', 1, 'years')]),
    ).toEqual([
      [
        'policies.0.policyItems.1.retentionValue',
        'The yearly retention must be at least the monthly retention (13 months)',
      ],
    ])
  })

  it('does not order items of the same frequency', () => {
    expect(
      reasons([item('weekly', 8, 'weeks', 6), item('weekly', 2, 'weeks', 1)]),
    ).toEqual([])
  })
})

describe('P4 minimum retention per type', () => {
  it.each([
    [
      'weekly',
      6,
      'days',
      'The weekly retention must be at least 7 days (1 week)',
    ],
    ['weekly', 7, 'days', undefined],
    [
      'monthly',
      4,
      'weeks',
      'The monthly retention must be at least 1 month (31 days or 5 weeks)',
    ],
    [
      'monthly',
      30,
      'days',
      'The monthly retention must be at least 1 month (31 days or 5 weeks)',
    ],
    ['monthly', 31, 'days', undefined],
    ['monthly', 5, 'weeks', undefined],
    ['monthly', 1, 'months', undefined],
    [
      'yearly',
      11,
      'months',
      'The yearly retention must be at least 1 year (12 months)',
    ],
    [
      'yearly',
      365,
      'days',
      'The yearly retention must be at least 1 year (12 months)',
    ],
    ['yearly', 12, 'months', undefined],
  ] as const)('%s kept %d %s: %s', (type, value, unit, reason) => {
    const refusals = validatePolicyRetention(
      [item(type, value, unit)],
      itemsPath,
    )
    expect(refusals[0]?.reason).toBe(reason)
  })

  it('names the larger bound when both are broken', () => {
    // Daily 10 days beats the weekly minimum of 7 days: fixing to 10 days satisfies both.
    expect(
      reasons([item('daily', 10, 'days'), item('weekly', 5, 'days', 6)]),
    ).toEqual([
      [
        'policies.0.policyItems.1.retentionValue',
        'The weekly retention must be at least the daily retention (10 days)',
      ],
    ])
    // Daily 3 days is below the weekly minimum: the minimum is named.
    expect(
      reasons([item('daily', 3, 'days'), item('weekly', 2, 'days', 6)]),
    ).toEqual([
      [
        'policies.0.policyItems.1.retentionValue',
        'The weekly retention must be at least 7 days (1 week)',
      ],
    ])
  })

  it('skips items that P1 already refuses', () => {
    expect(
      reasons([item('daily', 10, 'days'), item('weekly', 0, 'weeks', 6)]),
    ).toEqual([])
  })
})
