import { OBJECT_ID_PATTERN } from '../atlas/common'
import { exportFrequencyTypes } from '../atlas/schedule'
import { type MaybeString, isAbsent } from './field-checks'
import { refuse } from './result'
import type { RuleRefusal } from './result'

// Automatic export of snapshots to an export bucket (issue 9; AutoExportPolicyView,
// ATLAS-CONTRACT.md §6): with autoExportEnabled the schedule names the bucket by its 24-hex id
// and the frequency, monthly or yearly [spec] (the CLI also wants both with --autoExport).

export type ExportInput = {
  autoExportEnabled?: boolean | null | undefined
  export?:
    | { exportBucketId?: MaybeString; frequencyType?: MaybeString }
    | null
    | undefined
}

export function validateExport(input: ExportInput): RuleRefusal[] {
  const refusals: RuleRefusal[] = []
  const bucket = input.export?.exportBucketId
  const frequency = input.export?.frequencyType
  const enabled = input.autoExportEnabled === true
  if (isAbsent(bucket)) {
    if (enabled) {
      refusals.push(
        refuse(
          'exportBucketId is required to export snapshots automatically',
          'export.exportBucketId',
        ),
      )
    }
  } else if (!OBJECT_ID_PATTERN.test(bucket)) {
    refusals.push(
      refuse(
        'exportBucketId must be a 24-character hexadecimal id',
        'export.exportBucketId',
      ),
    )
  }
  if (isAbsent(frequency)) {
    if (enabled) {
      refusals.push(
        refuse(
          'frequencyType is required to export snapshots automatically: monthly or yearly',
          'export.frequencyType',
        ),
      )
    }
  } else if (!(exportFrequencyTypes as readonly string[]).includes(frequency)) {
    refusals.push(
      refuse(
        'frequencyType of the export must be monthly or yearly',
        'export.frequencyType',
      ),
    )
  }
  return refusals
}
