import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'

import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'

const PAYMENTS = '6650a1b2c3d4e5f600000001'
const CLUSTER = 'payments-rs'

/** Takes an on-demand snapshot through the BFF, as the snapshot browser does (S1). */
async function takeSnapshot(page: Page, description: string): Promise<string> {
  const session = (await (await page.request.get('/api/session')).json()) as {
    csrfToken: string
  }
  const response = await page.request.post(
    `/api/atlas/v2/groups/${PAYMENTS}/clusters/${CLUSTER}/backup/snapshots`,
    {
      data: { description, retentionInDays: 1 },
      headers: {
        'x-csrf-token': session.csrfToken,
        'idempotency-key': randomUUID(),
      },
    },
  )
  expect(response.status()).toBe(200)
  return ((await response.json()) as { id: string }).id
}

const auditTable = (page: Page) =>
  page.getByRole('table', { name: /^Audit trail: / })

test.describe('audit trail and users', () => {
  test.beforeEach(async ({ sandbox, signIn }) => {
    await sandbox.reset()
    await signIn()
  })

  test('an on-demand snapshot shows as intent and outcome; filters survive reload; CSV export holds it', async ({
    page,
    expectNoAxeViolations,
  }) => {
    const description = `audit e2e ${randomUUID()}`
    const snapshotId = await takeSnapshot(page, description)

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audit' })
      .click()
    await expect(page).toHaveURL('/audit')
    await expect(page.getByRole('heading', { name: 'Audit' })).toBeVisible()

    // The outcome carries the snapshot's Atlas id; its intent sits in the same row group.
    const outcome = auditTable(page)
      .getByRole('row')
      .filter({ hasText: snapshotId })
    await expect(outcome).toContainText('admin')
    await expect(outcome).toContainText('Take on-demand snapshot')
    await expect(outcome).toContainText('Succeeded')
    await expect(outcome).toContainText(CLUSTER)
    const phase = (await outcome.getByRole('cell').nth(3).textContent()) ?? ''
    const [, outcomeId, intentId] = /Outcome #(\d+) of #(\d+)/.exec(phase) ?? []
    expect(intentId).toBeDefined()
    const change = auditTable(page)
      .getByRole('rowgroup')
      .filter({ hasText: snapshotId })
    const intent = change.getByRole('row').filter({
      hasText: `Intent #${intentId}`,
    })
    await expect(change.getByRole('row')).toHaveCount(2)
    await expect(intent).toContainText('admin')
    await expect(intent).toContainText(`See #${outcomeId}: Succeeded`)

    await change
      .getByRole('button', { name: `Show details of #${intentId}` })
      .click()
    await expect(
      page.getByRole('region', { name: `Details of #${intentId}` }),
    ).toContainText(`"description": "${description}"`)
    await expectNoAxeViolations()

    // Filters go to the URL on Apply and come back from it on reload.
    await page.getByLabel('Actor').fill('admin')
    await page.getByLabel('Action').selectOption('snapshot.take')
    await page.getByLabel('Cluster').fill(CLUSTER)
    await page.getByLabel('From (UTC)').fill('2020-01-01T00:00')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect(page).toHaveURL(
      '/audit?actor=admin&action=snapshot.take&cluster=payments-rs&from=2020-01-01T00%3A00%3A00.000Z',
    )
    await expect(outcome).toBeVisible()
    await page.reload()
    await expect(page.getByLabel('Actor')).toHaveValue('admin')
    await expect(page.getByLabel('Action')).toHaveValue('snapshot.take')
    await expect(page.getByLabel('Cluster')).toHaveValue(CLUSTER)
    await expect(page.getByLabel('From (UTC)')).toHaveValue('2020-01-01T00:00')
    await expect(outcome).toBeVisible()
    await expect(
      auditTable(page).getByRole('cell', { name: /^Add user/ }),
    ).toHaveCount(0)

    // The export carries the same filters; the BFF sends the CSV as an attachment.
    const downloading = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Export CSV' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^audit-.*\.csv$/)
    const csv = await readFile(await download.path(), 'utf8')
    const lines = csv.split(/\r?\n/)
    expect(lines[0]).toMatch(/^id,at,actor,action,phase,intentId,/)
    expect(lines.find((line) => line.includes(snapshotId))).toMatch(
      /^\d+,[^,]+,admin,snapshot\.take,outcome,\d+,/,
    )
    expect(csv).not.toContain('user.create')
  })

  test('a viewer added on the users page sees no Audit link and is told why at /audit', async ({
    page,
    signIn,
    expectNoAxeViolations,
  }) => {
    const viewer = `audit-viewer-${Date.now().toString(36)}`
    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.getByRole('link', { name: 'Users' }).click()
    await expect(page).toHaveURL('/users')
    const users = page.getByRole('table', { name: /^Users \(\d+\)$/ })
    await expect(users.getByRole('rowheader', { name: /^admin/ })).toBeVisible()
    await expectNoAxeViolations()

    const add = page.getByRole('region', { name: 'Add a user' })
    await add.getByLabel('Name').fill(viewer)
    await add.getByLabel('Role').selectOption('viewer')
    await add.getByLabel('Password').fill('too-short')
    await add.getByRole('button', { name: 'Add user' }).click()
    await expect(add.getByLabel('Password')).toHaveAccessibleDescription(
      /must be at least 12 characters long/,
    )
    await add.getByLabel('Password').fill('first-viewer-password')
    await add.getByRole('button', { name: 'Add user' }).click()
    await expect(add.getByRole('status')).toHaveText(
      `Added ${viewer} as viewer.`,
    )
    await expect(
      users.getByRole('row', { name: new RegExp(viewer) }),
    ).toContainText('viewer')

    // The BFF's refusals land next to their fields.
    await add.getByLabel('Name').fill(viewer)
    await add.getByLabel('Password').fill('another-long-password')
    await add.getByRole('button', { name: 'Add user' }).click()
    await expect(add.getByLabel('Name')).toHaveAccessibleDescription(
      new RegExp(`A user named ${viewer} already exists`),
    )

    await users
      .getByRole('button', { name: 'Change role or password of admin' })
      .click()
    const editAdmin = page.getByRole('form', { name: 'Change admin' })
    await editAdmin.getByLabel('Role').selectOption('viewer')
    await editAdmin.getByRole('button', { name: 'Save' }).click()
    await expect(editAdmin.getByLabel('Role')).toHaveAccessibleDescription(
      /admin is the only admin.*Backup Console always keeps at least one admin/,
    )
    await expectNoAxeViolations()
    await editAdmin.getByRole('button', { name: 'Cancel' }).click()

    // A password reset (PATCH) from the table.
    await users
      .getByRole('button', { name: `Change role or password of ${viewer}` })
      .click()
    const editViewer = page.getByRole('form', { name: `Change ${viewer}` })
    await editViewer.getByLabel('New password').fill('second-viewer-password')
    await editViewer.getByRole('button', { name: 'Save' }).click()
    await expect(
      page.getByText(`Saved ${viewer}: password reset.`),
    ).toBeVisible()

    await page.getByRole('button', { name: 'Sign out' }).click()
    await signIn(viewer, 'second-viewer-password')
    await expect(nav.getByRole('link', { name: 'Clusters' })).toBeVisible()
    await expect(nav.getByRole('link', { name: 'Audit' })).toHaveCount(0)
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0)

    await page.goto('/audit')
    await expect(page.getByRole('alert')).toContainText(
      'Reading the audit trail needs the admin role; you are signed in as viewer.',
    )
    await expectNoAxeViolations()
    await page.goto('/users')
    await expect(page.getByRole('alert')).toContainText(
      'Managing users needs the admin role; you are signed in as viewer.',
    )
  })
})
