import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

type Fixtures = {
  /** Runs axe on the page as it is now; fails the test on any WCAG 2.x A/AA violation. */
  expectNoAxeViolations: (page?: Page) => Promise<void>
}

export const test = base.extend<Fixtures>({
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
})

export { expect }
