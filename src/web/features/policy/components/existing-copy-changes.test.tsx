// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { BackupScheduleUpdate } from '../../../../contract/atlas/schedule'
import type { CopiedSnapshot } from '../copied-snapshots'
import {
  ZONE,
  copySchedule,
  field,
  polyfillDialog,
  retype,
  saveButton,
  setupCopyForm,
} from './copy-form-test-kit'

// The copies already made in a copy region that stays (issue 9): "Apply copy retention changes
// to existing copies" is offered only when a kept region's copy retention changed, "Delete
// copies of kinds no longer copied" only when it loses a kind; ticked, the consequence is shown
// first by the sandbox's rule (copyRetentionChanges), and the flag is sent only while offered.

beforeAll(polyfillDialog)
afterEach(cleanup)

const ROW = 'Zone 1 copy region 1'
const KEEP_DAILY = `${ROW}: keep daily copies for`
const UPDATE = 'Apply copy retention changes to existing copies'
const DELETE = 'Delete copies of kinds no longer copied'

const copy = (
  n: number,
  createdAt: string,
  frequencyType: CopiedSnapshot['frequencyType'],
): CopiedSnapshot => ({
  id: `6b03d660c395881c367d55e${String(n)}`,
  createdAt,
  expiresAt: '2026-04-01T18:00:00Z',
  copyRegions: ['US_WEST_2'],
  frequencyType,
})

// Atlas's clock in the kit: 2026-03-10T00:00Z. Daily copies kept 7 days in US_WEST_2.
const copied = [
  copy(1, '2026-03-01T18:00:00Z', 'daily'),
  copy(2, '2026-03-02T18:00:00Z', 'daily'),
  copy(3, '2026-03-05T18:00:00Z', 'daily'),
  copy(4, '2026-03-08T18:00:00Z', 'daily'),
  copy(5, '2026-03-07T18:00:00Z', 'weekly'),
]

const withWeekly = copySchedule([
  {
    zoneId: ZONE,
    cloudProvider: 'AWS',
    regionName: 'US_WEST_2',
    shouldCopyOplogs: false,
    copyPolicyItems: [
      { frequencyType: 'daily', retentionUnit: 'days', retentionValue: 7 },
      { frequencyType: 'weekly', retentionUnit: 'weeks', retentionValue: 4 },
    ],
  },
])

const checkbox = (name: string) => screen.queryByRole('checkbox', { name })
const consequence = () =>
  screen.getByText(/of kinds no longer copied would be|get(s)? a new expiry/)

async function savedBody(
  user: ReturnType<typeof setupCopyForm>['user'],
  save: ReturnType<typeof setupCopyForm>['save'],
): Promise<BackupScheduleUpdate> {
  await waitFor(() => expect(saveButton()).toHaveProperty('disabled', false))
  await user.click(saveButton())
  await waitFor(() => expect(save).toHaveBeenCalledTimes(1))
  return save.mock.calls[0]![0].body
}

describe('Consequences: existing copies in a copy region that stays', () => {
  it('offers neither option until a kept region changes', () => {
    setupCopyForm({ copied })
    expect(checkbox(UPDATE)).toBeNull()
    expect(checkbox(DELETE)).toBeNull()
  })

  it('a shorter copy retention offers the update; ticked, it counts the copies first and is sent', async () => {
    const { user, save } = setupCopyForm({ copied })
    await retype(user, KEEP_DAILY, '3')
    await waitFor(() => expect(checkbox(UPDATE)).toBeTruthy())
    expect(checkbox(DELETE)).toBeNull()
    expect(screen.queryByText(/get(s)? a new expiry/)).toBeNull()

    await user.click(checkbox(UPDATE)!)
    // New expiries 03-04, 03-05, 03-08 (passed) and 03-11; the weekly copy is not daily's.
    expect(consequence().textContent).toBe(
      '1 copy gets a new expiry; 3 copies would be removed when you save (the new expiry has passed).',
    )
    expect(
      within(
        screen.getByRole('list', {
          name: 'Existing copies that change, by region',
        }),
      ).getByRole('listitem').textContent,
    ).toBe('US_WEST_2 (Oregon): 1 new expiry, 3 removed, 0 deleted')
    expect(
      screen.getByText(/^An estimate: Atlas lists the regions/),
    ).toBeTruthy()

    const body = await savedBody(user, save)
    expect(body.updateCopySnapshots).toBe(true)
    expect(body).not.toHaveProperty('deleteCopySnapshots')
    expect(body.copySettings?.[0]?.copyPolicyItems).toEqual([
      { frequencyType: 'daily', retentionUnit: 'days', retentionValue: 3 },
    ])
  })

  it('a kind no longer copied offers the deletion; ticked, it counts the copies of that kind and is sent', async () => {
    const { user, save } = setupCopyForm({ copied, schedule: withWeekly })
    await user.click(field(`${ROW}: copy weekly snapshots`))
    await waitFor(() => expect(checkbox(DELETE)).toBeTruthy())
    expect(checkbox(UPDATE)).toBeNull()

    await user.click(checkbox(DELETE)!)
    expect(consequence().textContent).toBe(
      '1 copy of kinds no longer copied would be deleted when you save.',
    )
    const body = await savedBody(user, save)
    expect(body.deleteCopySnapshots).toBe(true)
    expect(body.copyPolicyItemsEnabled).toBe(true)
    expect(body).not.toHaveProperty('updateCopySnapshots')
  })

  it('removing the region offers neither: its copies are the removal dialog’s business', async () => {
    const { user } = setupCopyForm({ copied })
    await user.click(screen.getByRole('button', { name: `Remove ${ROW}` }))
    await user.click(
      screen.getByRole('button', { name: 'Remove, delete the copies' }),
    )
    expect(checkbox(UPDATE)).toBeNull()
    expect(checkbox(DELETE)).toBeNull()
  })

  it('a ticked option whose change was undone is not sent and leaves nothing to save', async () => {
    const { user, save } = setupCopyForm({ copied })
    await retype(user, KEEP_DAILY, '3')
    await waitFor(() => expect(checkbox(UPDATE)).toBeTruthy())
    await user.click(checkbox(UPDATE)!)
    await retype(user, KEEP_DAILY, '7')
    await waitFor(() => expect(checkbox(UPDATE)).toBeNull())
    expect(saveButton()).toHaveProperty('disabled', true)

    await retype(user, 'Hour (UTC)', '6')
    const body = await savedBody(user, save)
    expect(body.referenceHourOfDay).toBe(6)
    expect(body).not.toHaveProperty('updateCopySnapshots')
  })

  it('a sharded cluster: the copies cannot be counted, and it says so', async () => {
    const { user } = setupCopyForm({ facts: { sharded: true } })
    await retype(user, KEEP_DAILY, '14')
    await waitFor(() => expect(checkbox(UPDATE)).toBeTruthy())
    await user.click(checkbox(UPDATE)!)
    expect(
      screen.getByText(
        /^Atlas does not list which snapshots of a sharded cluster were copied/,
      ),
    ).toBeTruthy()
  })
})
