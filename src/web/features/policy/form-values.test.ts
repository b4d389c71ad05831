import { describe, expect, it } from 'vitest'

import type { BackupSchedule } from '../../../contract/atlas/schedule'
import {
  defaultFormValues,
  formShape,
  toFormValues,
  toUpdateBody,
} from './form-values'

// The form starts from Atlas's schedule and goes back whole (P1); a reset to the default (P8)
// keeps the ids of the saved items it replaces.

const schedule: BackupSchedule = {
  clusterId: '65f00000000000000000c1c1',
  clusterName: 'payments-rs',
  nextSnapshot: '2026-03-04T18:00:00Z',
  links: [],
  referenceHourOfDay: 3,
  referenceMinuteOfHour: 15,
  restoreWindowDays: 7,
  autoExportEnabled: false,
  policies: [
    {
      id: '65f0000000000000000000f0',
      policyItems: [
        {
          id: '65f0000000000000000000a1',
          frequencyType: 'hourly',
          frequencyInterval: 4,
          retentionUnit: 'days',
          retentionValue: 7,
        },
        {
          id: '65f0000000000000000000a2',
          frequencyType: 'daily',
          frequencyInterval: 1,
          retentionUnit: 'days',
          retentionValue: 7,
        },
      ],
    },
  ],
}

describe('form values', () => {
  it('round-trips the schedule, sending it back without the read-only fields', () => {
    const values = toFormValues(schedule)
    expect(values.policies[0].policyItems[0]).toEqual({
      itemId: '65f0000000000000000000a1',
      frequencyType: 'hourly',
      frequencyInterval: 4,
      retentionUnit: 'days',
      retentionValue: 7,
    })
    const body = toUpdateBody(
      { ...values, referenceHourOfDay: 5, updateSnapshots: true },
      schedule,
      true,
    )
    expect(body).toEqual({
      referenceHourOfDay: 5,
      referenceMinuteOfHour: 15,
      restoreWindowDays: 7,
      autoExportEnabled: false,
      policies: [
        {
          id: '65f0000000000000000000f0',
          policyItems: schedule.policies[0]?.policyItems,
        },
      ],
      updateSnapshots: true,
      // Copies always go back in the current form (issue 9).
      copyPolicyItemsEnabled: true,
      copySettings: [],
      useOrgAndGroupNamesInExportPrefix: false,
    })
  })

  it('starts with the copy flags off and sends each only when ticked', () => {
    const values = toFormValues(schedule)
    expect([values.updateCopySnapshots, values.deleteCopySnapshots]).toEqual([
      false,
      false,
    ])
    const plain = toUpdateBody(values, schedule, true)
    expect(plain).not.toHaveProperty('updateCopySnapshots')
    expect(plain).not.toHaveProperty('deleteCopySnapshots')
    const update = toUpdateBody(
      { ...values, updateCopySnapshots: true },
      schedule,
      true,
    )
    expect(update.updateCopySnapshots).toBe(true)
    expect(update).not.toHaveProperty('deleteCopySnapshots')
    // deleteCopySnapshots needs copyPolicyItemsEnabled true, which every save sends.
    const both = toUpdateBody(
      { ...values, updateCopySnapshots: true, deleteCopySnapshots: true },
      schedule,
      true,
    )
    expect(both).toMatchObject({
      copyPolicyItemsEnabled: true,
      updateCopySnapshots: true,
      deleteCopySnapshots: true,
    })
  })

  it('sends the restore window back as it was without continuous backup', () => {
    const values = { ...toFormValues(schedule), restoreWindowDays: 99 }
    expect(toUpdateBody(values, schedule, false).restoreWindowDays).toBe(7)
  })

  it('resets to the default policy, keeping the ids of the saved items it edits', () => {
    const current = {
      ...toFormValues(schedule),
      updateSnapshots: true,
      updateCopySnapshots: true,
      deleteCopySnapshots: true,
    }
    const reset = defaultFormValues(schedule, { nvme: true }, current)
    expect([reset.updateCopySnapshots, reset.deleteCopySnapshots]).toEqual([
      true,
      true,
    ])
    expect(reset.referenceHourOfDay).toBe(18)
    expect(reset.referenceMinuteOfHour).toBe(0)
    expect(reset.restoreWindowDays).toBe(2)
    expect(reset.updateSnapshots).toBe(true)
    expect(
      formShape(reset).items.map((i) => [
        i.frequencyType,
        i.frequencyInterval,
        i.id,
      ]),
    ).toEqual([
      ['hourly', 12, '65f0000000000000000000a1'],
      ['daily', 1, '65f0000000000000000000a2'],
      ['weekly', 6, undefined],
      ['monthly', 40, undefined],
    ])
  })
})
