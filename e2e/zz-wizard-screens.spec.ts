import { test } from './fixtures'
import { RestoreWizardPage } from './pages/restore-wizard'

test('screens', async ({ page, sandbox, signIn }) => {
  await sandbox.reset()
  await signIn()
  await page.setViewportSize({ width: 1280, height: 1400 })
  const wizard = new RestoreWizardPage(page)
  await wizard.open()
  await wizard.chooseLatestSnapshot('payments-prod', 'payments-staging')
  await page.screenshot({ path: '/tmp/w-source.png', fullPage: true })
  await wizard.next.click()
  await page.screenshot({ path: '/tmp/w-delivery.png', fullPage: true })
  await wizard.open()
  await wizard.chooseSource('payments-prod', 'payments-rs')
  await wizard.fromPointInTime.check()
  await wizard.next.click()
  await wizard.next.click()
  await wizard.dateTime.fill('2026-11-01 00:00:00')
  await wizard.next.click()
  await page.screenshot({ path: '/tmp/w-pit.png', fullPage: true })
})
