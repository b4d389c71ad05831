import { expect, test } from './fixtures'

test('signing in leads to the console, and the sign-in page is accessible', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/sign-in$/)
  await expect(
    page.getByRole('heading', { name: 'Sign in to Backup Console' }),
  ).toBeVisible()
  await expectNoAxeViolations()
  await signIn()
  await expect(page).toHaveURL('/')
  await expect(
    page.getByRole('heading', { name: 'Clusters', level: 1 }),
  ).toBeVisible()
  await expect(
    page.getByRole('table', { name: /^Clusters \(\d+\)/ }),
  ).toBeVisible()
  await expectNoAxeViolations()
})

test('a wrong password is refused next to the field', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByLabel('Username').fill('admin')
  await page.getByLabel('Password').fill('not the password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'The username or password is wrong.',
  )
  await expect(page.getByLabel('Password')).toHaveAttribute(
    'aria-invalid',
    'true',
  )
})

test('a deep link survives sign-in, and an unknown address says so', async ({
  page,
  signIn,
}) => {
  await page.goto('/no/such/page')
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fno%2Fsuch%2Fpage$/)
  await signIn()
  await expect(page).toHaveURL('/no/such/page')
  await expect(
    page.getByRole('heading', { name: 'Page not found' }),
  ).toBeVisible()
  await page.getByRole('link', { name: 'Go home' }).click()
  await expect(page).toHaveURL('/')
})
