import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'
import { PROJECTS, PolicyEditorPage } from './pages/policy-editor'

// Copies to other regions (issue 9) against the built product and the sandbox: add a copy
// region with oplog copies on a continuous-backup cluster, see the clock copy snapshots there
// (snapshot browser), remove it keeping the copies, then deleting them; the rules live next to
// their fields; the deprecated frequencies form read; a shorter copy retention applied to the
// copies already made (updateCopySnapshots), its consequence shown first; axe clean throughout.

const ZONE = 'Zone 1'

type Snapshot = { id: string; frequencyType?: string; copyRegions?: string[] }

const copiesOf = (snapshots: Snapshot[], region: string, kind: string) =>
  snapshots.filter(
    (s) => s.frequencyType === kind && s.copyRegions?.includes(region),
  ).length

async function snapshotsOf(page: Page, cluster: string): Promise<Snapshot[]> {
  const res = await page.request.get(
    `/api/atlas/v2/groups/${PROJECTS.paymentsProd}/clusters/${cluster}/backup/snapshots?itemsPerPage=500`,
  )
  expect(res.ok()).toBe(true)
  return ((await res.json()) as { results: Snapshot[] }).results
}

const copiedTo = (snapshots: Snapshot[], region: string) =>
  snapshots.filter((s) => s.copyRegions?.includes(region)).length

test.describe('copies to other regions', () => {
  test.beforeEach(async ({ sandbox, signIn }) => {
    await sandbox.reset()
    await signIn()
  })

  test('adds a copy region with oplogs, sees copies appear, removes it keeping then deleting them', async ({
    page,
    sandbox,
    expectNoAxeViolations,
  }) => {
    const editor = new PolicyEditorPage(page)
    await editor.open(PROJECTS.paymentsProd, 'payments-rs')
    const copy = editor.copyRegion(ZONE, 1)

    await test.step('add US_WEST_2 with oplog copies, hourly copies kept 1 day', async () => {
      await editor.addCopyRegion(ZONE).click()
      await expect(copy.group).toBeVisible()
      await copy.region.selectOption('US_WEST_2')
      await expect(copy.group).toHaveAccessibleName(
        `${ZONE} copy region 1: US_WEST_2 (Oregon)`,
      )
      for (const kind of ['hourly', 'daily', 'weekly', 'monthly'])
        await expect(copy.kind(kind)).toBeChecked()
      await expect(copy.kind('on-demand')).not.toBeChecked()
      await expect(copy.kind('yearly')).toHaveCount(0)
      await editor.set(copy.keepFor('hourly'), 1)
      await copy.oplogs.check()
      await expectNoAxeViolations()
    })

    await test.step('rules live next to their field', async () => {
      await editor.set(copy.keepFor('daily'), 0)
      await expect(copy.keepFor('daily')).toHaveAccessibleDescription(
        'The retention must be a whole number of at least 1',
      )
      await editor.set(copy.keepFor('daily'), 7)
      await editor.set(copy.lastSnapshots, 3)
      await expect(copy.lastSnapshots).toHaveAccessibleDescription(
        'The number of last snapshots excludes the snapshots to copy: copy either the last snapshots or snapshots by kind',
      )
      await expect(editor.save).toBeDisabled()
      await editor.set(copy.lastSnapshots, '')
      await expect(copy.lastSnapshots).not.toHaveAttribute('aria-invalid')
      await expect(editor.changes).toContainText(
        'Copies to US_WEST_2 (Zone 1) added: hourly kept 1 day, daily kept 7 days, weekly kept 4 weeks, monthly kept 12 months, oplogs',
      )
      await editor.save.click()
      await expect(editor.confirmation).toBeVisible()
    })

    await test.step('the clock copies new snapshots to US_WEST_2; the snapshot browser shows it', async () => {
      expect(
        copiedTo(await snapshotsOf(page, 'payments-rs'), 'US_WEST_2'),
      ).toBe(0)
      await sandbox.advanceClock({ days: 1 })
      expect(
        copiedTo(await snapshotsOf(page, 'payments-rs'), 'US_WEST_2'),
      ).toBeGreaterThanOrEqual(4)
      await page.goto(
        `/projects/${PROJECTS.paymentsProd}/clusters/payments-rs/snapshots`,
      )
      await expect(
        page.getByRole('columnheader', { name: 'Copies' }),
      ).toBeVisible()
      await expect(
        page.getByRole('cell', { name: 'US_WEST_2', exact: true }).first(),
      ).toBeVisible()
      await expectNoAxeViolations()
    })

    await test.step('remove it, keeping the copies', async () => {
      await editor.open(PROJECTS.paymentsProd, 'payments-rs')
      await copy.remove.click()
      const dialog = editor.removeCopyDialog
      await expect(dialog).toBeVisible()
      await expect(dialog.getByRole('status')).toHaveText(
        /^\d+ snapshots of payments-rs have copies in US_WEST_2 \(Oregon\); the last copy expires at /,
      )
      await expectNoAxeViolations()
      await dialog
        .getByRole('button', { name: 'Remove, keep the copies' })
        .click()
      await expect(dialog).toBeHidden()
      await expect(copy.group).toHaveCount(0)
      await expect(editor.changes).toContainText(
        'Copies to US_WEST_2 (Zone 1) removed: the snapshots copied there stay until they expire',
      )
      await editor.save.click()
      await expect(editor.confirmation).toBeVisible()
      expect(
        copiedTo(await snapshotsOf(page, 'payments-rs'), 'US_WEST_2'),
      ).toBeGreaterThanOrEqual(4)
    })

    await test.step('add US_EAST_2, let it copy, remove it deleting the copies', async () => {
      await editor.addCopyRegion(ZONE).click()
      await expect(copy.region).toHaveValue('US_EAST_2')
      await editor.save.click()
      await expect(editor.confirmation).toBeVisible()
      await sandbox.advanceClock({ days: 1 })
      const before = await snapshotsOf(page, 'payments-rs')
      expect(copiedTo(before, 'US_EAST_2')).toBeGreaterThanOrEqual(4)
      // The kept US_WEST_2 copies live on by their own retention (hourly 1 day: gone by now).
      const west = copiedTo(before, 'US_WEST_2')
      expect(west).toBeGreaterThan(0)

      await editor.open(PROJECTS.paymentsProd, 'payments-rs')
      await copy.remove.click()
      await editor.removeCopyDialog
        .getByRole('button', { name: 'Remove, delete the copies' })
        .click()
      await expect(editor.changes).toContainText(
        'Copies to US_EAST_2 (Zone 1) removed: the snapshots copied there are deleted',
      )
      await editor.save.click()
      await expect(editor.confirmation).toBeVisible()
      const after = await snapshotsOf(page, 'payments-rs')
      expect(copiedTo(after, 'US_EAST_2')).toBe(0)
      expect(copiedTo(after, 'US_WEST_2')).toBe(west)
    })
  })

  test('a shorter copy retention applied to existing copies: the consequence first, then the copies go', async ({
    page,
    sandbox,
    expectNoAxeViolations,
  }) => {
    const editor = new PolicyEditorPage(page)
    const copy = editor.copyRegion(ZONE, 1)

    await test.step('US_WEST_2 copies hourly snapshots for 2 days; the clock makes copies', async () => {
      await editor.open(PROJECTS.paymentsProd, 'payments-rs')
      await editor.addCopyRegion(ZONE).click()
      await copy.region.selectOption('US_WEST_2')
      await editor.set(copy.keepFor('hourly'), 2)
      await editor.save.click()
      await expect(editor.confirmation).toBeVisible()
      await sandbox.advanceClock({ days: 2 })
      expect(
        copiesOf(await snapshotsOf(page, 'payments-rs'), 'US_WEST_2', 'hourly'),
      ).toBeGreaterThanOrEqual(6)
    })

    let removed = 0

    await test.step('hourly copies kept 1 day, applied to existing copies: the count first', async () => {
      await editor.open(PROJECTS.paymentsProd, 'payments-rs')
      await expect(editor.applyToExistingCopies).toHaveCount(0)
      await editor.set(copy.keepFor('hourly'), 1)
      await expect(editor.applyToExistingCopies).toBeVisible()
      await expect(editor.deleteDroppedCopies).toHaveCount(0)
      await expect(editor.copyChangesSummary).toHaveCount(0)
      await editor.applyToExistingCopies.check()
      await expect(editor.copyChangesSummary).toHaveText(
        /^\d+ cop(y gets|ies get) a new expiry; \d+ cop(y|ies) would be removed when you save/,
      )
      const summary = (await editor.copyChangesSummary.textContent()) ?? ''
      const [updated, gone] = (summary.match(/\d+/g) ?? []).map(Number)
      expect(updated).toBeGreaterThan(0)
      expect(gone).toBeGreaterThan(0)
      removed = gone ?? 0
      await expect(page.getByText(/^An estimate: Atlas lists/)).toBeVisible()
      await expectNoAxeViolations()
    })

    await test.step('saved: the copies past their new expiry are gone from US_WEST_2', async () => {
      const hourly = (snapshots: Snapshot[]) =>
        snapshots.filter((s) => s.frequencyType === 'hourly').length
      const before = await snapshotsOf(page, 'payments-rs')
      await editor.save.click()
      await expect(editor.confirmation).toBeVisible()
      await expect(editor.applyToExistingCopies).toHaveCount(0)
      const after = await snapshotsOf(page, 'payments-rs')
      expect(copiesOf(after, 'US_WEST_2', 'hourly')).toBe(
        copiesOf(before, 'US_WEST_2', 'hourly') - removed,
      )
      // The snapshots themselves stay: only their copies went.
      expect(hourly(after)).toBe(hourly(before))
    })
  })

  test('no oplog copies without continuous backup; the deprecated form is read', async ({
    page,
    expectNoAxeViolations,
  }) => {
    const editor = new PolicyEditorPage(page)
    await editor.open(PROJECTS.paymentsProd, 'payments-staging')
    await editor.addCopyRegion(ZONE).click()
    const copy = editor.copyRegion(ZONE, 1)
    await expect(copy.oplogs).toBeDisabled()
    await expect(copy.oplogs).toHaveAccessibleDescription(
      'Continuous cloud backup is off for this cluster, so there are no oplogs to copy.',
    )
    await expectNoAxeViolations()

    // ledger-archive was seeded with frequencies ['DAILY', 'MONTHLY'] (copyPolicyItemsEnabled
    // false): read as copies of daily and monthly snapshots, kept as the policy keeps them.
    await editor.open(PROJECTS.paymentsProd, 'ledger-archive')
    const legacy = editor.copyRegion(ZONE, 1)
    await expect(legacy.group).toHaveAccessibleName(
      `${ZONE} copy region 1: US_WEST_2 (Oregon)`,
    )
    await expect(legacy.kind('daily')).toBeChecked()
    await expect(legacy.kind('monthly')).toBeChecked()
    await expect(legacy.kind('hourly')).not.toBeChecked()
    await expect(legacy.keepFor('monthly')).toHaveValue('12')
    await expect(editor.noChanges).toBeVisible()
  })
})
