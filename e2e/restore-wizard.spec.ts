import { expect, test } from './fixtures'
import { GROUPS, RestoreWizardPage } from './pages/restore-wizard'
import {
  RS,
  STAGING,
  bffGet,
  createdJobId,
  finishJob,
  lineage,
  sandboxNow,
} from './restore-sandbox'

// Issue 7: complete restores through the wizard, each proven by the sandbox's data lineage
// (automated, point in time by date-time and by oplog, download, Flex, with a safety
// snapshot first), and axe on every step.

test.describe('restore wizard: complete restores', () => {
  test.use({ timezoneId: 'Europe/Berlin' })

  test.beforeEach(async ({ sandbox, signIn }) => {
    await sandbox.reset()
    await signIn()
  })

  test('restores payments-rs’s latest snapshot onto payments-staging, every step accessible', async ({
    page,
    sandbox,
    expectNoAxeViolations,
  }) => {
    const wizard = new RestoreWizardPage(page)
    let snapshotId = ''

    await test.step('source: payments-rs and its latest completed snapshot', async () => {
      await wizard.open()
      await expect(wizard.stepHeading).toHaveText('Step 1 of 4: Source')
      await expect(wizard.steps.getByText('1. Source')).toHaveAttribute(
        'aria-current',
        'step',
      )
      await wizard.chooseSource('payments-prod', RS)
      await wizard.fromSnapshot.check()
      await expect(wizard.snapshots.first()).toBeVisible()
      await wizard.latestRestorableSnapshot.check()
      snapshotId = await wizard.latestRestorableSnapshot.inputValue()
      await expectNoAxeViolations()
      await wizard.next.click()
    })

    await test.step('delivery: automated', async () => {
      await expect(wizard.stepHeading).toHaveText('Step 2 of 4: Delivery type')
      await expect(page).toHaveURL(new RegExp(`snapshotId=${snapshotId}`))
      await wizard.deliveryType('Automated restore').check()
      await expectNoAxeViolations()
      await wizard.next.click()
    })

    await test.step('target: payments-staging passes the pre-flight check', async () => {
      await expect(wizard.stepHeading).toHaveText('Step 3 of 4: Target')
      await wizard.chooseTarget('payments-prod', STAGING)
      await expect(wizard.preflight.getByRole('status')).toHaveText(
        /All checks pass/,
      )
      await expect(wizard.preflightLine('Topology')).toContainText('Pass')
      await expectNoAxeViolations()
      await wizard.next.click()
    })

    await test.step('back keeps every answer; reload keeps them too', async () => {
      await expect(wizard.stepHeading).toHaveText(
        'Step 4 of 4: Review and confirm',
      )
      await wizard.back.click()
      await expect(wizard.targetCluster).toHaveValue(STAGING)
      await page.goBack()
      await expect(wizard.stepHeading).toHaveText(
        'Step 4 of 4: Review and confirm',
      )
      await page.reload()
      await expect(wizard.stepHeading).toHaveText(
        'Step 4 of 4: Review and confirm',
      )
    })

    await test.step('review: blast radius, exact request, typed confirmation', async () => {
      await expect(
        page.getByText(
          `All existing data on ${STAGING} (project payments-prod) will be deleted and it will be unavailable during the restore.`,
        ),
      ).toBeVisible()
      await expect(wizard.submit).toBeDisabled()
      await wizard.confirmName.fill(STAGING)
      expect(await wizard.requestBody()).toEqual({
        deliveryType: 'automated',
        snapshotId,
        targetGroupId: GROUPS.paymentsProd,
        targetClusterName: STAGING,
        confirmTargetName: STAGING,
      })
      await expectNoAxeViolations()
      await wizard.submit.click()
    })

    await test.step('the restore finishes and payments-staging holds payments-rs’s snapshot', async () => {
      const jobId = await createdJobId(page)
      const job = await finishJob(page, sandbox, jobId)
      expect(job.failed).not.toBe(true)
      const snapshot = await bffGet<{ createdAt: string }>(
        page,
        `/api/atlas/v2/groups/${GROUPS.paymentsProd}/clusters/${RS}/backup/snapshots/${snapshotId}`,
      )
      const [own, origin] = await lineage(sandbox, GROUPS.paymentsProd, STAGING)
      expect(own?.clusterName).toBe(STAGING)
      expect(origin).toMatchObject({
        groupId: GROUPS.paymentsProd,
        clusterName: RS,
      })
      expect(Date.parse(origin?.to ?? '')).toBe(Date.parse(snapshot.createdAt))
    })
  })

  test('restores payments-rs to a date-time, typed in UTC with local time beside it', async ({
    page,
    sandbox,
    expectNoAxeViolations,
  }) => {
    const wizard = new RestoreWizardPage(page)
    const now = await sandboxNow(sandbox)
    const instant = Math.floor(now.getTime() / 1000) - 3 * 3600
    const utcText = new Date(instant * 1000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ')

    await test.step('source: a point in time of payments-rs', async () => {
      await wizard.open()
      await wizard.chooseSource('payments-prod', RS)
      await wizard.fromPointInTime.check()
      await wizard.next.click()
      await expect(wizard.deliveryType('Point in time')).toBeChecked()
      await expect(wizard.deliveryType('Automated restore')).toBeDisabled()
      await wizard.next.click()
    })

    await test.step('point in time: the instant, in UTC, converted beside it', async () => {
      await expect(wizard.stepHeading).toHaveText('Step 3 of 5: Point in time')
      await expect(wizard.windowBar).toBeVisible()
      await wizard.dateTime.fill(utcText)
      const berlin = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Berlin',
        dateStyle: 'short',
        timeStyle: 'medium',
      }).format(new Date(instant * 1000))
      await expect(page.getByText(`Local: ${berlin}`)).toBeVisible()
      await expect(page.getByText(`Epoch seconds: ${instant}`)).toBeVisible()
      await expectNoAxeViolations()
      await wizard.typeInLocal.check()
      await expect(wizard.dateTime).toHaveValue(berlin)
      await wizard.next.click()
    })

    await test.step('target and review', async () => {
      await wizard.chooseTarget('payments-prod', STAGING)
      await expect(wizard.preflight.getByRole('status')).toHaveText(
        /All checks pass/,
      )
      await wizard.next.click()
      await wizard.confirmName.fill(STAGING)
      expect(await wizard.requestBody()).toEqual({
        deliveryType: 'pointInTime',
        targetGroupId: GROUPS.paymentsProd,
        targetClusterName: STAGING,
        pointInTimeUTCSeconds: instant,
        confirmTargetName: STAGING,
      })
      await wizard.submit.click()
    })

    await test.step('payments-staging holds payments-rs’s data as of that second', async () => {
      const job = await finishJob(page, sandbox, await createdJobId(page))
      expect(job.failed).not.toBe(true)
      const [, origin] = await lineage(sandbox, GROUPS.paymentsProd, STAGING)
      expect(origin).toMatchObject({
        groupId: GROUPS.paymentsProd,
        clusterName: RS,
      })
      expect(Date.parse(origin?.to ?? '')).toBe(instant * 1000)
    })
  })

  test('restores payments-rs to an oplog entry', async ({ page, sandbox }) => {
    const wizard = new RestoreWizardPage(page)
    const now = await sandboxNow(sandbox)
    const oplogTs = Math.floor(now.getTime() / 1000) - 5 * 3600
    await wizard.open()
    await wizard.chooseSource('payments-prod', RS)
    await wizard.fromPointInTime.check()
    await wizard.next.click()
    await wizard.next.click()

    await test.step('one mode at a time, never half a pair (R4)', async () => {
      await wizard.dateTime.fill('2026-01-01 00:00:00')
      await wizard.oplogMode.check()
      await wizard.oplogTs.fill(String(oplogTs))
      await wizard.next.click()
      await expect(page.getByRole('alert')).toHaveText(
        'oplogInc is required together with oplogTs',
      )
      await wizard.dateMode.check()
      await expect(wizard.dateTime).toHaveValue('')
      await wizard.oplogMode.check()
      await expect(wizard.oplogTs).toHaveValue('')
      await wizard.oplogTs.fill(String(oplogTs))
      await wizard.oplogInc.fill('7')
      await wizard.next.click()
    })

    await wizard.chooseTarget('payments-prod', STAGING)
    await expect(wizard.preflight.getByRole('status')).toHaveText(
      /All checks pass/,
    )
    await wizard.next.click()
    await wizard.confirmName.fill(STAGING)
    expect(await wizard.requestBody()).toMatchObject({ oplogTs, oplogInc: 7 })
    await wizard.submit.click()

    await test.step('lineage: payments-rs’s data as of the oplog second', async () => {
      const job = await finishJob(page, sandbox, await createdJobId(page))
      expect(job.failed).not.toBe(true)
      const [, origin] = await lineage(sandbox, GROUPS.paymentsProd, STAGING)
      expect(origin).toMatchObject({ clusterName: RS })
      expect(Date.parse(origin?.to ?? '')).toBe(oplogTs * 1000)
    })
  })

  test('requests a download without a typed confirmation', async ({
    page,
    sandbox,
    expectNoAxeViolations,
  }) => {
    const wizard = new RestoreWizardPage(page)
    await wizard.open()
    const snapshotId = await wizard.chooseLatestSnapshot('payments-prod', RS)
    await wizard.next.click()
    await wizard.deliveryType('Download').check()
    await wizard.next.click()
    await expect(wizard.stepHeading).toHaveText(
      'Step 3 of 3: Review and confirm',
    )
    await expect(wizard.confirmName).toBeHidden()
    await expect(wizard.submit).toHaveText('Request the download')
    await expect(wizard.submit).toBeEnabled()
    expect(await wizard.requestBody()).toEqual({
      deliveryType: 'download',
      snapshotId,
    })
    await expectNoAxeViolations()
    await wizard.submit.click()
    const job = await finishJob(page, sandbox, await createdJobId(page))
    expect(job.deliveryType).toBe('download')
    expect((job.deliveryUrl as string[]).length).toBeGreaterThan(0)
  })

  test('restores a Flex snapshot onto a Flex cluster of another project (R6)', async ({
    page,
    sandbox,
  }) => {
    const wizard = new RestoreWizardPage(page)
    await wizard.open()
    const snapshotId = await wizard.chooseLatestSnapshot(
      'analytics',
      'reports-flex',
    )
    await wizard.next.click()
    await wizard.deliveryType('Automated restore').check()
    await wizard.next.click()
    await wizard.chooseTarget('dev-tools', 'scratch-flex')
    await expect(wizard.preflight.getByRole('status')).toHaveText(
      /All checks pass/,
    )
    await wizard.next.click()
    await wizard.confirmName.fill('scratch-flex')
    expect(await wizard.requestBody()).toEqual({
      snapshotId,
      targetDeploymentItemName: 'scratch-flex',
      targetProjectId: GROUPS.devTools,
      confirmTargetName: 'scratch-flex',
    })
    await wizard.submit.click()
    const jobId = await createdJobId(
      page,
      'flex',
      GROUPS.analytics,
      'reports-flex',
    )
    const flexBackup = `/api/atlas/v2/groups/${GROUPS.analytics}/flexClusters/reports-flex/backup`
    const job = await finishJob(
      page,
      sandbox,
      jobId,
      `${flexBackup}/restoreJobs`,
    )
    expect(job.status).toBe('COMPLETED')
    const snapshot = await bffGet<{ scheduledTime: string }>(
      page,
      `${flexBackup}/snapshots/${snapshotId}`,
    )
    const [, origin] = await lineage(sandbox, GROUPS.devTools, 'scratch-flex')
    expect(origin).toMatchObject({
      groupId: GROUPS.analytics,
      clusterName: 'reports-flex',
    })
    expect(Date.parse(origin?.to ?? '')).toBe(
      Date.parse(snapshot.scheduledTime),
    )
  })

  test('takes an on-demand snapshot of the target first, then restores (S1)', async ({
    page,
    sandbox,
  }) => {
    const wizard = new RestoreWizardPage(page)
    const stagingSnapshots = `/api/atlas/v2/groups/${GROUPS.paymentsProd}/clusters/${STAGING}/backup/snapshots`
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
    await expect(wizard.snapshotFirst).toBeEnabled()
    await wizard.snapshotFirst.check()
    await wizard.confirmName.fill(STAGING)
    await wizard.submit.click()
    await expect(
      page.getByText(
        /^Step 1 of 2: taking an on-demand snapshot of payments-staging/,
      ),
    ).toBeVisible()
    await expect(wizard.submit).toBeDisabled()
    await expect
      .poll(
        async () => {
          await sandbox.advanceClock({ minutes: 1 })
          return page.url()
        },
        { timeout: 40_000, intervals: [2_000] },
      )
      .toMatch(/\/restores\/dedicated\/.+\/[a-f0-9]{24}$/)
    const snapshots = await bffGet<{
      results: {
        description?: string
        status?: string
        snapshotType?: string
      }[]
    }>(page, `${stagingSnapshots}?itemsPerPage=500`)
    expect(
      snapshots.results.filter(
        (s) =>
          s.snapshotType === 'onDemand' &&
          s.description === `Before a restore into ${STAGING} (Backup Console)`,
      ),
    ).toEqual([expect.objectContaining({ status: 'completed' })])
    await finishJob(page, sandbox, await createdJobId(page))
  })
})

const NVME = 'events-nvme'

test.describe('restore wizard: serverless', () => {
  test.beforeEach(async ({ sandbox, signIn }) => {
    await sandbox.reset()
    await signIn()
  })

  test('restores a serverless snapshot onto a replica set; no download offered (R5, R7)', async ({
    page,
    sandbox,
    expectNoAxeViolations,
  }) => {
    const wizard = new RestoreWizardPage(page)
    await wizard.open()
    const snapshotId = await wizard.chooseLatestSnapshot(
      'dev-tools',
      'dev-serverless',
    )
    await wizard.next.click()
    const download = wizard.deliveryType('Download')
    await expect(download).toBeDisabled()
    await expect(download).toHaveAccessibleDescription(
      /not available for serverless instances/,
    )
    await wizard.deliveryType('Automated restore').check()
    await wizard.next.click()
    // An older MongoDB on the target blocks the wizard, with the reason.
    await wizard.chooseTarget('payments-prod', STAGING)
    await expect(wizard.preflightLine('MongoDB version')).toContainText(
      'Fail: MongoDB version. The data runs MongoDB 8.0 but payments-staging runs 7.0',
    )
    await expect(wizard.next).toBeDisabled()
    await wizard.chooseTarget('analytics', NVME)
    await expect(wizard.preflightLine('Kind of deployment')).toContainText(
      'Pass',
    )
    await expect(wizard.preflight.getByRole('status')).not.toHaveText(/fail/i)
    await expectNoAxeViolations()
    await wizard.next.click()
    await wizard.confirmName.fill(NVME)
    expect(await wizard.requestBody()).toMatchObject({
      deliveryType: 'automated',
      snapshotId,
      targetGroupId: GROUPS.analytics,
      targetClusterName: NVME,
    })
    await wizard.submit.click()
    const jobId = await createdJobId(
      page,
      'serverless',
      GROUPS.devTools,
      'dev-serverless',
    )
    const job = await finishJob(
      page,
      sandbox,
      jobId,
      `/api/atlas/v2/groups/${GROUPS.devTools}/serverless/dev-serverless/backup/restoreJobs`,
    )
    expect(job.failed ?? false).toBe(false)
    const [, origin] = await lineage(sandbox, GROUPS.analytics, NVME)
    expect(origin).toMatchObject({
      groupId: GROUPS.devTools,
      clusterName: 'dev-serverless',
    })
  })
})
