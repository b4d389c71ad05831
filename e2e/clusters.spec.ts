import { expect, test } from './fixtures'

const ANALYTICS = '6650a1b2c3d4e5f600000002'
const seeded = [
  'payments-rs',
  'payments-sharded',
  'payments-staging',
  'ledger-archive',
  'events-nvme',
  'warehouse-sharded',
  'legacy-reporting',
  'reports-flex',
  'dev-serverless',
  'scratch-flex',
  'failing-restore-target',
]

test.describe('cluster list', () => {
  test.beforeEach(async ({ sandbox, signIn }) => {
    await sandbox.reset()
    await signIn()
  })

  test('shows every seeded cluster and its backup state, worst RPO first', async ({
    page,
    expectNoAxeViolations,
  }) => {
    const table = page.getByRole('table', { name: /^Clusters \(11\)/ })
    await expect(table).toBeVisible()
    for (const name of seeded) {
      await expect(table.getByRole('link', { name, exact: true })).toBeVisible()
    }
    const legacy = table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'legacy-reporting' }) })
    await expect(legacy).toContainText('Backup off')
    await expect(legacy).toContainText('No backup')
    // No backup at all is the worst achievable RPO: it heads the default order.
    await expect(table.getByRole('row').nth(1)).toContainText(
      'legacy-reporting',
    )
    await expect(
      table.getByRole('columnheader', { name: 'Achievable RPO' }),
    ).toHaveAttribute('aria-sort', 'descending')
    const payments = table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'payments-rs' }) })
    await expect(payments).toContainText('On · 7-day window')
    await expect(payments).toContainText('continuous backup')
    await expect(
      page.getByRole('button', { name: '1 cluster with backup off' }),
    ).toBeVisible()
    await expectNoAxeViolations()
  })

  test('sorting and filters are in the URL and survive reload and back', async ({
    page,
  }) => {
    const table = page.getByRole('table', { name: /^Clusters/ })
    await table.getByRole('button', { name: 'Name', exact: true }).click()
    await expect(page).toHaveURL(/\?sort=name$/)
    await expect(
      table.getByRole('columnheader', { name: 'Name' }),
    ).toHaveAttribute('aria-sort', 'ascending')
    await expect(table.getByRole('row').nth(1)).toContainText('dev-serverless')
    await table.getByRole('button', { name: 'Name', exact: true }).click()
    await expect(page).toHaveURL(/sort=name&dir=desc/)
    await expect(table.getByRole('row').nth(1)).toContainText(
      'warehouse-sharded',
    )

    await page
      .getByLabel('Project', { exact: true })
      .selectOption({ label: 'analytics' })
    await expect(page).toHaveURL(new RegExp(`project=${ANALYTICS}`))
    await expect(
      page.getByRole('table', { name: /^Clusters \(4\)/ }),
    ).toBeVisible()
    await page.getByLabel('Type').selectOption({ label: 'Flex' })
    await expect(page).toHaveURL(/type=flex/)
    await expect(
      page.getByRole('table', { name: /^Clusters \(1\)/ }),
    ).toBeVisible()
    await expect(
      table.getByRole('link', { name: 'reports-flex' }),
    ).toBeVisible()

    await page.reload()
    await expect(page.getByLabel('Type')).toHaveValue('flex')
    await expect(page.getByLabel('Project', { exact: true })).toHaveValue(
      ANALYTICS,
    )
    await expect(
      page.getByRole('table', { name: /^Clusters \(1\)/ }),
    ).toBeVisible()

    await page.goBack()
    await expect(page).not.toHaveURL(/type=flex/)
    await expect(
      page.getByRole('table', { name: /^Clusters \(4\)/ }),
    ).toBeVisible()

    await page.getByRole('button', { name: 'Clear filters' }).click()
    await page.getByLabel('Search').fill('sharded')
    await expect(page).toHaveURL(/q=sharded/)
    await expect(
      page.getByRole('table', { name: /^Clusters \(2\)/ }),
    ).toBeVisible()
    await page
      .getByRole('button', { name: '1 cluster with backup off' })
      .click()
    await expect(
      page.getByRole('status').filter({ hasText: 'No cluster matches' }),
    ).toBeVisible()
  })

  test('a cluster links to its snapshots', async ({ page }) => {
    await page.getByRole('link', { name: 'payments-rs', exact: true }).click()
    await expect(
      page.getByRole('heading', { name: 'payments-rs: snapshots' }),
    ).toBeVisible()
  })

  test('the current project, switched in the header, follows the operator across pages', async ({
    page,
    expectNoAxeViolations,
  }) => {
    const switcher = page.getByLabel('Current project')
    await expect(switcher).toHaveValue('')
    await switcher.selectOption({ label: 'analytics' })
    await expect(page).toHaveURL(new RegExp(`/\\?project=${ANALYTICS}$`))
    await expect(
      page.getByRole('table', { name: /^Clusters \(4\)/ }),
    ).toBeVisible()
    await expect(page.getByLabel('Project', { exact: true })).toHaveValue(
      ANALYTICS,
    )
    await expectNoAxeViolations()

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Restores' })
      .click()
    await expect(page).toHaveURL(
      new RegExp(`/restores\\?project=${ANALYTICS}$`),
    )
    await expect(switcher).toHaveValue(ANALYTICS)

    // From a cluster's own page, the project is the cluster's; switching leads to its list.
    await page.goto(
      '/projects/6650a1b2c3d4e5f600000001/clusters/payments-rs/snapshots',
    )
    await expect(switcher).toHaveValue('6650a1b2c3d4e5f600000001')
    await switcher.selectOption({ label: 'All projects' })
    await expect(page).toHaveURL(/\/$/)
    await expect(
      page.getByRole('table', { name: /^Clusters \(11\)/ }),
    ).toBeVisible()
  })

  test('an upstream outage keeps the list on screen and says how old it is', async ({
    page,
    sandbox,
    expectNoAxeViolations,
  }) => {
    await expect(page.getByRole('table', { name: /^Clusters/ })).toBeVisible()
    await sandbox.control('POST', '/faults', {
      path: '/groups$',
      kind: 'status',
      status: 503,
    })
    try {
      await page.getByRole('button', { name: 'Refresh' }).click()
      const banner = page.getByRole('alert').filter({
        hasText: 'Atlas is not answering normally',
      })
      await expect(banner).toBeVisible({ timeout: 20_000 })
      await expect(banner).toContainText('Showing data from')
      await expect(page.getByRole('table', { name: /^Clusters/ })).toBeVisible()
      await expectNoAxeViolations()
    } finally {
      await sandbox.control('DELETE', '/faults')
    }
    await page.getByRole('button', { name: 'Try again' }).click()
    await expect(page.getByRole('alert')).toHaveCount(0)
  })
})
