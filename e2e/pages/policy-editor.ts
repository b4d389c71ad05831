import type { Locator, Page } from '@playwright/test'

// The backup policy editor (issue 6) as a page object: getters return Locators found by role
// or label, actions change the policy as an operator would; the specs make the assertions.

export const PROJECTS = {
  paymentsProd: '6650a1b2c3d4e5f600000001',
  analytics: '6650a1b2c3d4e5f600000002',
} as const

export type PolicyItemRow = {
  frequency: Locator
  interval: Locator
  keepFor: Locator
  unit: Locator
  remove: Locator
}

export class PolicyEditorPage {
  constructor(readonly page: Page) {}

  async open(groupId: string, cluster: string): Promise<void> {
    await this.page.goto(`/projects/${groupId}/clusters/${cluster}/policy`)
    await this.hour.waitFor()
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  get hour(): Locator {
    return this.page.getByLabel('Hour (UTC)')
  }

  get minute(): Locator {
    return this.page.getByLabel('Minute (UTC)')
  }

  get localTime(): Locator {
    return this.page.getByText(/^Your local time:/)
  }

  get restoreWindow(): Locator {
    return this.page.getByLabel('Restore window (days)')
  }

  /** Rows count from 1, in the policy's order (the seeded default: hourly, daily, weekly, monthly). */
  item(n: number): PolicyItemRow {
    const label = (what: string) =>
      this.page.getByLabel(`Item ${n} ${what}`, { exact: true })
    return {
      frequency: label('frequency'),
      interval: label('interval'),
      keepFor: label('keep for'),
      unit: label('unit'),
      remove: this.page.getByRole('button', {
        name: new RegExp(`^Remove item ${n} `),
      }),
    }
  }

  addItem(type: 'hourly' | 'daily' | 'weekly' | 'monthly' | 'yearly'): Locator {
    return this.page.getByRole('button', { name: `Add ${type} item` })
  }

  get save(): Locator {
    return this.page.getByRole('button', { name: /^(Save policy|Saving…)$/ })
  }

  get resetToDefault(): Locator {
    return this.page.getByRole('button', { name: 'Reset to default' })
  }

  get confirmation(): Locator {
    return this.page
      .getByRole('status')
      .filter({ hasText: 'Backup policy saved.' })
  }

  get estimate(): Locator {
    return this.page.getByText(/^About [\d,]+ snapshots? kept/)
  }

  get changes(): Locator {
    return this.page.getByRole('list', {
      name: 'Changes from the saved policy',
    })
  }

  get noChanges(): Locator {
    return this.page.getByText('No changes from the saved policy.')
  }

  get applyToExisting(): Locator {
    return this.page.getByRole('checkbox', {
      name: 'Apply retention changes to existing snapshots',
    })
  }

  get retentionSummary(): Locator {
    return this.page
      .getByRole('status')
      .filter({ hasText: /get a new expiry|No existing snapshot changes/ })
  }

  get retentionTable(): Locator {
    return this.page.getByRole('table', {
      name: 'Existing snapshots whose expiry changes',
    })
  }

  get conflict(): Locator {
    return this.page.getByRole('alert').filter({
      hasText: 'someone else changed this backup policy',
    })
  }

  get applyMyEdits(): Locator {
    return this.page.getByRole('button', {
      name: 'Apply my edits to their version',
    })
  }

  /** updateCopySnapshots: offered when a kept copy region's copy retention changed. */
  get applyToExistingCopies(): Locator {
    return this.page.getByRole('checkbox', {
      name: 'Apply copy retention changes to existing copies',
    })
  }

  /** deleteCopySnapshots: offered when a kept copy region stops copying a kind. */
  get deleteDroppedCopies(): Locator {
    return this.page.getByRole('checkbox', {
      name: 'Delete copies of kinds no longer copied',
    })
  }

  get copyChangesSummary(): Locator {
    return this.page.getByRole('status').filter({
      hasText: /get(s)? a new expiry|of kinds no longer copied would be/,
    })
  }

  /** Copies to other regions (issue 9): one fieldset per copy region of a zone. */
  copyRegion(zone: string, n: number) {
    const name = `${zone} copy region ${n}`
    return {
      group: this.page.getByRole('group', { name: new RegExp(`^${name}:`) }),
      region: this.page.getByLabel(`${name} region`, { exact: true }),
      kind: (kind: string) =>
        this.page.getByLabel(`${name}: copy ${kind} snapshots`, {
          exact: true,
        }),
      keepFor: (kind: string) =>
        this.page.getByLabel(`${name}: keep ${kind} copies for`, {
          exact: true,
        }),
      lastSnapshots: this.page.getByLabel(
        `${name}: or copy only the last snapshots (how many, 1 to 500)`,
      ),
      oplogs: this.page
        .getByRole('group', { name: new RegExp(`^${name}:`) })
        .getByRole('checkbox', { name: /^Copy oplogs to / }),
      remove: this.page.getByRole('button', { name: `Remove ${name}` }),
    }
  }

  addCopyRegion(zone: string): Locator {
    return this.page.getByRole('button', {
      name: `Add a copy region to ${zone}`,
    })
  }

  get removeCopyDialog(): Locator {
    return this.page.getByRole('dialog', {
      name: /^Stop copying snapshots to /,
    })
  }

  /** The options of a select, as shown. */
  async optionsOf(select: Locator): Promise<string[]> {
    return select.getByRole('option').allTextContents()
  }

  /** Replaces a field's value as typed (fill, so no spinner steps). */
  async set(field: Locator, value: string | number): Promise<void> {
    await field.fill(String(value))
  }
}
