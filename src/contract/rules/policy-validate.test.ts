import { describe, expect, it } from 'vitest'
import { defaultPolicy } from './policy-default'
import { checkPolicy, validatePolicy } from './policy-validate'
import type { PolicyScheduleInput } from './policy-validate'

const options = { nvme: false, pitEnabled: true }

describe('P8 defaultPolicy', () => {
  it('is 18:00 UTC with the documented four items', () => {
    expect(defaultPolicy({ nvme: false })).toEqual({
      referenceHourOfDay: 18,
      referenceMinuteOfHour: 0,
      restoreWindowDays: 2,
      policies: [
        {
          policyItems: [
            {
              frequencyType: 'hourly',
              frequencyInterval: 6,
              retentionUnit: 'days',
              retentionValue: 2,
            },
            {
              frequencyType: 'daily',
              frequencyInterval: 1,
              retentionUnit: 'days',
              retentionValue: 7,
            },
            {
              frequencyType: 'weekly',
              frequencyInterval: 6,
              retentionUnit: 'weeks',
              retentionValue: 4,
            },
            {
              frequencyType: 'monthly',
              frequencyInterval: 40,
              retentionUnit: 'months',
              retentionValue: 12,
            },
          ],
        },
      ],
    })
  })

  it('takes hourly snapshots every 12 hours on NVMe', () => {
    expect(
      defaultPolicy({ nvme: true }).policies[0].policyItems[0]
        ?.frequencyInterval,
    ).toBe(12)
  })

  it('passes its own validation, NVMe or not', () => {
    expect(validatePolicy(defaultPolicy({ nvme: false }), options)).toEqual([])
    expect(
      validatePolicy(defaultPolicy({ nvme: true }), { ...options, nvme: true }),
    ).toEqual([])
  })
})

describe('validatePolicy', () => {
  const withItems = (
    edit: (schedule: ReturnType<typeof defaultPolicy>) => void,
  ): PolicyScheduleInput => {
    const schedule = defaultPolicy({ nvme: false })
    edit(schedule)
    return schedule
  }

  it('refuses anything but exactly one policy', () => {
    const none = { policies: [] }
    expect(validatePolicy(none, options).map((r) => r.field)).toEqual([
      'policies',
    ])
    expect(checkPolicy(none, options)).toMatchObject({
      ok: false,
      field: 'policies',
    })
  })

  it('refuses an empty policy', () => {
    expect(
      validatePolicy({ policies: [{ policyItems: [] }] }, options)[0]?.field,
    ).toBe('policies.0.policyItems')
  })

  it('collects refusals across P1–P6 with request-body paths', () => {
    const schedule = withItems((s) => {
      s.referenceHourOfDay = 24
      s.restoreWindowDays = 3
      const items = s.policies[0].policyItems
      items.push({
        frequencyType: 'hourly',
        frequencyInterval: 12,
        retentionUnit: 'days',
        retentionValue: 2,
      })
      const weekly = items[2]
      if (weekly)
        Object.assign(weekly, { retentionUnit: 'days', retentionValue: 5 })
      const monthly = items[3]
      if (monthly) monthly.frequencyInterval = 29
    })
    expect(validatePolicy(schedule, options).map((r) => r.field)).toEqual([
      'policies.0.policyItems.3.frequencyInterval',
      'policies.0.policyItems.4.frequencyType',
      'policies.0.policyItems.2.retentionValue',
      'referenceHourOfDay',
      'restoreWindowDays',
    ])
    expect(checkPolicy(schedule, options)).toMatchObject({
      field: 'policies.0.policyItems.3.frequencyInterval',
    })
  })

  it('checks the restore window only with continuous backup', () => {
    const schedule = withItems((s) => {
      s.restoreWindowDays = 3
    })
    expect(validatePolicy(schedule, options).map((r) => r.field)).toEqual([
      'restoreWindowDays',
    ])
    expect(validatePolicy(schedule, { ...options, pitEnabled: false })).toEqual(
      [],
    )
  })

  it('refuses the non-NVMe default on an NVMe cluster', () => {
    expect(
      validatePolicy(defaultPolicy({ nvme: false }), {
        ...options,
        nvme: true,
      }).map((r) => r.field),
    ).toEqual(['policies.0.policyItems.0.frequencyInterval'])
  })
})
