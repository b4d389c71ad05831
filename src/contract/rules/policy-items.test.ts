import { describe, expect, it } from 'vitest'
import { validatePolicyItem, validatePolicyItemCounts } from './policy-items'
import type { PolicyItemInput } from './policy-items'

const path = 'policies.0.policyItems.1'
const item = (
  frequencyType: PolicyItemInput['frequencyType'],
  frequencyInterval: number,
  fields: Partial<PolicyItemInput> = {},
): PolicyItemInput => ({
  frequencyType,
  frequencyInterval,
  retentionUnit: 'days',
  retentionValue: 7,
  ...fields,
})
const plain = { nvme: false }
const nvme = { nvme: true }
const accepted = (i: PolicyItemInput, options = plain) =>
  validatePolicyItem(i, path, options).length === 0

describe('P2 validatePolicyItem intervals', () => {
  it.each([
    ['hourly', 6, plain, true],
    ['hourly', 3, plain, false],
    ['hourly', 6, nvme, false],
    ['hourly', 12, nvme, true],
    ['daily', 1, plain, true],
    ['daily', 2, plain, false],
    ['weekly', 0, plain, false],
    ['weekly', 1, plain, true],
    ['weekly', 7, plain, true],
    ['weekly', 8, plain, false],
    ['monthly', 1, plain, true],
    ['monthly', 28, plain, true],
    ['monthly', 29, plain, false],
    ['monthly', 40, plain, true],
    ['yearly', 0, plain, false],
    ['yearly', 12, plain, true],
    ['yearly', 13, plain, false],
  ] as const)(
    '%s every %d (nvme: %o) accepted: %s',
    (type, interval, options, ok) => {
      const retention =
        type === 'yearly'
          ? { retentionUnit: 'years' as const, retentionValue: 1 }
          : {}
      expect(accepted(item(type, interval, retention), options)).toBe(ok)
    },
  )

  it('explains the NVMe hourly rule on the interval field', () => {
    expect(validatePolicyItem(item('hourly', 6), path, nvme)).toEqual([
      {
        ok: false,
        reason:
          'NVMe clusters take hourly snapshots only every 12 hours: frequencyInterval must be 12',
        field: 'policies.0.policyItems.1.frequencyInterval',
        errorCode: 'VALIDATION_ERROR',
      },
    ])
  })

  it('names the valid values', () => {
    const [hourly] = validatePolicyItem(item('hourly', 3), path, plain)
    expect(hourly?.reason).toBe(
      'frequencyInterval of an hourly item must be 1, 2, 4, 6, 8 or 12',
    )
    const [monthly] = validatePolicyItem(item('monthly', 29), path, plain)
    expect(monthly?.reason).toBe(
      'frequencyInterval of a monthly item must be the day of the month, 1 to 28, or 40 for the last day',
    )
  })
})

describe('P1 validatePolicyItem fields', () => {
  it('refuses ondemand as a schedule item', () => {
    expect(validatePolicyItem(item('ondemand', 1), path, plain)[0]?.field).toBe(
      'policies.0.policyItems.1.frequencyType',
    )
  })

  it.each([0, -1, 1.5, Number.NaN, 2147483648])(
    'refuses retentionValue %d',
    (retentionValue) => {
      const refusals = validatePolicyItem(
        item('daily', 1, { retentionValue }),
        path,
        plain,
      )
      expect(refusals.map((r) => [r.field, r.reason])).toEqual([
        [
          'policies.0.policyItems.1.retentionValue',
          'retentionValue must be an integer of at least 1',
        ],
      ])
    },
  )

  it('refuses an unknown retention unit', () => {
    const bad = item('daily', 1, { retentionUnit: 'DAYS' as never })
    expect(validatePolicyItem(bad, path, plain)[0]?.field).toBe(
      'policies.0.policyItems.1.retentionUnit',
    )
  })
})

describe('P3 validatePolicyItemCounts', () => {
  const itemsPath = 'policies.0.policyItems'

  it('accepts one of each and several weekly items', () => {
    const items = [
      item('hourly', 6),
      item('daily', 1),
      item('weekly', 6),
      item('weekly', 3),
    ]
    expect(validatePolicyItemCounts(items, itemsPath)).toEqual([])
  })

  it('refuses a second hourly item on that item', () => {
    const items = [item('hourly', 6), item('daily', 1), item('hourly', 12)]
    expect(validatePolicyItemCounts(items, itemsPath)).toEqual([
      {
        ok: false,
        reason:
          'A policy may have only one hourly item; remove this one or the one above',
        field: 'policies.0.policyItems.2.frequencyType',
        errorCode: 'VALIDATION_ERROR',
      },
    ])
  })

  it('refuses a second daily item', () => {
    const items = [item('daily', 1), item('daily', 1)]
    expect(
      validatePolicyItemCounts(items, itemsPath).map((r) => r.field),
    ).toEqual(['policies.0.policyItems.1.frequencyType'])
  })
})
