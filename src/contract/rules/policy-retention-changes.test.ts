import { describe, expect, it } from 'vitest'
import type { PolicyItemInput } from './policy-items'
import { retentionChanges } from './policy-retention-changes'
import type { ExistingSnapshotInput } from './policy-retention-changes'

const now = new Date('2026-03-10T12:00:00Z')
const dailyId = 'aaaaaaaaaaaaaaaaaaaaaaaa'
const weeklyId = 'bbbbbbbbbbbbbbbbbbbbbbbb'
const daily = (retentionValue: number): PolicyItemInput => ({
  id: dailyId,
  frequencyType: 'daily',
  frequencyInterval: 1,
  retentionUnit: 'days',
  retentionValue,
})
const weekly: PolicyItemInput = {
  id: weeklyId,
  frequencyType: 'weekly',
  frequencyInterval: 6,
  retentionUnit: 'weeks',
  retentionValue: 4,
}
const snapshot = (
  id: string,
  createdAt: string,
  fields: Partial<ExistingSnapshotInput> = {},
): ExistingSnapshotInput => {
  const created = new Date(createdAt)
  return {
    id,
    createdAt: created,
    expiresAt: new Date(created.getTime() + 7 * 86_400_000),
    snapshotType: 'scheduled',
    frequencyType: 'daily',
    policyItemIds: [dailyId],
    ...fields,
  }
}

describe('P7 retentionChanges', () => {
  const snapshots = [
    snapshot('d1', '2026-03-09T18:00:00Z'),
    snapshot('d2', '2026-03-06T18:00:00Z'),
    snapshot('d3', '2026-03-04T18:00:00Z'),
  ]

  it('changes nothing without updateSnapshots', () => {
    expect(
      retentionChanges({
        snapshots,
        oldItems: [daily(7)],
        newItems: [daily(3)],
        updateSnapshots: false,
        now,
      }),
    ).toEqual({ updated: [], removed: [] })
  })

  it('shortens from creation and removes those already past the new expiry', () => {
    const changes = retentionChanges({
      snapshots,
      oldItems: [daily(7), weekly],
      newItems: [daily(5), weekly],
      updateSnapshots: true,
      now,
    })
    expect(changes.updated).toEqual([
      {
        id: 'd1',
        expiresAt: new Date('2026-03-16T18:00:00Z'),
        newExpiresAt: new Date('2026-03-14T18:00:00Z'),
      },
      {
        id: 'd2',
        expiresAt: new Date('2026-03-13T18:00:00Z'),
        newExpiresAt: new Date('2026-03-11T18:00:00Z'),
      },
    ])
    // d3 would expire on 03-09 18:00, before now.
    expect(changes.removed.map((c) => c.id)).toEqual(['d3'])
  })

  it('extends retention', () => {
    const changes = retentionChanges({
      snapshots: [snapshots[0] as ExistingSnapshotInput],
      oldItems: [daily(7)],
      newItems: [daily(14)],
      updateSnapshots: true,
      now,
    })
    expect(changes.updated[0]?.newExpiresAt).toEqual(
      new Date('2026-03-23T18:00:00Z'),
    )
  })

  it('leaves on-demand, individually changed and other items\u2019 snapshots alone', () => {
    const changes = retentionChanges({
      snapshots: [
        snapshot('od', '2026-03-09T10:00:00Z', {
          snapshotType: 'onDemand',
          frequencyType: undefined,
          policyItemIds: [],
        }),
        snapshot('own', '2026-03-09T18:00:00Z', { retentionOverridden: true }),
        snapshot('w', '2026-03-07T18:00:00Z', {
          frequencyType: 'weekly',
          policyItemIds: [weeklyId],
        }),
      ],
      oldItems: [daily(7), weekly],
      newItems: [daily(2), weekly],
      updateSnapshots: true,
      now,
    })
    expect(changes).toEqual({ updated: [], removed: [] })
  })

  it('leaves snapshots of a deleted item until they expire', () => {
    expect(
      retentionChanges({
        snapshots,
        oldItems: [daily(7)],
        newItems: [],
        updateSnapshots: true,
        now,
      }),
    ).toEqual({ updated: [], removed: [] })
  })

  it('matches by frequency when snapshots carry no item ids', () => {
    const noIds = snapshots.map((s) => ({ ...s, policyItemIds: undefined }))
    const withoutIds = { ...daily(7), id: undefined }
    const changes = retentionChanges({
      snapshots: noIds,
      oldItems: [withoutIds],
      newItems: [{ ...withoutIds, retentionValue: 5 }],
      updateSnapshots: true,
      now,
    })
    expect(changes.updated.map((c) => c.id)).toEqual(['d1', 'd2'])
    expect(changes.removed.map((c) => c.id)).toEqual(['d3'])
  })
})
