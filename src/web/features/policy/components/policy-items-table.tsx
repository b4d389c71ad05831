import {
  useFieldArray,
  useFormContext,
  useFormState,
  useWatch,
} from 'react-hook-form'

import { snapshotFrequencyTypes } from '../../../../contract/atlas/common'
import { validatePolicyItemCounts } from '../../../../contract/rules/policy-items'
import { ok, refuse } from '../../../../contract/rules/result'
import { GuardedButton } from '../../../components/ui/guarded-button'
import { frequencyLabels } from '../describe-item'
import { ITEMS, type PolicyFormValues } from '../form-schema'
import { newItem } from '../form-values'
import { PolicyItemRow } from './policy-item-row'

type PolicyItemsTableProps = {
  nvme: boolean
  /** Estimated snapshots kept per item (P7), in row order. */
  estimates: readonly (number | null)[]
}

/** The policy's items as rows; add and remove rows, a second hourly or daily one refused (P3). */
export function PolicyItemsTable({ nvme, estimates }: PolicyItemsTableProps) {
  const { control } = useFormContext<PolicyFormValues>()
  const { fields, append, remove } = useFieldArray({ control, name: ITEMS })
  const items = useWatch({ control, name: ITEMS })
  const { errors } = useFormState({ control })
  const rootError = errors.policies?.[0]?.policyItems?.root?.message

  // P3 through the rule itself: would the policy still pass with one more item of this type?
  const addVerdict = (type: (typeof snapshotFrequencyTypes)[number]) => {
    const [refusal] = validatePolicyItemCounts(
      [...items, newItem(type, { nvme })],
      ITEMS,
    )
    return refusal ? refuse(refusal.reason.split(';')[0] ?? refusal.reason) : ok
  }

  return (
    <section aria-labelledby="items-title">
      <h2 id="items-title">Policy items</h2>
      <div className="table-scroll">
        <table className="data-table policy-items">
          <caption className="visually-hidden">Policy items</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Frequency</th>
              <th scope="col">Interval</th>
              <th scope="col">Keep for</th>
              <th scope="col">Unit</th>
              <th scope="col" className="numeric">
                Snapshots kept (estimate)
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field, index) => (
              <PolicyItemRow
                key={field.id}
                index={index}
                nvme={nvme}
                estimate={estimates[index] ?? null}
                onRemove={() => remove(index)}
              />
            ))}
          </tbody>
        </table>
      </div>
      {fields.length === 0 ? (
        <p className="empty">
          No policy items: this policy takes no snapshots.
        </p>
      ) : null}
      {rootError ? (
        <p className="field-error" role="alert">
          {rootError}
        </p>
      ) : null}
      <div
        className="button-row add-items"
        role="group"
        aria-label="Add a policy item"
      >
        {snapshotFrequencyTypes.map((type) => (
          <GuardedButton
            key={type}
            className="button small"
            verdict={addVerdict(type)}
            onClick={() => append(newItem(type, { nvme }))}
          >
            Add {frequencyLabels[type].toLowerCase()} item
          </GuardedButton>
        ))}
      </div>
    </section>
  )
}
