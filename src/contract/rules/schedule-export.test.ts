import { describe, expect, it } from 'vitest'

import { validateExport } from './schedule-export'

const BUCKET = '6650a1b2c3d4e5f6000000bb'
const fields = (input: Parameters<typeof validateExport>[0]) =>
  validateExport(input).map((r) => r.field)

describe('validateExport', () => {
  it('accepts automatic export with a bucket id and monthly or yearly', () => {
    for (const frequencyType of ['monthly', 'yearly']) {
      expect(
        fields({
          autoExportEnabled: true,
          export: { exportBucketId: BUCKET, frequencyType },
        }),
      ).toEqual([])
    }
  })

  it('needs the bucket and the frequency only when export is on', () => {
    expect(fields({ autoExportEnabled: true })).toEqual([
      'export.exportBucketId',
      'export.frequencyType',
    ])
    expect(fields({ autoExportEnabled: false, export: {} })).toEqual([])
  })

  it('refuses a bucket id that is not 24-hex and other frequencies', () => {
    expect(
      fields({
        autoExportEnabled: false,
        export: {
          exportBucketId: BUCKET.toUpperCase(),
          frequencyType: 'daily',
        },
      }),
    ).toEqual(['export.exportBucketId', 'export.frequencyType'])
  })
})
