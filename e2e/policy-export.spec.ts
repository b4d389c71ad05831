import { expect, test } from './fixtures'
import { PROJECTS, PolicyEditorPage } from './pages/policy-editor'

// Automatic export to a bucket (issue 9) against the built product and the sandbox: a bad
// bucket id is refused next to its field; export turned on with a bucket, a frequency and the
// naming option is saved, and still there after a reload; axe clean.

const BUCKET = '6650a1b2c3d4e5f6000000bb'

test.describe('automatic export', () => {
  test.beforeEach(async ({ sandbox, signIn }) => {
    await sandbox.reset()
    await signIn()
  })

  test('turns export on with a bucket, a frequency and names in the path; kept after a reload', async ({
    page,
    expectNoAxeViolations,
  }) => {
    const editor = new PolicyEditorPage(page)
    await editor.open(PROJECTS.paymentsProd, 'payments-rs')
    const enabled = page.getByLabel('Export snapshots automatically')
    const bucket = page.getByLabel('Export bucket id')
    const frequency = page.getByLabel('Export frequency')
    const names = page.getByLabel(
      'Name the organisation and project in export paths (instead of their ids)',
    )
    await expect(enabled).not.toBeChecked()

    await test.step('a bad bucket id is refused next to the field', async () => {
      await enabled.check()
      await frequency.selectOption('monthly')
      await editor.set(bucket, 'not-a-bucket')
      await expect(bucket).toHaveAttribute('aria-invalid', 'true')
      await expect(bucket).toHaveAccessibleDescription(
        /24-character hexadecimal/,
      )
      await expect(frequency).not.toHaveAttribute('aria-invalid')
      await expect(editor.save).toBeDisabled()
      await expectNoAxeViolations()
    })

    await test.step('a good bucket id, yearly, names in the path: saved', async () => {
      await editor.set(bucket, BUCKET)
      await expect(bucket).not.toHaveAttribute('aria-invalid')
      await frequency.selectOption('yearly')
      await names.check()
      await expect(editor.changes).toContainText(
        `Automatic export: off (no frequency, bucket none) → on (yearly, bucket ${BUCKET})`,
      )
      await editor.save.click()
      await expect(editor.confirmation).toBeVisible()
    })

    await test.step('kept after a reload', async () => {
      await page.reload()
      await editor.hour.waitFor()
      await expect(enabled).toBeChecked()
      await expect(bucket).toHaveValue(BUCKET)
      await expect(frequency).toHaveValue('yearly')
      await expect(names).toBeChecked()
      await expect(editor.noChanges).toBeVisible()
      await expectNoAxeViolations()
    })
  })
})
