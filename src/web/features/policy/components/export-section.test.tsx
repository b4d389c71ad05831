// @vitest-environment jsdom
import { cleanup, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import {
  BUCKET,
  errorOf,
  field,
  retype,
  saveButton,
  setupCopyForm,
} from './copy-form-test-kit'

// "Export to a bucket" in the policy editor (issue 9): the shared export rule's refusals under
// the bucket id and the frequency, and a valid export sent as the PATCH's export fields.

afterEach(cleanup)

const BUCKET_ID = 'Export bucket id'
const FREQUENCY = 'Export frequency'

describe('ExportSection', () => {
  it('automatic export wants a bucket and a frequency, each on its field', async () => {
    const { user } = setupCopyForm()
    expect(errorOf(field(BUCKET_ID))).toBe('')
    await user.click(field('Export snapshots automatically'))
    await waitFor(() =>
      expect(errorOf(field(BUCKET_ID))).toMatch(/required to export/),
    )
    expect(errorOf(field(FREQUENCY))).toMatch(/monthly or yearly/)
    expect(saveButton()).toHaveProperty('disabled', true)
  })

  it('refuses a bucket id that is not 24 hexadecimal characters, there only', async () => {
    const { user } = setupCopyForm()
    await user.click(field('Export snapshots automatically'))
    await user.selectOptions(field(FREQUENCY), 'monthly')
    await retype(user, BUCKET_ID, `${BUCKET.slice(0, 23)}g`)
    await waitFor(() =>
      expect(errorOf(field(BUCKET_ID))).toMatch(/24-character hexadecimal/),
    )
    expect(errorOf(field(FREQUENCY))).toBe('')
    await retype(user, BUCKET_ID, BUCKET)
    await waitFor(() => expect(errorOf(field(BUCKET_ID))).toBe(''))
  })

  it('sends the bucket, the frequency and the naming option', async () => {
    const { user, save } = setupCopyForm()
    await user.click(field('Export snapshots automatically'))
    await retype(user, BUCKET_ID, BUCKET)
    await user.selectOptions(field(FREQUENCY), 'yearly')
    await user.click(
      field(
        'Name the organisation and project in export paths (instead of their ids)',
      ),
    )
    await waitFor(() => expect(saveButton()).toHaveProperty('disabled', false))
    await user.click(saveButton())
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1))
    expect(save.mock.calls[0]![0].body).toMatchObject({
      autoExportEnabled: true,
      export: { exportBucketId: BUCKET, frequencyType: 'yearly' },
      useOrgAndGroupNamesInExportPrefix: true,
    })
  })
})
