import { expect, test } from './fixtures'
import { GROUPS, RestoreWizardPage } from './pages/restore-wizard'
import {
  type Job,
  RS,
  STAGING,
  bffGet,
  createdJobId,
  finishJob,
  lineage,
  rsJobs,
  sandboxNow,
} from './restore-sandbox'

// Issue 7: every R1–R8 refusal shown at its edge, one job however often the submit is
// pressed, and a failing restore.

test.describe('restore wizard: refusals and failures', () => {
  test.use({ timezoneId: 'Europe/Berlin' })

  test.beforeEach(async ({ sandbox, signIn }) => {
    await sandbox.reset()
    await signIn()
  })

  test('shows delivery types a source cannot use disabled, with the reason (R1, R6)', async ({
    page,
    expectNoAxeViolations,
  }) => {
    const wizard = new RestoreWizardPage(page)
    await wizard.open()

    await test.step('no continuous backup: no point in time', async () => {
      await wizard.chooseSource('payments-prod', STAGING)
      await expect(wizard.fromPointInTime).toBeDisabled()
      await expect(
        page.getByText(
          'Restoring to a point in time needs continuous cloud backup, which is not enabled on this cluster.',
        ),
      ).toBeVisible()
      await wizard.fromSnapshot.check()
      await wizard.latestRestorableSnapshot.check()
      await wizard.next.click()
      await expect(wizard.deliveryType('Point in time')).toBeDisabled()
      await expect(wizard.deliveryType('Automated restore')).toBeEnabled()
      await expect(wizard.deliveryType('Download')).toBeEnabled()
      await expect(
        page.getByText(
          'Not available: Restoring to a point in time needs continuous cloud backup, which is not enabled on this cluster.',
        ),
      ).toBeVisible()
      await expectNoAxeViolations()
    })

    await test.step('Flex: automated only', async () => {
      await wizard.back.click()
      await wizard.chooseLatestSnapshot('analytics', 'reports-flex')
      await wizard.next.click()
      await expect(wizard.deliveryType('Automated restore')).toBeEnabled()
      await expect(wizard.deliveryType('Download')).toBeDisabled()
      await expect(
        page.getByText(
          'Not available: Downloading a snapshot is not available for Flex clusters; they support automated restores only.',
        ),
      ).toBeVisible()
      await expect(wizard.deliveryType('Point in time')).toBeDisabled()
    })

    await test.step('serverless: no download (R5)', async () => {
      await wizard.back.click()
      await wizard.chooseLatestSnapshot('dev-tools', 'dev-serverless')
      await wizard.next.click()
      await expect(wizard.deliveryType('Download')).toBeDisabled()
      await expect(
        page.getByText(
          'Not available: Downloading a snapshot is not available for serverless instances.',
        ),
      ).toBeVisible()
      await expect(wizard.deliveryType('Automated restore')).toBeEnabled()
    })
  })

  test('refuses an instant one second before the restore window, naming the range (R4)', async ({
    page,
    sandbox,
    expectNoAxeViolations,
  }) => {
    const wizard = new RestoreWizardPage(page)
    const now = Math.floor((await sandboxNow(sandbox)).getTime() / 1000)
    const startOfWindow = now - 7 * 86_400
    const text = (seconds: number) =>
      new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')
    await wizard.open()
    await wizard.chooseSource('payments-prod', RS)
    await wizard.fromPointInTime.check()
    await wizard.next.click()
    await wizard.next.click()
    await wizard.dateTime.fill(text(startOfWindow - 1))
    await wizard.next.click()
    await expect(page.getByRole('alert')).toContainText(
      `The instant ${text(startOfWindow - 1)} UTC lies outside the restore window (`,
    )
    await expect(wizard.dateTime).toHaveAttribute('aria-invalid', 'true')
    await expect(
      page.getByText(/Chosen instant: .* before the window\./),
    ).toBeVisible()
    await expectNoAxeViolations()
    await wizard.dateTime.fill(text(startOfWindow + 120))
    await wizard.next.click()
    await expect(wizard.stepHeading).toHaveText('Step 4 of 5: Target')
  })

  test('refuses a 3-shard snapshot onto a 2-shard cluster in the pre-flight check (R7)', async ({
    page,
    expectNoAxeViolations,
  }) => {
    const wizard = new RestoreWizardPage(page)
    await wizard.open()
    await wizard.chooseLatestSnapshot('payments-prod', 'payments-sharded')
    await wizard.next.click()
    await wizard.deliveryType('Automated restore').check()
    await wizard.next.click()
    await wizard.chooseTarget('analytics', 'warehouse-sharded')
    await expect(wizard.preflightLine('Topology')).toContainText(
      'Fail: Topology. The snapshot holds 3 shards but warehouse-sharded has 2',
    )
    await expect(wizard.preflight.getByRole('status')).toHaveText(
      '1 check fails: the restore cannot go ahead.',
    )
    await expect(wizard.next).toBeDisabled()
    await expect(
      page.getByText(
        /^The restore cannot go ahead: The snapshot holds 3 shards/,
      ),
    ).toBeVisible()
    await expectNoAxeViolations()
  })

  test('needs the exact target name, and a double click or a retry makes one job (R8)', async ({
    page,
    sandbox,
  }) => {
    const wizard = new RestoreWizardPage(page)
    const before = await bffGet<{ results: Job[] }>(
      page,
      `${rsJobs}?itemsPerPage=500`,
    )
    await wizard.open()
    await wizard.chooseLatestSnapshot('payments-prod', RS)
    await wizard.next.click()
    await wizard.deliveryType('Automated restore').check()
    await wizard.next.click()
    await wizard.chooseTarget('payments-prod', STAGING)
    await expect(wizard.preflight.getByRole('status')).toHaveText(
      /All checks pass/,
    )
    await wizard.next.click()

    await test.step('the submit waits for the exact, case-sensitive name', async () => {
      await expect(wizard.submit).toBeDisabled()
      await wizard.confirmName.fill('Payments-Staging')
      await expect(wizard.submit).toBeDisabled()
      await wizard.confirmName.fill(`${STAGING} `)
      await expect(wizard.submit).toBeDisabled()
      await wizard.confirmName.fill(STAGING)
      await expect(wizard.submit).toBeEnabled()
    })

    await test.step('an upstream failure is shown with its request id; the retry reuses the key', async () => {
      await sandbox.control('POST', '/faults', {
        method: 'POST',
        path: 'restoreJobs$',
        kind: 'status',
        status: 503,
        times: 1,
      })
      await wizard.submit.click()
      const alert = page
        .getByRole('alert')
        .filter({ hasText: 'The restore was not started.' })
      await expect(alert).toContainText('Request id:')
      await wizard.submit.dblclick()
    })

    const jobId = await createdJobId(page)

    await test.step('going back and submitting again shows the same job', async () => {
      await page.goBack()
      await expect(
        page.getByText(
          `This exact restore was already started as job ${jobId}`,
        ),
      ).toBeVisible()
      await wizard.confirmName.fill(STAGING)
      await wizard.submit.click()
      await expect(page).toHaveURL(new RegExp(`${jobId}$`))
    })

    const after = await bffGet<{ results: Job[] }>(
      page,
      `${rsJobs}?itemsPerPage=500`,
    )
    expect(after.results.length - before.results.length).toBe(1)
    await finishJob(page, sandbox, jobId)
  })

  test('shows that a restore onto failing-restore-target failed', async ({
    page,
    sandbox,
  }) => {
    const wizard = new RestoreWizardPage(page)
    await wizard.open()
    await wizard.chooseLatestSnapshot('payments-prod', RS)
    await wizard.next.click()
    await wizard.deliveryType('Automated restore').check()
    await wizard.next.click()
    await wizard.chooseTarget('dev-tools', 'failing-restore-target')
    await expect(wizard.preflight.getByRole('status')).toHaveText(
      /All checks pass/,
    )
    await wizard.next.click()
    await wizard.confirmName.fill('failing-restore-target')
    await wizard.submit.click()
    const job = await finishJob(page, sandbox, await createdJobId(page))
    expect(job.failed).toBe(true)
    // A failed restore replaced nothing: the target still holds its own data only.
    const segments = await lineage(
      sandbox,
      GROUPS.devTools,
      'failing-restore-target',
    )
    expect(segments.map((seg) => seg.clusterName)).toEqual([
      'failing-restore-target',
    ])
  })
})
