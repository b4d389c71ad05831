// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import {
  cleanup,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RouterProvider, createMemoryRouter } from 'react-router'

import type { BackupSchedule } from '../../../../contract/atlas/schedule'
import { defaultPolicy } from '../../../../contract/rules/policy-default'
import { canPerform } from '../../../../contract/rules/roles'
import { ApiError } from '../../../lib/api-error'
import type { ClusterFacts } from '../cluster-facts'
import type { SavedSchedule } from '../queries'
import { PolicyForm } from './policy-form'

// The rules P1–P6 at the field, each at its edge and one step past it; the BFF's field errors on
// the same fields; a conflicting save; and the read-only view. The seeded payments-rs policy:
// 18:00 UTC, hourly every 6 h kept 7 days, daily 7 days, weekly Saturday 4 weeks, monthly
// last day 12 months, restore window 7 days.

afterEach(cleanup)

const ids = ['a1', 'a2', 'a3', 'a4'].map((s) => `65f00000000000000000${s}00`)

function scheduleOf(nvme: boolean, hourlyDays = 7): BackupSchedule {
  const policy = defaultPolicy({ nvme })
  return {
    referenceHourOfDay: 18,
    referenceMinuteOfHour: 0,
    restoreWindowDays: hourlyDays,
    policies: [
      {
        id: '65f0000000000000000000f0',
        policyItems: policy.policies[0].policyItems.map((item, i) => ({
          ...item,
          id: ids[i],
          ...(item.frequencyType === 'hourly'
            ? { retentionValue: hourlyDays }
            : {}),
        })) as BackupSchedule['policies'][number]['policyItems'],
      },
    ],
  }
}

const facts = (over: Partial<ClusterFacts> = {}): ClusterFacts => ({
  name: 'payments-rs',
  instanceSize: 'M30',
  nvme: false,
  pitEnabled: true,
  backupEnabled: true,
  sharded: false,
  mongoDBVersion: '7.0.14',
  zones: [],
  nodeRegions: [],
  ...over,
})

function setup(
  options: {
    facts?: Partial<ClusterFacts>
    role?: 'admin' | 'viewer'
    save?: () => Promise<SavedSchedule>
  } = {},
) {
  const f = facts(options.facts)
  const initial = { schedule: scheduleOf(f.nvme), etag: '"v1"' }
  const save = vi.fn(options.save ?? (() => Promise.resolve(initial)))
  const reloadLatest = vi.fn(() => Promise.resolve())
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false } },
  })
  const element = (latest: SavedSchedule) => (
    <QueryClientProvider client={client}>
      <PolicyForm
        groupId="6650a1b2c3d4e5f600000001"
        facts={f}
        initial={initial}
        latest={latest}
        editVerdict={canPerform(options.role ?? 'admin', 'editPolicy')}
        save={save}
        reloadLatest={reloadLatest}
      />
    </QueryClientProvider>
  )
  const router = createMemoryRouter([{ path: '/', element: element(initial) }])
  const view = render(<RouterProvider router={router} />)
  return {
    user: userEvent.setup(),
    save,
    reloadLatest,
    /** A newer version read from the BFF (e.g. after a 412). */
    showLatest: (latest: SavedSchedule) =>
      view.rerender(
        <RouterProvider
          router={createMemoryRouter([{ path: '/', element: element(latest) }])}
        />,
      ),
  }
}

/** The error shown under a control (its aria-describedby). */
function errorOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .filter((el) => el?.getAttribute('role') === 'alert')
    .map((el) => el?.textContent ?? '')
    .join(' ')
}

const field = (label: string) => screen.getByLabelText(label)
const saveButton = () => screen.getByRole('button', { name: /^Save policy/ })
const optionLabels = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent)

async function retype(
  user: ReturnType<typeof userEvent.setup>,
  label: string,
  value: string,
) {
  await user.clear(field(label))
  if (value !== '') await user.type(field(label), value)
}

describe('PolicyForm: the rules at the field', () => {
  it('P1: a retention of 1 is fine, 0 is refused on that field', async () => {
    const { user } = setup()
    await retype(user, 'Item 1 keep for', '1')
    await waitFor(() => expect(errorOf(field('Item 1 keep for'))).toBe(''))
    await retype(user, 'Item 1 keep for', '0')
    await waitFor(() =>
      expect(errorOf(field('Item 1 keep for'))).toBe(
        'The retention must be a whole number of at least 1',
      ),
    )
    expect(saveButton()).toHaveProperty('disabled', true)
  })

  it('P2: intervals offer only what each type allows', async () => {
    const { user } = setup()
    expect(optionLabels(field('Item 3 interval'))).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ])
    const monthly = optionLabels(field('Item 4 interval'))
    expect(monthly.slice(-2)).toEqual(['28th', 'Last day'])
    expect(monthly).toHaveLength(29)
    expect(optionLabels(field('Item 1 interval'))).toEqual([
      'Every hour',
      'Every 2 hours',
      'Every 4 hours',
      'Every 6 hours',
      'Every 8 hours',
      'Every 12 hours',
    ])
    // A new type keeps only an interval it allows.
    await user.selectOptions(field('Item 3 frequency'), 'yearly')
    expect(optionLabels(field('Item 3 interval'))[0]).toBe('January')
    expect((field('Item 3 interval') as HTMLSelectElement).value).toBe('6')
  })

  it('P2: an NVMe cluster offers hourly snapshots every 12 hours only', () => {
    setup({ facts: { nvme: true, instanceSize: 'M40_NVME' } })
    expect(optionLabels(field('Item 1 interval'))).toEqual(['Every 12 hours'])
  })

  it('P3: a second hourly item cannot be added, and a row turned hourly is refused', async () => {
    const { user } = setup()
    const addHourly = screen.getByRole('button', { name: 'Add hourly item' })
    expect(addHourly).toHaveProperty('disabled', true)
    expect(addHourly.getAttribute('aria-describedby')).toBeTruthy()
    expect(
      document.getElementById(addHourly.getAttribute('aria-describedby') ?? '')
        ?.textContent,
    ).toBe('A policy may have only one hourly item.')
    expect(
      screen.getByRole('button', { name: 'Add yearly item' }),
    ).toHaveProperty('disabled', false)

    await user.selectOptions(field('Item 2 frequency'), 'hourly')
    await waitFor(() =>
      expect(errorOf(field('Item 2 frequency'))).toBe(
        'A policy may have only one hourly item; remove this one or the one above',
      ),
    )
  })

  it('P4: weekly retention equal to the daily one is fine, one day less is refused on the weekly field', async () => {
    const { user } = setup()
    await retype(user, 'Item 2 keep for', '10')
    await user.selectOptions(field('Item 3 unit'), 'days')
    await retype(user, 'Item 3 keep for', '10')
    await waitFor(() => expect(errorOf(field('Item 3 keep for'))).toBe(''))
    await retype(user, 'Item 3 keep for', '9')
    await waitFor(() =>
      expect(errorOf(field('Item 3 keep for'))).toBe(
        'The weekly retention must be at least the daily retention (10 days)',
      ),
    )
    expect(errorOf(field('Item 2 keep for'))).toBe('')
    // Save says why it is disabled.
    const reason = document.getElementById(
      saveButton().getAttribute('aria-describedby') ?? '',
    )?.textContent
    expect(reason).toBe(
      'One problem to fix first: The weekly retention must be at least the daily retention (10 days).',
    )
    // Mending the daily item mends the weekly one.
    await retype(user, 'Item 2 keep for', '9')
    await waitFor(() => expect(errorOf(field('Item 3 keep for'))).toBe(''))
  })

  it('P5: a restore window equal to the hourly retention is fine, one day more is refused', async () => {
    const { user } = setup()
    await retype(user, 'Restore window (days)', '7')
    await retype(user, 'Item 4 keep for', '13')
    await waitFor(() =>
      expect(errorOf(field('Restore window (days)'))).toBe(''),
    )
    await retype(user, 'Restore window (days)', '8')
    await waitFor(() =>
      expect(errorOf(field('Restore window (days)'))).toBe(
        'The restore window must be at most the hourly retention (7 days)',
      ),
    )
  })

  it('P5: no restore window without continuous backup', () => {
    setup({ facts: { pitEnabled: false } })
    expect(screen.queryByLabelText('Restore window (days)')).toBeNull()
    expect(screen.getByText(/Continuous cloud backup is off/)).toBeTruthy()
  })

  it('P6: hour 23 and minute 59 are fine, 24 and 60 are refused; local time beside', async () => {
    const { user } = setup()
    await retype(user, 'Hour (UTC)', '23')
    await retype(user, 'Minute (UTC)', '59')
    await waitFor(() => expect(errorOf(field('Hour (UTC)'))).toBe(''))
    expect(errorOf(field('Minute (UTC)'))).toBe('')
    expect(screen.getByText(/^Your local time: \d\d:\d\d/)).toBeTruthy()
    await retype(user, 'Hour (UTC)', '24')
    await retype(user, 'Minute (UTC)', '60')
    await waitFor(() =>
      expect(errorOf(field('Hour (UTC)'))).toBe(
        'The hour must be a whole number from 0 to 23',
      ),
    )
    expect(errorOf(field('Minute (UTC)'))).toBe(
      'The minute must be a whole number from 0 to 59',
    )
    expect(
      screen.getByText(
        'Your local time: enter a valid hour and minute to see it.',
      ),
    ).toBeTruthy()
  })
})

describe('PolicyForm: saving', () => {
  it('shows the changes and sends the whole schedule with the ETag', async () => {
    const { user, save } = setup()
    await retype(user, 'Item 3 keep for', '8')
    expect(
      screen.getByText('Weekly item: kept 4 weeks → kept 8 weeks'),
    ).toBeTruthy()
    await waitFor(() => expect(saveButton()).toHaveProperty('disabled', false))
    await user.click(saveButton())
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1))
    const [input] = save.mock.calls[0] as unknown as [
      { etag: string; body: BackupSchedule },
    ]
    expect(input.etag).toBe('"v1"')
    expect(input.body.policies[0]?.policyItems[2]).toEqual({
      id: ids[2],
      frequencyType: 'weekly',
      frequencyInterval: 6,
      retentionUnit: 'weeks',
      retentionValue: 8,
    })
  })

  it("puts the BFF's field errors on the same fields", async () => {
    const { user } = setup({
      save: () =>
        Promise.reject(
          new ApiError({
            status: 400,
            errorCode: 'VALIDATION_ERROR',
            detail: 'Refused.',
            fields: [
              {
                field: 'policies.0.policyItems.3.retentionValue',
                description: 'retentionValue is refused by Atlas',
              },
            ],
          }),
        ),
    })
    await retype(user, 'Item 4 keep for', '13')
    await waitFor(() => expect(saveButton()).toHaveProperty('disabled', false))
    await user.click(saveButton())
    await waitFor(() =>
      expect(errorOf(field('Item 4 keep for'))).toBe(
        'The retention is refused by Atlas',
      ),
    )
  })

  it('shows a conflicting change and keeps the edits on top of it', async () => {
    const { user, reloadLatest, showLatest } = setup({
      save: () =>
        Promise.reject(
          new ApiError({
            status: 412,
            errorCode: 'SCHEDULE_CHANGED',
            detail: 'Someone else changed this backup schedule.',
          }),
        ),
    })
    await retype(user, 'Item 3 keep for', '8')
    await waitFor(() => expect(saveButton()).toHaveProperty('disabled', false))
    await user.click(saveButton())
    await waitFor(() => expect(reloadLatest).toHaveBeenCalled())
    const theirs = scheduleOf(false)
    theirs.referenceHourOfDay = 6
    showLatest({ schedule: theirs, etag: '"v2"' })
    const alert = await screen.findByRole('alert', {
      name: /someone else changed this backup policy/,
    })
    expect(
      within(alert).getByText('Snapshot time: 18:00 UTC → 06:00 UTC'),
    ).toBeTruthy()
    expect(saveButton()).toHaveProperty('disabled', true)

    await user.click(
      screen.getByRole('button', { name: 'Apply my edits to their version' }),
    )
    // Against their version, the only change left is the operator's own; their time stays.
    expect(
      screen.getByText('Weekly item: kept 4 weeks → kept 8 weeks'),
    ).toBeTruthy()
    expect(screen.queryByText(/^Snapshot time:/)).toBeNull()
    expect((field('Hour (UTC)') as HTMLInputElement).value).toBe('6')
    await waitFor(() => expect(saveButton()).toHaveProperty('disabled', false))
  })

  it('is read-only for a viewer, with the reason', () => {
    setup({ role: 'viewer' })
    // Disabled through their fieldset.
    expect(field('Hour (UTC)').matches(':disabled')).toBe(true)
    expect(field('Item 1 keep for').matches(':disabled')).toBe(true)
    expect(
      screen.getByRole('button', { name: 'Reset to default' }),
    ).toHaveProperty('disabled', true)
    expect(saveButton()).toHaveProperty('disabled', true)
    expect(
      document.getElementById(
        saveButton().getAttribute('aria-describedby') ?? '',
      )?.textContent,
    ).toBe('Changing the backup policy needs the admin role.')
  })
})
