import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

import { E2E_ADMIN_PASSWORD } from '../playwright.config'

/** The embedded sandbox's test controls (clock, faults, reset, lineage): see src/sandbox/routes/controls.ts. */
export type SandboxControls = {
  control: (
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ) => Promise<unknown>
  advanceClock: (by: {
    seconds?: number
    minutes?: number
    hours?: number
    days?: number
  }) => Promise<void>
  reset: () => Promise<void>
}

type Fixtures = {
  sandbox: SandboxControls
  /** Runs axe on the page as it is now; fails the test on any WCAG 2.x A/AA violation. */
  expectNoAxeViolations: (page?: Page) => Promise<void>
  /** Signs in through the sign-in page, as a person would. */
  signIn: (username?: string, password?: string) => Promise<void>
}

export const test = base.extend<Fixtures>({
  sandbox: async ({ request }, use) => {
    const base = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? ''}/sandbox`
    const control: SandboxControls['control'] = async (method, path, body) => {
      const res = await request.fetch(`${base}${path}`, {
        method,
        ...(body === undefined ? {} : { data: body }),
      })
      if (!res.ok())
        throw new Error(
          `sandbox ${method} ${path}: ${res.status()} ${await res.text()}`,
        )
      return res.status() === 204 ? undefined : ((await res.json()) as unknown)
    }
    await use({
      control,
      advanceClock: async (by) => {
        await control('POST', '/clock/advance', by)
      },
      reset: async () => {
        await control('POST', '/reset')
      },
    })
  },
  expectNoAxeViolations: async ({ page }, use) => {
    await use(async (target = page) => {
      const results = await new AxeBuilder({ page: target })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze()
      expect(
        results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
      ).toEqual([])
    })
  },
  signIn: async ({ page }, use) => {
    await use(async (username = 'admin', password = E2E_ADMIN_PASSWORD) => {
      if (!page.url().includes('/sign-in')) await page.goto('/sign-in')
      await page.getByLabel('Username').fill(username)
      await page.getByLabel('Password').fill(password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page.getByText(`Signed in as ${username}`)).toBeVisible()
    })
  },
})

export { expect }
