import { expect, test } from './fixtures'

test('the app loads, reaches its server and is accessible', async ({
  page,
  expectNoAxeViolations,
}) => {
  await page.goto('/')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Backup Console' }),
  ).toBeVisible()
  await expect(page.getByRole('status')).toHaveText('Server: ok')
  await expectNoAxeViolations()
})

test('an unknown address shows a page-not-found message', async ({ page }) => {
  await page.goto('/no/such/page')
  await expect(
    page.getByRole('heading', { name: 'Page not found' }),
  ).toBeVisible()
  await page.getByRole('link', { name: 'Go home' }).click()
  await expect(page).toHaveURL('/')
})
