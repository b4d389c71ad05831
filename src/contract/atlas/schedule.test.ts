import { describe, expect, it } from 'vitest'
import {
  backupScheduleSchema,
  backupScheduleUpdateSchema,
  copyPolicyItemSchema,
  copySettingSchema,
  policyItemSchema,
} from './schedule'

const without = (obj: object, key: string) =>
  Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key))

const zoneId = '6512a1b2c3d4e5f6a7b8c9d2'

// The default policy (P8): 18:00 UTC, hourly/6h 2 days, daily 7 days, weekly
// on Saturday 4 weeks, monthly on the last day 12 months.
const schedule = {
  clusterId: '6512a1b2c3d4e5f6a7b8c9d0',
  clusterName: 'orders-prod',
  referenceHourOfDay: 18,
  referenceMinuteOfHour: 0,
  restoreWindowDays: 2,
  nextSnapshot: '2025-06-01T18:00:00Z',
  autoExportEnabled: false,
  useOrgAndGroupNamesInExportPrefix: false,
  copyPolicyItemsEnabled: true,
  policies: [
    {
      id: '66b0c1d2e3f4a5b6c7d8e9f0',
      policyItems: [
        {
          id: '66b0c1d2e3f4a5b6c7d8e9f1',
          frequencyType: 'hourly',
          frequencyInterval: 6,
          retentionUnit: 'days',
          retentionValue: 2,
        },
        {
          id: '66b0c1d2e3f4a5b6c7d8e9f2',
          frequencyType: 'daily',
          frequencyInterval: 1,
          retentionUnit: 'days',
          retentionValue: 7,
        },
        {
          id: '66b0c1d2e3f4a5b6c7d8e9f3',
          frequencyType: 'weekly',
          frequencyInterval: 6,
          retentionUnit: 'weeks',
          retentionValue: 4,
        },
        {
          id: '66b0c1d2e3f4a5b6c7d8e9f4',
          frequencyType: 'monthly',
          frequencyInterval: 40,
          retentionUnit: 'months',
          retentionValue: 12,
        },
      ],
    },
  ],
  copySettings: [
    {
      zoneId,
      cloudProvider: 'AWS',
      regionName: 'EU_CENTRAL_1',
      shouldCopyOplogs: true,
      copyPolicyItems: [
        { frequencyType: 'ondemand' },
        { frequencyType: 'daily', retentionUnit: 'days', retentionValue: 7 },
      ],
    },
  ],
  extraRetentionSettings: [{ frequencyType: 'DAILY', retentionDays: 30 }],
  export: {
    exportBucketId: '66b0c1d2e3f4a5b6c7d8e9aa',
    frequencyType: 'monthly',
  },
  links: [],
}

const item = schedule.policies[0]!.policyItems[0]!

describe('policyItemSchema', () => {
  const accepts = (patch: Record<string, unknown>) =>
    policyItemSchema.safeParse({ ...item, ...patch }).success

  it('parses an hourly item', () => {
    expect(policyItemSchema.parse(item)).toEqual(item)
  })

  it('takes frequencyInterval only from the spec enum (1-28, 40)', () => {
    expect(accepts({ frequencyInterval: 1 })).toBe(true)
    expect(accepts({ frequencyInterval: 28 })).toBe(true)
    expect(accepts({ frequencyInterval: 40 })).toBe(true)
    expect(accepts({ frequencyInterval: 0 })).toBe(false)
    expect(accepts({ frequencyInterval: 29 })).toBe(false)
    expect(accepts({ frequencyInterval: 41 })).toBe(false)
  })

  it('uses lowercase units and types', () => {
    expect(accepts({ retentionUnit: 'DAYS' })).toBe(false)
    expect(accepts({ frequencyType: 'HOURLY' })).toBe(false)
    expect(accepts({ frequencyType: 'ondemand' })).toBe(true)
  })

  it('requires everything but id', () => {
    const withoutId: Record<string, unknown> = { ...item }
    delete withoutId.id
    expect(policyItemSchema.safeParse(withoutId).success).toBe(true)
    for (const key of [
      'frequencyType',
      'frequencyInterval',
      'retentionUnit',
      'retentionValue',
    ]) {
      const partial = without(item, key)
      expect(policyItemSchema.safeParse(partial).success).toBe(false)
    }
  })
})

describe('copyPolicyItemSchema', () => {
  it('lets on-demand copies omit retention', () => {
    expect(
      copyPolicyItemSchema.safeParse({ frequencyType: 'ondemand' }).success,
    ).toBe(true)
  })

  it('makes time-based copies carry a retention', () => {
    expect(
      copyPolicyItemSchema.safeParse({ frequencyType: 'daily' }).success,
    ).toBe(false)
    expect(
      copyPolicyItemSchema.safeParse({
        frequencyType: 'yearly',
        retentionUnit: 'years',
        retentionValue: 1,
      }).success,
    ).toBe(true)
  })

  it('refuses an unknown frequency type', () => {
    expect(
      copyPolicyItemSchema.safeParse({
        frequencyType: 'ON_DEMAND',
      }).success,
    ).toBe(false)
  })
})

describe('copySettingSchema', () => {
  const setting = schedule.copySettings[0]!
  const accepts = (patch: Record<string, unknown>) =>
    copySettingSchema.safeParse({ ...setting, ...patch }).success

  it('requires zoneId', () => {
    const partial: Record<string, unknown> = { ...setting }
    delete partial.zoneId
    expect(copySettingSchema.safeParse(partial).success).toBe(false)
  })

  it('holds at most 6 copy policy items and 6 frequencies', () => {
    const daily = {
      frequencyType: 'daily',
      retentionUnit: 'days',
      retentionValue: 7,
    }
    expect(accepts({ copyPolicyItems: Array(6).fill(daily) })).toBe(true)
    expect(accepts({ copyPolicyItems: Array(7).fill(daily) })).toBe(false)
    expect(accepts({ frequencies: Array(6).fill('DAILY') })).toBe(true)
    expect(accepts({ frequencies: Array(7).fill('DAILY') })).toBe(false)
  })

  it('uses UPPERCASE for the deprecated frequencies', () => {
    expect(accepts({ frequencies: ['ON_DEMAND', 'HOURLY'] })).toBe(true)
    expect(accepts({ frequencies: ['hourly'] })).toBe(false)
  })

  it('bounds lastNumberOfSnapshots to 1..500', () => {
    expect(accepts({ lastNumberOfSnapshots: 1 })).toBe(true)
    expect(accepts({ lastNumberOfSnapshots: 500 })).toBe(true)
    expect(accepts({ lastNumberOfSnapshots: 0 })).toBe(false)
    expect(accepts({ lastNumberOfSnapshots: 501 })).toBe(false)
  })
})

describe('backupScheduleSchema', () => {
  it('parses the default policy', () => {
    expect(backupScheduleSchema.parse(schedule)).toEqual(schedule)
  })

  it('keeps unknown fields at every level', () => {
    const parsed = backupScheduleSchema.parse({
      ...schedule,
      extra: 1,
      policies: [
        {
          ...schedule.policies[0],
          policyItems: [{ ...item, note: 'x' }],
        },
      ],
    })
    expect(parsed).toHaveProperty('extra', 1)
    expect(parsed.policies[0]?.policyItems[0]).toHaveProperty('note', 'x')
  })

  it('requires policies and allows at most one', () => {
    const partial: Record<string, unknown> = { ...schedule }
    delete partial.policies
    expect(backupScheduleSchema.safeParse(partial).success).toBe(false)
    expect(
      backupScheduleSchema.safeParse({
        ...schedule,
        policies: [schedule.policies[0], schedule.policies[0]],
      }).success,
    ).toBe(false)
  })

  it('reads back values the update would refuse', () => {
    // Responses stay readable; the prose bounds are enforced on input only.
    expect(
      backupScheduleSchema.safeParse({ ...schedule, restoreWindowDays: 0 })
        .success,
    ).toBe(true)
  })

  it('checks the export and extra retention enums', () => {
    expect(
      backupScheduleSchema.safeParse({
        ...schedule,
        export: { frequencyType: 'daily' },
      }).success,
    ).toBe(false)
    expect(
      backupScheduleSchema.safeParse({
        ...schedule,
        extraRetentionSettings: [{ frequencyType: 'daily', retentionDays: 3 }],
      }).success,
    ).toBe(false)
  })
})

describe('backupScheduleUpdateSchema', () => {
  const accepts = (patch: Record<string, unknown>) =>
    backupScheduleUpdateSchema.safeParse({ ...schedule, ...patch }).success

  it('accepts the GET body sent back whole, readOnly fields included', () => {
    expect(backupScheduleUpdateSchema.safeParse(schedule).success).toBe(true)
  })

  it('accepts the write-only flags', () => {
    expect(
      accepts({
        updateSnapshots: true,
        deleteSnapshots: false,
        updateCopySnapshots: true,
        deleteCopySnapshots: true,
        deleteCopiedBackups: [
          { cloudProvider: 'GCP', regionName: 'EUROPE_WEST_3', zoneId },
        ],
      }),
    ).toBe(true)
    expect(accepts({ updateSnapshots: 'yes' })).toBe(false)
  })

  it('requires policies', () => {
    expect(
      backupScheduleUpdateSchema.safeParse({ referenceHourOfDay: 3 }).success,
    ).toBe(false)
  })

  it('bounds referenceHourOfDay to 0..23 (P6)', () => {
    expect(accepts({ referenceHourOfDay: 0 })).toBe(true)
    expect(accepts({ referenceHourOfDay: 23 })).toBe(true)
    expect(accepts({ referenceHourOfDay: -1 })).toBe(false)
    expect(accepts({ referenceHourOfDay: 24 })).toBe(false)
  })

  it('bounds referenceMinuteOfHour to 0..59 (P6)', () => {
    expect(accepts({ referenceMinuteOfHour: 0 })).toBe(true)
    expect(accepts({ referenceMinuteOfHour: 59 })).toBe(true)
    expect(accepts({ referenceMinuteOfHour: -1 })).toBe(false)
    expect(accepts({ referenceMinuteOfHour: 60 })).toBe(false)
  })

  it('wants a positive integer restoreWindowDays (P5)', () => {
    expect(accepts({ restoreWindowDays: 1 })).toBe(true)
    expect(accepts({ restoreWindowDays: 0 })).toBe(false)
    expect(accepts({ restoreWindowDays: 1.5 })).toBe(false)
  })

  it('refuses a bad zoneId in deleteCopiedBackups', () => {
    expect(accepts({ deleteCopiedBackups: [{ zoneId: 'zone-1' }] })).toBe(false)
  })
})
