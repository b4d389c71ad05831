import { randomUUID } from 'node:crypto'

import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'
import { GROUPS } from './pages/restore-wizard'
import { RS, STAGING, bffGet, rsJobs } from './restore-sandbox'

// Issue 7, monitoring: the restore jobs page and the live job page, against the built product
// and the sandbox. Restores are started through the BFF's API with the signed-in page's own
// session (cookie + CSRF token), as the wizard would send them; the pages are then watched.

const FAILING = 'failing-restore-target'
const SHARDED = 'payments-sharded'

type Started = { id: string; path: string }

async function latestSnapshotId(page: Page, cluster = RS): Promise<string> {
  const base = `/api/atlas/v2/groups/${GROUPS.paymentsProd}/clusters/${cluster}/backup/snapshots`
  const list = await bffGet<{ results: { id: string; status: string }[] }>(
    page,
    cluster === SHARDED ? `${base}/shardedClusters` : base,
  )
  const snapshot = list.results.find((s) => s.status === 'completed')
  if (!snapshot) throw new Error(`${cluster} has no completed snapshot`)
  return snapshot.id
}

/** POSTs a restore as the signed-in operator, as the wizard does; returns the job's id. */
async function post(
  page: Page,
  path: string,
  body: Record<string, string>,
): Promise<string> {
  const { csrfToken } = await bffGet<{ csrfToken: string }>(
    page,
    '/api/session',
  )
  const res = await page.request.post(path, {
    data: body,
    headers: { 'x-csrf-token': csrfToken, 'Idempotency-Key': randomUUID() },
  })
  expect(res.ok(), await res.text()).toBe(true)
  return ((await res.json()) as { id: string }).id
}

/** A restore of a dedicated cluster; returns the job's id and the path of its page. */
async function startRestore(
  page: Page,
  body: Record<string, string>,
  source = RS,
): Promise<Started> {
  const id = await post(
    page,
    `/api/atlas/v2/groups/${GROUPS.paymentsProd}/clusters/${source}/backup/restoreJobs`,
    body,
  )
  return {
    id,
    path: `/restores/dedicated/${GROUPS.paymentsProd}/${source}/${id}`,
  }
}

async function startAutomated(
  page: Page,
  targetGroupId: string,
  target: string,
  source = RS,
): Promise<Started> {
  return startRestore(
    page,
    {
      deliveryType: 'automated',
      snapshotId: await latestSnapshotId(page, source),
      targetGroupId,
      targetClusterName: target,
      confirmTargetName: target,
    },
    source,
  )
}

const region = (page: Page, name: string) =>
  page.getByRole('region', { name, exact: true })
const stateOf = (page: Page) => region(page, 'State').getByRole('status')
const cancelButton = (page: Page) =>
  page.getByRole('button', { name: 'Cancel this restore…' })

test.describe('restore monitoring', () => {
  test.use({ timezoneId: 'Europe/Berlin' })

  test.beforeEach(async ({ sandbox, signIn }) => {
    await sandbox.reset()
    await signIn()
  })

  test('a restore moves from in progress to completed on its page, live, and is listed with filters in the URL', async ({
    page,
    sandbox,
    expectNoAxeViolations,
  }) => {
    const job = await startAutomated(page, GROUPS.paymentsProd, STAGING)

    await test.step('the job page shows it in progress, with who started it', async () => {
      await page.goto(job.path)
      await expect(
        page.getByRole('heading', {
          level: 1,
          name: `Restore of ${RS} onto ${STAGING}`,
        }),
      ).toBeVisible()
      await expect(
        page.getByText('Live: updates appear as Atlas reports them'),
      ).toBeVisible()
      await expect(stateOf(page)).toContainText('In progress')
      const progress = region(page, 'Progress')
      await expect(
        progress.getByRole('progressbar', { name: 'Restore progress' }),
      ).toBeVisible()
      await expect(progress).toContainText('Elapsed')
      const details = region(page, 'Details')
      await expect(details).toContainText('by admin, through Backup Console')
      await expect(details).toContainText(job.id)
      await expect(details).toContainText(`payments-prod / ${STAGING}`)
      await expect(cancelButton(page)).toBeEnabled()
      await expectNoAxeViolations()
    })

    await test.step('the sandbox clock moves on: the page turns completed by itself, with the checklist', async () => {
      await sandbox.advanceClock({ minutes: 30 })
      await expect(stateOf(page)).toContainText('Completed', {
        timeout: 20_000,
      })
      const after = region(page, 'After the restore')
      await expect(after.getByRole('listitem')).toHaveCount(4)
      await expect(after).toContainText(
        `Reconnect your applications to payments-prod / ${STAGING}`,
      )
      await expect(after).toContainText(
        `Atlas is taking a new snapshot of ${STAGING}`,
      )
      await expect(region(page, 'Progress')).toContainText(
        /Finished at .+ after \d+ s\./,
      )
      await expect(cancelButton(page)).toBeDisabled()
      await expect(region(page, 'Cancel')).toContainText(
        'This restore job has already finished (it is completed); there is nothing to cancel.',
      )
      await expectNoAxeViolations()
    })

    await test.step('a reload keeps all of it', async () => {
      await page.reload()
      await expect(stateOf(page)).toContainText('Completed')
      await expect(region(page, 'After the restore')).toBeVisible()
      await expect(region(page, 'Details')).toContainText('by admin')
    })

    await test.step('the jobs page lists it; filters land in the URL and survive a reload', async () => {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Restores' })
        .click()
      await expect(
        page.getByRole('heading', { level: 1, name: 'Restore jobs' }),
      ).toBeVisible()
      const link = page.getByRole('link', {
        name: `${RS}: restore job ${job.id}`,
      })
      const row = page.getByRole('row').filter({ has: link })
      await expect(row).toContainText('Completed')
      await expect(row).toContainText('Automated restore')
      await expect(row).toContainText(`payments-prod / ${STAGING}`)
      await expect(row).toContainText('by admin')
      await expectNoAxeViolations()

      await page.getByLabel('State').selectOption({ label: 'Completed' })
      await expect(page).toHaveURL(/[?&]state=completed/)
      await page
        .getByLabel('Cluster (source or target)')
        .selectOption({ label: `payments-prod / ${STAGING}` })
      await expect(page).toHaveURL(
        new RegExp(`[?&]cluster=${GROUPS.paymentsProd}%2F${STAGING}`),
      )
      await expect(row).toBeVisible()
      await page.reload()
      await expect(page.getByLabel('State')).toHaveValue('completed')
      await expect(row).toBeVisible()

      await page.getByLabel('Delivery type').selectOption({ label: 'Download' })
      await expect(page).toHaveURL(/[?&]delivery=download/)
      await expect(
        page.getByText('No restore job matches these filters.'),
      ).toBeVisible()
      await expectNoAxeViolations()
      await page.getByRole('button', { name: 'Clear filters' }).click()
      await expect(page).toHaveURL(/\/restores$/)
      await link.click()
      await expect(page).toHaveURL(new RegExp(`${job.id}$`))
    })
  })

  test('a restore onto the failing sentinel shows as failed, with Atlas’s fields', async ({
    page,
    sandbox,
    expectNoAxeViolations,
  }) => {
    const job = await startAutomated(page, GROUPS.devTools, FAILING)
    await page.goto(job.path)
    await expect(stateOf(page)).toContainText('In progress')
    await sandbox.advanceClock({ minutes: 30 })
    await expect(stateOf(page)).toContainText('Failed', { timeout: 20_000 })
    await expect(stateOf(page)).toContainText(
      'Atlas reports that the restore failed',
    )
    const record = region(page, 'Atlas’s record')
    const failed = record.getByRole('term').filter({ hasText: /^failed$/ })
    await expect(failed).toBeVisible()
    await expect(record.getByRole('definition').first()).toHaveText('true')
    await expect(region(page, 'After the restore')).toHaveCount(0)
    await expect(cancelButton(page)).toBeDisabled()
    await expectNoAxeViolations()

    await page.goto('/restores?state=failed')
    await expect(
      page.getByRole('row').filter({
        has: page.getByRole('link', { name: `${RS}: restore job ${job.id}` }),
      }),
    ).toContainText('Failed')
  })

  test('cancelling a running restore; a sharded one that Atlas refuses is explained', async ({
    page,
    sandbox,
  }) => {
    await test.step('an operator cancels a restore in progress, after confirming', async () => {
      const job = await startAutomated(page, GROUPS.paymentsProd, STAGING)
      await page.goto(job.path)
      await expect(stateOf(page)).toContainText('In progress')
      await cancelButton(page).click()
      const dialog = page.getByRole('dialog', {
        name: 'Cancel this restore?',
      })
      await expect(dialog).toContainText(
        `Atlas stops the restore of ${RS} onto ${STAGING}.`,
      )
      await dialog.getByRole('button', { name: 'Keep it running' }).click()
      await expect(dialog).toBeHidden()
      await cancelButton(page).click()
      await dialog.getByRole('button', { name: 'Cancel the restore' }).click()
      await expect(dialog).toBeHidden()
      await expect(stateOf(page)).toContainText('Cancelled', {
        timeout: 20_000,
      })
      await expect(cancelButton(page)).toBeDisabled()
      await expect(region(page, 'Cancel')).toContainText(
        'This restore job has already finished (it is cancelled); there is nothing to cancel.',
      )
    })

    await test.step('Atlas refuses to cancel a sharded restore under way: its reason is shown', async () => {
      const job = await startAutomated(
        page,
        GROUPS.paymentsProd,
        SHARDED,
        SHARDED,
      )
      // Past the sandbox's queue: the restore has started.
      await sandbox.advanceClock({ seconds: 5 })
      await page.goto(job.path)
      await cancelButton(page).click()
      const dialog = page.getByRole('dialog', {
        name: 'Cancel this restore?',
      })
      await dialog.getByRole('button', { name: 'Cancel the restore' }).click()
      const refusal = dialog.getByRole('alert')
      await expect(refusal).toContainText('The restore was not cancelled.')
      await expect(refusal).toContainText(
        'a restore of a sharded cluster cannot be cancelled once it has started',
      )
      await expect(refusal).toContainText(
        '405 ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED',
      )
      await dialog.getByRole('button', { name: 'Keep it running' }).click()
      await expect(stateOf(page)).toContainText('In progress')
    })
  })

  test('a viewer sees the cancel disabled, with the role it needs', async ({
    page,
    signIn,
    expectNoAxeViolations,
  }) => {
    const job = await startAutomated(page, GROUPS.paymentsProd, STAGING)
    const { csrfToken } = await bffGet<{ csrfToken: string }>(
      page,
      '/api/session',
    )
    const viewer = {
      name: `viewer-${Date.now()}`,
      password: 'viewer-password-123',
    }
    const res = await page.request.post('/api/users', {
      data: { ...viewer, role: 'viewer' },
      headers: { 'x-csrf-token': csrfToken },
    })
    expect(res.ok(), await res.text()).toBe(true)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await signIn(viewer.name, viewer.password)
    await page.goto(job.path)
    await expect(stateOf(page)).toContainText('In progress')
    await expect(cancelButton(page)).toBeDisabled()
    await expect(region(page, 'Cancel')).toContainText(
      'Cancelling a restore needs the operator or admin role.',
    )
    await expectNoAxeViolations()
  })

  test('injected 429s while watching do not break the job page', async ({
    page,
    sandbox,
  }) => {
    const job = await startAutomated(page, GROUPS.paymentsProd, STAGING)
    await page.goto(job.path)
    await expect(stateOf(page)).toContainText('In progress')
    // The page's own reads are done; now Atlas answers the job's polls with 429s.
    await expect(region(page, 'Details')).toContainText('payments-prod /')
    // Only this job's path: jobs of earlier tests, still polled, must not use the faults up.
    await sandbox.control('POST', '/faults', {
      path: `restoreJobs/${job.id}`,
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      times: 6,
    })
    await expect(
      page.getByText(/^Atlas did not answer the last check of this job/),
    ).toBeVisible({ timeout: 20_000 })
    await expect(stateOf(page)).toContainText('In progress')
    await sandbox.advanceClock({ minutes: 30 })
    await expect(stateOf(page)).toContainText('Completed', { timeout: 30_000 })
    await expect(
      page.getByText(/^Atlas did not answer the last check of this job/),
    ).toBeHidden()
    await expect(region(page, 'After the restore')).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Restore of ${RS} onto ${STAGING}`,
    )
  })

  test('a download shows its link and the time left, counting down', async ({
    page,
    sandbox,
    expectNoAxeViolations,
  }) => {
    const job = await startRestore(page, {
      deliveryType: 'download',
      snapshotId: await latestSnapshotId(page),
    })
    await page.goto(job.path)
    await expect(
      page.getByRole('heading', { level: 1, name: `Download of ${RS}` }),
    ).toBeVisible()
    const download = region(page, 'Download link')
    await expect(download).toContainText('Atlas is preparing the archive')
    await sandbox.advanceClock({ minutes: 30 })
    await expect(stateOf(page)).toContainText('Download ready', {
      timeout: 20_000,
    })
    const link = download.getByRole('link', {
      name: `Download ${RS} snapshot archive`,
    })
    await expect(link).toBeVisible()
    const res = await page.request.get((await link.getAttribute('href')) ?? '')
    expect(res.status()).toBe(200)

    const countdown = download.getByText(/^The link expires at/)
    await expect(countdown).toHaveText(/ UTC, in 3 h \d+ min( \d+ s)?\.$/)
    const before = await countdown.textContent()
    await expect(countdown).not.toHaveText(before ?? '', { timeout: 3_000 })
    await expect(region(page, 'After the download')).toContainText(
      'Download the archive before the link expires at',
    )
    await expectNoAxeViolations()
  })

  test('a Flex restore: no cancel in Atlas, said so; it completes live', async ({
    page,
    sandbox,
    expectNoAxeViolations,
  }) => {
    const backup = `/api/atlas/v2/groups/${GROUPS.analytics}/flexClusters/reports-flex/backup`
    const snapshots = await bffGet<{
      results: { id: string; status: string }[]
    }>(page, `${backup}/snapshots`)
    const snapshotId =
      snapshots.results.find((s) => s.status === 'COMPLETED')?.id ?? ''
    const id = await post(page, `${backup}/restoreJobs`, {
      snapshotId,
      targetDeploymentItemName: 'scratch-flex',
      targetProjectId: GROUPS.devTools,
      confirmTargetName: 'scratch-flex',
    })
    await page.goto(`/restores/flex/${GROUPS.analytics}/reports-flex/${id}`)
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: 'Restore of reports-flex onto scratch-flex',
      }),
    ).toBeVisible()
    await expect(cancelButton(page)).toBeDisabled()
    await expect(region(page, 'Cancel')).toContainText(
      'Atlas offers no way to cancel a Flex restore; wait for it to finish.',
    )
    await expect(region(page, 'Details')).toContainText(
      'dev-tools / scratch-flex',
    )
    await expectNoAxeViolations()
    await sandbox.advanceClock({ minutes: 30 })
    await expect(stateOf(page)).toContainText('Completed', { timeout: 20_000 })
    await expect(region(page, 'After the restore')).toContainText(
      'Reconnect your applications to dev-tools / scratch-flex',
    )
    await expect(region(page, 'Atlas’s record')).toContainText('COMPLETED')
  })

  test('a job started outside the console opens by its link and says so', async ({
    page,
  }) => {
    const jobs = await bffGet<{ results: { id: string }[] }>(page, rsJobs)
    // The sandbox seeds past restore jobs, made before the console ever ran.
    expect(jobs.results.length).toBeGreaterThan(0)
    const seeded = { id: jobs.results.at(-1)?.id ?? '' }
    await page.goto(
      `/restores/dedicated/${GROUPS.paymentsProd}/${RS}/${seeded.id}`,
    )
    await expect(region(page, 'Details')).toContainText(
      'outside Backup Console (the Atlas UI, CLI or API)',
    )
    await expect(region(page, 'Details')).toContainText(seeded.id)
    await expect(
      page.getByText('Live: updates appear as Atlas reports them'),
    ).toBeVisible()
  })
})
