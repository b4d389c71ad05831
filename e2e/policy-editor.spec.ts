import type { APIRequestContext, Page } from '@playwright/test'

import { expect, test } from './fixtures'
import { PROJECTS, PolicyEditorPage } from './pages/policy-editor'

// The backup policy editor (issue 6) against the built product and the sandbox: every rule
// P1–P6 at its edge and one step past it, saving (and the sandbox then snapshotting by the new
// schedule), the consequences shown before saving, a viewer, a conflicting change, leaving.
// The seeded payments-rs policy: 18:00 UTC; hourly every 6 hours kept 7 days; daily 7 days;
// weekly on Saturday 4 weeks; monthly on the last day 12 months; restore window 7 days.

const VIEWER = { name: 'e2e-viewer', password: 'e2e-viewer-password-123' }
const scheduleApi = (groupId: string, cluster: string) =>
  `/api/atlas/v2/groups/${groupId}/clusters/${cluster}/backup/schedule`
const snapshotsApi = (groupId: string, cluster: string) =>
  `/api/atlas/v2/groups/${groupId}/clusters/${cluster}/backup/snapshots?itemsPerPage=500`

type Snapshot = { createdAt: string; frequencyType?: string }

async function csrfToken(request: APIRequestContext): Promise<string> {
  const session = (await (await request.get('/api/session')).json()) as {
    csrfToken: string
  }
  return session.csrfToken
}

async function snapshotsOf(page: Page, cluster: string): Promise<Snapshot[]> {
  const res = await page.request.get(
    snapshotsApi(PROJECTS.paymentsProd, cluster),
  )
  expect(res.ok()).toBe(true)
  return ((await res.json()) as { results: Snapshot[] }).results
}

test.describe('backup policy editor', () => {
  test.beforeEach(async ({ sandbox, signIn }) => {
    await sandbox.reset()
    await signIn()
  })

  test('shows every rule P1–P6 at its edge and one step past it', async ({
    page,
    expectNoAxeViolations,
  }) => {
    const editor = new PolicyEditorPage(page)
    await editor.open(PROJECTS.paymentsProd, 'payments-rs')
    await expect(editor.heading).toHaveText('payments-rs: backup policy')
    await expect(editor.estimate).toBeVisible()
    await expectNoAxeViolations()

    await test.step('P6: hour 23 and minute 59 are fine, 24 and 60 are not', async () => {
      await editor.set(editor.hour, 23)
      await editor.set(editor.minute, 59)
      await expect(editor.hour).toHaveAccessibleDescription('0 to 23')
      await expect(editor.minute).toHaveAccessibleDescription('0 to 59')
      await expect(editor.localTime).toHaveText(
        /^Your local time: \d\d:\d\d( the next day| the day before)? in .+ \(UTC[+-]\d\d:\d\d\)\.$/,
      )
      await editor.set(editor.hour, 24)
      await expect(editor.hour).toHaveAccessibleDescription(
        '0 to 23 The hour must be a whole number from 0 to 23',
      )
      await editor.set(editor.minute, 60)
      await expect(editor.minute).toHaveAccessibleDescription(
        '0 to 59 The minute must be a whole number from 0 to 59',
      )
      await expect(editor.save).toBeDisabled()
      await expect(editor.save).toHaveAccessibleDescription(
        /^2 problems to fix first: /,
      )
      await editor.set(editor.hour, 18)
      await editor.set(editor.minute, 0)
    })

    await test.step('P5: a restore window equal to the hourly retention is fine, one day more is not', async () => {
      await editor.set(editor.restoreWindow, 7)
      await expect(editor.restoreWindow).not.toHaveAttribute('aria-invalid')
      await editor.set(editor.restoreWindow, 8)
      await expect(editor.restoreWindow).toHaveAccessibleDescription(
        /The restore window must be at most the hourly retention \(7 days\)$/,
      )
      await editor.set(editor.restoreWindow, 0)
      await expect(editor.restoreWindow).toHaveAccessibleDescription(
        /The restore window must be a whole number of days of at least 1$/,
      )
      await editor.set(editor.restoreWindow, 7)
      await expect(editor.restoreWindow).not.toHaveAttribute('aria-invalid')
    })

    await test.step('P1: a retention of 1 is fine, 0 is not', async () => {
      const monthly = editor.item(4)
      await editor.set(monthly.keepFor, 0)
      await expect(monthly.keepFor).toHaveAccessibleDescription(
        'The retention must be a whole number of at least 1',
      )
      await editor.set(editor.item(1).keepFor, 1)
      await editor.set(editor.restoreWindow, 1)
      await expect(editor.item(1).keepFor).not.toHaveAttribute('aria-invalid')
      await editor.set(monthly.keepFor, 12)
      await editor.set(editor.item(1).keepFor, 7)
      await editor.set(editor.restoreWindow, 7)
    })

    await test.step('P4: weekly kept as long as daily is fine, a day less is refused on the weekly field', async () => {
      const daily = editor.item(2)
      const weekly = editor.item(3)
      await editor.set(daily.keepFor, 10)
      await weekly.unit.selectOption('days')
      await editor.set(weekly.keepFor, 10)
      await expect(weekly.keepFor).not.toHaveAttribute('aria-invalid')
      await editor.set(weekly.keepFor, 9)
      await expect(weekly.keepFor).toHaveAccessibleDescription(
        'The weekly retention must be at least the daily retention (10 days)',
      )
      await expect(daily.keepFor).not.toHaveAttribute('aria-invalid')
      await expect(editor.save).toHaveAccessibleDescription(
        'One problem to fix first: The weekly retention must be at least the daily retention (10 days).',
      )
      await editor.set(weekly.keepFor, 10)
      await expect(editor.save).toBeEnabled()
    })

    await test.step('P2: intervals offer only what the type allows; monthly 28th and last day are fine', async () => {
      const weekly = editor.item(3)
      const monthly = editor.item(4)
      expect(await editor.optionsOf(weekly.interval)).toEqual([
        'Monday',
        'Tuesday',
        'Wednesday',
        'Thursday',
        'Friday',
        'Saturday',
        'Sunday',
      ])
      const days = await editor.optionsOf(monthly.interval)
      expect(days).toHaveLength(29)
      expect(days.slice(-2)).toEqual(['28th', 'Last day'])
      expect(days).not.toContain('29th')
      await monthly.interval.selectOption({ label: '28th' })
      await expect(monthly.interval).not.toHaveAttribute('aria-invalid')
      await monthly.interval.selectOption({ label: 'Last day' })
      await expect(monthly.interval).not.toHaveAttribute('aria-invalid')
      expect(await editor.optionsOf(editor.item(1).interval)).toEqual([
        'Every hour',
        'Every 2 hours',
        'Every 4 hours',
        'Every 6 hours',
        'Every 8 hours',
        'Every 12 hours',
      ])
    })

    await test.step('P3: a second hourly item cannot be added; a row turned hourly is refused', async () => {
      await expect(editor.addItem('hourly')).toBeDisabled()
      await expect(editor.addItem('hourly')).toHaveAccessibleDescription(
        'A policy may have only one hourly item.',
      )
      await expect(editor.addItem('daily')).toBeDisabled()
      await expect(editor.addItem('yearly')).toBeEnabled()
      await editor.item(2).frequency.selectOption('hourly')
      await expect(editor.item(2).frequency).toHaveAccessibleDescription(
        'A policy may have only one hourly item; remove this one or the one above',
      )
      await expect(editor.save).toBeDisabled()
      await expectNoAxeViolations()
    })
  })

  test('an NVMe cluster offers hourly snapshots every 12 hours only', async ({
    page,
  }) => {
    const editor = new PolicyEditorPage(page)
    await editor.open(PROJECTS.analytics, 'events-nvme')
    await expect(
      page.getByText(/NVMe: hourly snapshots every 12 hours only/),
    ).toBeVisible()
    expect(await editor.optionsOf(editor.item(1).interval)).toEqual([
      'Every 12 hours',
    ])
    // No continuous backup here: no restore window to set (P5).
    await expect(editor.restoreWindow).toHaveCount(0)
  })

  test('saves, survives a reload, and the sandbox then snapshots at the new time', async ({
    page,
    sandbox,
    expectNoAxeViolations,
  }) => {
    const editor = new PolicyEditorPage(page)
    await editor.open(PROJECTS.paymentsProd, 'payments-rs')
    await editor.set(editor.hour, 5)
    await editor.set(editor.minute, 37)
    await editor.set(editor.item(3).keepFor, 6)
    await expect(editor.changes.getByRole('listitem')).toHaveText([
      'Snapshot time: 18:00 UTC → 05:37 UTC',
      'Weekly item: kept 4 weeks → kept 6 weeks',
    ])
    await expectNoAxeViolations()
    await editor.save.click()
    await expect(editor.confirmation).toBeVisible()
    await expect(editor.noChanges).toBeVisible()

    await page.reload()
    await expect(editor.hour).toHaveValue('5')
    await expect(editor.minute).toHaveValue('37')
    await expect(editor.item(3).keepFor).toHaveValue('6')
    await expect(
      page.getByText(/Next snapshot \d{4}-\d\d-\d\d \d\d:37 UTC/),
    ).toBeVisible()

    const before = await snapshotsOf(page, 'payments-rs')
    expect(before.some((s) => s.createdAt.includes(':37:00'))).toBe(false)
    await sandbox.advanceClock({ days: 1, hours: 1 })
    const after = await snapshotsOf(page, 'payments-rs')
    const at537 = after.filter((s) => /T05:37:00(\.000)?Z$/.test(s.createdAt))
    expect(at537.length).toBeGreaterThan(0)
  })

  test('shows which existing snapshots change before saving, then applies it', async ({
    page,
  }) => {
    const editor = new PolicyEditorPage(page)
    await editor.open(PROJECTS.paymentsProd, 'payments-rs')
    const hourly = editor.item(1)
    await editor.set(hourly.keepFor, 2)
    await editor.set(editor.restoreWindow, 2)
    await expect(editor.estimate).toContainText('the saved policy keeps about')
    await editor.applyToExisting.check()
    await expect(editor.retentionSummary).toHaveText(
      /^\d+ snapshots? gets? a new expiry; [1-9]\d* snapshots? would be removed when you save\.$/,
    )
    await expect(
      editor.retentionTable
        .getByRole('cell', { name: /^Removed on save/ })
        .first(),
    ).toBeVisible()
    await editor.save.click()
    await expect(editor.confirmation).toBeVisible()
    const now = Date.parse(
      (
        (await (await page.request.get('/api/overview')).json()) as {
          fetchedAt: string
        }
      ).fetchedAt,
    )
    const hourlies = (await snapshotsOf(page, 'payments-rs')).filter(
      (s) => s.frequencyType === 'hourly',
    )
    expect(hourlies.length).toBeGreaterThan(0)
    for (const s of hourlies)
      expect(now - Date.parse(s.createdAt)).toBeLessThan(2 * 86_400_000)
  })

  test('a viewer sees the policy read-only, with the reason', async ({
    page,
    signIn,
    expectNoAxeViolations,
  }) => {
    const created = await page.request.post('/api/users', {
      data: { name: VIEWER.name, role: 'viewer', password: VIEWER.password },
      headers: { 'x-csrf-token': await csrfToken(page.request) },
    })
    expect([201, 409]).toContain(created.status())
    await page.getByRole('button', { name: 'Sign out' }).click()
    await signIn(VIEWER.name, VIEWER.password)

    const editor = new PolicyEditorPage(page)
    await editor.open(PROJECTS.paymentsProd, 'payments-rs')
    await expect(
      page.getByText(
        /^Read only: Changing the backup policy needs the admin role/,
      ),
    ).toBeVisible()
    await expect(editor.hour).toBeDisabled()
    await expect(editor.item(1).keepFor).toBeDisabled()
    await expect(editor.resetToDefault).toBeDisabled()
    await expect(editor.save).toBeDisabled()
    await expect(editor.save).toHaveAccessibleDescription(
      'Changing the backup policy needs the admin role.',
    )
    await expectNoAxeViolations()
  })

  test('a change made elsewhere meanwhile is shown, not overwritten', async ({
    page,
    expectNoAxeViolations,
  }) => {
    const editor = new PolicyEditorPage(page)
    await editor.open(PROJECTS.paymentsProd, 'payments-rs')
    await editor.set(editor.item(3).keepFor, 8)

    await test.step('someone else changes the monthly retention', async () => {
      const path = scheduleApi(PROJECTS.paymentsProd, 'payments-rs')
      const read = await page.request.get(path)
      const schedule = (await read.json()) as {
        policies: {
          policyItems: { frequencyType: string; retentionValue: number }[]
        }[]
      }
      const monthly = schedule.policies[0]!.policyItems.find(
        (i) => i.frequencyType === 'monthly',
      )!
      monthly.retentionValue = 13
      const patched = await page.request.patch(path, {
        data: schedule,
        headers: {
          'If-Match': read.headers()['etag']!,
          'x-csrf-token': await csrfToken(page.request),
        },
      })
      expect(patched.status()).toBe(200)
    })

    await editor.save.click()
    await expect(editor.conflict).toContainText(
      'Not saved: someone else changed this backup policy after you opened it.',
    )
    await expect(editor.conflict.getByRole('listitem')).toHaveText([
      'Monthly item: kept 12 months → kept 13 months',
    ])
    await expect(editor.save).toBeDisabled()
    await expectNoAxeViolations()

    await editor.applyMyEdits.click()
    await expect(editor.conflict).toHaveCount(0)
    await expect(editor.item(4).keepFor).toHaveValue('13')
    await expect(editor.changes.getByRole('listitem')).toHaveText([
      'Weekly item: kept 4 weeks → kept 8 weeks',
    ])
    await editor.save.click()
    await expect(editor.confirmation).toBeVisible()
    await page.reload()
    await expect(editor.item(3).keepFor).toHaveValue('8')
    await expect(editor.item(4).keepFor).toHaveValue('13')
  })

  test('reset to default, and leaving with unsaved changes asks first', async ({
    page,
  }) => {
    await page.goto('/')
    await page
      .getByRole('link', { name: 'Backup policy of payments-rs' })
      .click()
    const editor = new PolicyEditorPage(page)
    await expect(editor.heading).toHaveText('payments-rs: backup policy')

    await editor.resetToDefault.click()
    await expect(editor.item(1).keepFor).toHaveValue('2')
    await expect(editor.restoreWindow).toHaveValue('2')
    await expect(editor.changes.getByRole('listitem')).toHaveText([
      'Restore window: 7 days → 2 days',
      'Hourly item: kept 7 days → kept 2 days',
    ])

    await page
      .getByRole('link', { name: 'Clusters', exact: true })
      .first()
      .click()
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Stay and keep editing' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(editor.item(1).keepFor).toHaveValue('2')

    await page
      .getByRole('link', { name: 'Clusters', exact: true })
      .first()
      .click()
    await dialog
      .getByRole('button', { name: 'Leave and discard changes' })
      .click()
    // Back to the cluster list of the cluster's project.
    await expect(page).toHaveURL(/\/\?project=6650a1b2c3d4e5f600000001$/)

    // The snapshot browser links here too.
    await page.getByRole('link', { name: 'payments-rs', exact: true }).click()
    await page
      .getByRole('link', { name: 'Backup policy of payments-rs' })
      .click()
    await expect(editor.item(1).keepFor).toHaveValue('7')
  })
})
