// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { BackupScheduleUpdate } from '../../../../contract/atlas/schedule'
import {
  ZONE,
  copySchedule,
  errorOf,
  field,
  polyfillDialog,
  retype,
  saveButton,
  setupCopyForm,
} from './copy-form-test-kit'

// "Copies to other regions" in the policy editor (issue 9): each shared rule's refusal under
// the control it is about, and removing a saved copy region asks keep or delete, with the
// consequence first, and sends what was chosen.

beforeAll(polyfillDialog)
afterEach(cleanup)

const ROW = 'Zone 1 copy region 1'
const KEEP_DAILY = `${ROW}: keep daily copies for`
const LAST = `${ROW}: or copy only the last snapshots (how many, 1 to 500)`
const OPLOGS = 'Copy oplogs to US_WEST_2'

describe('CopyRegionsSection: the rules at the field', () => {
  it('a copy retention of 1 is fine, 0 is refused on that field only', async () => {
    const { user } = setupCopyForm()
    await retype(user, KEEP_DAILY, '1')
    await waitFor(() => expect(errorOf(field(KEEP_DAILY))).toBe(''))
    await retype(user, KEEP_DAILY, '0')
    await waitFor(() =>
      expect(errorOf(field(KEEP_DAILY))).toBe(
        'The retention must be a whole number of at least 1',
      ),
    )
    expect(errorOf(field(`${ROW} region`))).toBe('')
    expect(errorOf(field(LAST))).toBe('')
    expect(saveButton()).toHaveProperty('disabled', true)
  })

  it('lastNumberOfSnapshots: refused beside the kinds, 500 alone is fine, 501 is not', async () => {
    const { user } = setupCopyForm()
    await retype(user, LAST, '3')
    await waitFor(() =>
      expect(errorOf(field(LAST))).toMatch(
        /^The number of last snapshots excludes/,
      ),
    )
    expect(errorOf(field(KEEP_DAILY))).toBe('')
    await user.click(field(`${ROW}: copy daily snapshots`))
    await retype(user, LAST, '500')
    await waitFor(() => expect(errorOf(field(LAST))).toBe(''))
    await retype(user, LAST, '501')
    await waitFor(() => expect(errorOf(field(LAST))).not.toBe(''))
  })

  it('oplog copies without continuous backup are refused on the oplog box', async () => {
    const [setting] = copySchedule().copySettings ?? []
    setupCopyForm({
      facts: { pitEnabled: false },
      schedule: copySchedule([{ ...setting!, shouldCopyOplogs: true }]),
    })
    await waitFor(() =>
      expect(errorOf(field(OPLOGS))).toBe(
        'Copying oplogs needs continuous cloud backup, which is off for this cluster',
      ),
    )
    expect(errorOf(field(KEEP_DAILY))).toBe('')
  })

  it('a kind the policy no longer takes is refused on its box', async () => {
    const [setting] = copySchedule().copySettings ?? []
    setupCopyForm({
      schedule: copySchedule([
        {
          ...setting!,
          copyPolicyItems: [
            {
              frequencyType: 'yearly',
              retentionUnit: 'years',
              retentionValue: 1,
            },
          ],
        },
      ]),
    })
    const yearly = field(`${ROW}: copy yearly snapshots`)
    await waitFor(() =>
      expect(errorOf(yearly)).toMatch(/the policy takes no yearly snapshots/),
    )
    expect(errorOf(field(`${ROW}: copy daily snapshots`))).toBe('')
  })
})

describe('CopyRegionsSection: removing a copy region', () => {
  const copied = [
    {
      id: '6b03d660c395881c367d55e1',
      createdAt: '2026-03-01T18:00:00Z',
      expiresAt: '2026-03-08T18:00:00Z',
      copyRegions: ['US_WEST_2'],
    },
    {
      id: '6b03d660c395881c367d55e2',
      createdAt: '2026-03-02T18:00:00Z',
      expiresAt: '2026-03-09T18:00:00Z',
      copyRegions: ['US_WEST_2'],
    },
  ]

  async function askToRemove() {
    const form = setupCopyForm({ copied })
    await form.user.click(screen.getByRole('button', { name: `Remove ${ROW}` }))
    const dialog = screen.getByRole('dialog', {
      name: /^Stop copying snapshots to/,
    })
    return { ...form, dialog }
  }

  async function savedBody(
    user: Awaited<ReturnType<typeof askToRemove>>['user'],
    save: Awaited<ReturnType<typeof askToRemove>>['save'],
  ): Promise<BackupScheduleUpdate> {
    await waitFor(() => expect(saveButton()).toHaveProperty('disabled', false))
    await user.click(saveButton())
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1))
    return save.mock.calls[0]![0].body
  }

  it('says first how many snapshots have copies there, and offers keep, delete or cancel', async () => {
    const { dialog, user } = await askToRemove()
    expect(within(dialog).getByRole('status').textContent).toMatch(
      /^2 snapshots of payments-rs have copies in .*; the last copy expires at /,
    )
    for (const name of [
      'Remove, keep the copies',
      'Remove, delete the copies',
      'Cancel',
    ]) {
      expect(within(dialog).getByRole('button', { name })).toBeTruthy()
    }
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(field(KEEP_DAILY)).toBeTruthy()
  })

  it('keep: the row goes, the copies stay, and no deleteCopiedBackups is sent', async () => {
    const { dialog, user, save } = await askToRemove()
    await user.click(
      within(dialog).getByRole('button', { name: 'Remove, keep the copies' }),
    )
    expect(screen.queryByLabelText(KEEP_DAILY)).toBeNull()
    expect(
      screen.getByText(
        'Copies to US_WEST_2 (Zone 1) removed: the snapshots copied there stay until they expire',
      ),
    ).toBeTruthy()
    const body = await savedBody(user, save)
    expect(body.copySettings).toEqual([])
    expect(body.deleteCopiedBackups).toBeUndefined()
  })

  it('delete: the row goes and deleteCopiedBackups names the region', async () => {
    const { dialog, user, save } = await askToRemove()
    await user.click(
      within(dialog).getByRole('button', { name: 'Remove, delete the copies' }),
    )
    expect(
      screen.getByText(
        'Copies to US_WEST_2 (Zone 1) removed: the snapshots copied there are deleted',
      ),
    ).toBeTruthy()
    const body = await savedBody(user, save)
    expect(body.copySettings).toEqual([])
    expect(body.deleteCopiedBackups).toEqual([
      { zoneId: ZONE, cloudProvider: 'AWS', regionName: 'US_WEST_2' },
    ])
  })

  it('a copy region added and not saved goes without asking', async () => {
    const { user } = setupCopyForm({ copied })
    await user.click(
      screen.getByRole('button', { name: 'Add a copy region to Zone 1' }),
    )
    await user.click(
      screen.getByRole('button', { name: 'Remove Zone 1 copy region 2' }),
    )
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.queryByLabelText('Zone 1 copy region 2 region')).toBeNull()
  })
})
