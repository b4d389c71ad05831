import { chromium } from '@playwright/test'
const [,, path, out, ...rest] = process.argv
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
const errors = []
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
page.on('pageerror', (e) => errors.push(String(e)))
await page.goto('http://127.0.0.1:18580/sign-in')
await page.getByLabel('Username').fill('admin')
await page.getByLabel('Password').fill('e2e-admin-password-123')
await page.getByRole('button', { name: 'Sign in' }).click()
await page.waitForURL('http://127.0.0.1:18580/')
await page.goto('http://127.0.0.1:18580' + path)
await page.waitForTimeout(2500)
if (rest.includes('hover')) { await page.locator('[data-tick]').nth(3).hover(); await page.waitForTimeout(300) }
await page.screenshot({ path: out, fullPage: true })
console.log('errors', errors)
await browser.close()
