import { useFormContext, useFormState, useWatch } from 'react-hook-form'

import { SelectField } from '../../../components/ui/select-field'
import { TextField } from '../../../components/ui/text-field'
import type { PolicyFormValues } from '../form-schema'

/**
 * Automatic export of snapshots to an export bucket (issue 9; AutoExportPolicyView): on or
 * off, the bucket by id, monthly or yearly, and how the export path names the organisation and
 * project.
 */
export function ExportSection() {
  const { register, control } = useFormContext<PolicyFormValues>()
  const { errors } = useFormState({ control })
  const enabled = useWatch({ control, name: 'autoExportEnabled' })
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">Export to a bucket</h2>
      <label className="checkbox-field">
        <input type="checkbox" {...register('autoExportEnabled')} />
        Export snapshots automatically
      </label>
      <div className="policy-time">
        <TextField
          label="Export bucket id"
          hint={`The 24-character id of the export bucket${enabled ? '' : ' (used when export is on)'}.`}
          autoComplete="off"
          spellCheck={false}
          error={errors.export?.exportBucketId}
          {...register('export.exportBucketId')}
        />
        <SelectField
          label="Export frequency"
          error={errors.export?.frequencyType}
          {...register('export.frequencyType')}
        >
          <option value="">Not set</option>
          <option value="monthly">Monthly</option>
          <option value="yearly">Yearly</option>
        </SelectField>
      </div>
      <label className="checkbox-field">
        <input
          type="checkbox"
          {...register('useOrgAndGroupNamesInExportPrefix')}
        />
        Name the organisation and project in export paths (instead of their ids)
      </label>
    </section>
  )
}
