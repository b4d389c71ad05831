import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'

const PAYMENTS = '6650a1b2c3d4e5f600000001'
const snapshotsOf = (name: string) =>
  `/projects/${PAYMENTS}/clusters/${name}/snapshots`
const VIEWER = { name: 'e2e-viewer', password: 'e2e-viewer-password-123' }

const snapshotTable = (page: Page) =>
  page.getByRole('table', { name: 'Snapshots' })

/** Selects the first snapshot of the table whose row holds `text`. */
async function selectSnapshot(page: Page, text: string) {
  const row = snapshotTable(page).getByRole('row').filter({ hasText: text })
  await row.first().getByRole('button', { pressed: false }).last().click()
  await expect(
    page.getByRole('heading', { name: /^Selected snapshot:/ }),
  ).toBeVisible()
}

test.describe('snapshot browser', () => {
  test.beforeEach(async ({ sandbox, signIn }) => {
    await sandbox.reset()
    await signIn()
  })

  test('filters narrow the table, live in the URL and survive reload', async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto(snapshotsOf('payments-rs'))
    const table = snapshotTable(page)
    await expect(
      table.getByRole('cell', { name: 'Hourly' }).first(),
    ).toBeVisible()
    await expectNoAxeViolations()

    await page.getByRole('radio', { name: 'On demand' }).click()
    await expect(page).toHaveURL(/origin=onDemand/)
    await expect(
      page.getByText(/^\d+ of \d+ snapshots match the filters$/),
    ).toBeVisible()
    await expect(table.getByRole('cell', { name: 'Scheduled' })).toHaveCount(0)
    await expect(
      table.getByRole('cell', { name: 'On demand' }).first(),
    ).toBeVisible()

    await page.getByRole('radio', { name: 'Policy' }).click()
    await page.getByRole('checkbox', { name: 'Weekly' }).click()
    await expect(page).toHaveURL(/origin=policy&frequency=weekly/)
    await expect(table.getByRole('cell', { name: 'Hourly' })).toHaveCount(0)
    await expect(
      table.getByRole('cell', { name: 'Weekly' }).first(),
    ).toBeVisible()

    await page.reload()
    await expect(page.getByRole('checkbox', { name: 'Weekly' })).toBeChecked()
    await expect(page.getByRole('radio', { name: 'Policy' })).toBeChecked()
    await expect(table.getByRole('cell', { name: 'Hourly' })).toHaveCount(0)

    // The timeline selects in the table: pointing at a tick shows it, clicking selects it…
    const timeline = page.getByRole('listbox', {
      name: /^Snapshots over time/,
    })
    // The only lane (weekly), near the right end: its newest weekly snapshot.
    const box = (await timeline.boundingBox())!
    const newest = { x: box.width - 5, y: 14 }
    await timeline.hover({ position: newest })
    const tooltip = page.getByRole('tooltip')
    await expect(tooltip).toContainText('Weekly')
    const pointed = (await tooltip.locator('strong').textContent()) ?? ''
    await timeline.click({ position: newest })
    await expect(page).toHaveURL(/snapshot=[a-f0-9]{24}/)
    await expect(
      page.getByRole('heading', { name: `Selected snapshot: ${pointed}` }),
    ).toBeVisible()

    // …and so does the keyboard: Home goes to the oldest, Enter selects it.
    await timeline.focus()
    await timeline.press('Home')
    const current = timeline.getByRole('option')
    await expect(current).toHaveAccessibleName(/^Weekly snapshot, /)
    const label = (await current.textContent()) ?? ''
    const when = /, (\d{4}-\d\d-\d\d \d\d:\d\d UTC),/.exec(label)?.[1] ?? ''
    expect(when).not.toBe(pointed)
    await timeline.press('Enter')
    await expect(
      page.getByRole('heading', { name: `Selected snapshot: ${when}` }),
    ).toBeVisible()
    await expect(current).toHaveAttribute('aria-selected', 'true')
    await expect(
      table.getByRole('button', { pressed: true, name: new RegExp(when) }),
    ).toBeVisible()

    await page.getByRole('radio', { name: /^Local \(/ }).click()
    await expect(page).toHaveURL(/tz=local/)
    await expect(
      page.getByRole('heading', {
        name: /^Selected snapshot: .* UTC[+-]\d\d:\d\d$/,
      }),
    ).toBeVisible()
    await expectNoAxeViolations()
  })

  test('an on-demand snapshot appears, and a second is refused while it is queued', async ({
    page,
    sandbox,
  }) => {
    await page.goto(snapshotsOf('payments-staging'))
    await page.getByRole('button', { name: 'Take snapshot now…' }).click()
    await page.getByLabel('Retention (days)').fill('3')
    await page
      .getByRole('button', { name: 'Take snapshot', exact: true })
      .click()
    await expect(page.getByRole('alert')).toContainText(
      'description is required',
    )

    await page.getByLabel('Description').fill('e2e: before the migration')
    await page
      .getByRole('button', { name: 'Take snapshot', exact: true })
      .click()
    await expect(page.getByText(/^On-demand snapshot requested/)).toBeVisible()
    const row = snapshotTable(page)
      .getByRole('row')
      .filter({ hasText: 'e2e: before the migration' })
    await expect(row).toContainText(/Queued|In progress/)

    const take = page.getByRole('button', { name: 'Take snapshot now…' })
    await expect(take).toBeDisabled()
    await expect(take).toHaveAccessibleDescription(
      /Another on-demand snapshot is (queued|in progress); wait until it completes/,
    )

    // Once it completes, another may be taken.
    await sandbox.advanceClock({ minutes: 15 })
    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect(row).toContainText('Completed')
    await expect(take).toBeEnabled()
  })

  test('deleting asks for confirmation, and a compliance policy refuses it', async ({
    page,
    sandbox,
    expectNoAxeViolations,
  }) => {
    await page.goto(snapshotsOf('payments-staging'))
    await selectSnapshot(page, 'Hourly')
    await page.getByRole('button', { name: 'Delete…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete this snapshot?' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('This cannot be undone')
    await expectNoAxeViolations()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()

    await sandbox.control('POST', `/groups/${PAYMENTS}/compliance`, {
      enabled: true,
    })
    await page.getByRole('button', { name: 'Delete…' }).click()
    await dialog.getByRole('button', { name: 'Delete snapshot' }).click()
    await expect(dialog.getByRole('alert')).toContainText(
      'Backup Compliance Policy forbids deleting snapshots',
    )
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()

    await sandbox.control('POST', `/groups/${PAYMENTS}/compliance`, {
      enabled: false,
    })
    const id = new URL(page.url()).searchParams.get('snapshot') ?? ''
    await page.getByRole('button', { name: 'Delete…' }).click()
    await dialog.getByRole('button', { name: 'Delete snapshot' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByText(/Snapshot taken at .* deleted\./)).toBeVisible()
    expect(new URL(page.url()).searchParams.get('snapshot')).toBeNull()
    await page.goto(`${snapshotsOf('payments-staging')}?q=${id}`)
    await expect(
      page.getByText('No snapshot matches these filters.'),
    ).toBeVisible()
  })

  test('a download is requested where allowed, and refused with the reason elsewhere', async ({
    page,
  }) => {
    await page.goto(snapshotsOf('payments-staging'))
    await selectSnapshot(page, 'Daily')
    await page.getByRole('button', { name: 'Download' }).click()
    await expect(page.getByText(/^Download requested/)).toBeVisible()
    await expect(
      page.getByRole('link', { name: 'Follow the download job' }),
    ).toBeVisible()
    await expect(page.getByRole('link', { name: 'Restore…' })).toHaveAttribute(
      'href',
      new RegExp(
        `^/restores/new\\?groupId=${PAYMENTS}&kind=dedicated&cluster=payments-staging&snapshotId=[a-f0-9]{24}$`,
      ),
    )

    await page.goto(snapshotsOf('ledger-archive'))
    await selectSnapshot(page, 'Daily')
    await expect(page.getByRole('button', { name: 'Download' })).toBeDisabled()
    await expect(
      page.getByRole('button', { name: 'Download' }),
    ).toHaveAccessibleDescription(
      /encryption at rest with customer key management/,
    )
  })

  test('a viewer sees every action disabled, with the reason', async ({
    page,
    signIn,
    expectNoAxeViolations,
  }) => {
    const session = (await (await page.request.get('/api/session')).json()) as {
      csrfToken: string
    }
    const created = await page.request.post('/api/users', {
      data: { name: VIEWER.name, role: 'viewer', password: VIEWER.password },
      headers: { 'x-csrf-token': session.csrfToken },
    })
    expect([201, 409]).toContain(created.status())
    await page.getByRole('button', { name: 'Sign out' }).click()
    await signIn(VIEWER.name, VIEWER.password)

    await page.goto(snapshotsOf('payments-rs'))
    const take = page.getByRole('button', { name: 'Take snapshot now…' })
    await expect(take).toBeDisabled()
    await expect(take).toHaveAccessibleDescription(
      'Taking an on-demand snapshot needs the operator or admin role.',
    )
    await selectSnapshot(page, 'Hourly')
    for (const [action, reason] of [
      ['Restore…', 'Starting a restore needs the operator or admin role.'],
      ['Download', 'Starting a restore needs the operator or admin role.'],
      ['Change expiry…', "Changing a snapshot's expiry needs the admin role."],
      ['Delete…', 'Deleting a snapshot needs the admin role.'],
    ] as const) {
      const button = page.getByRole('button', { name: action })
      await expect(button).toBeDisabled()
      await expect(button).toHaveAccessibleDescription(reason)
    }
    await expectNoAxeViolations()
  })
})
