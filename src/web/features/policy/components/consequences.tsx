import { useId } from 'react'
import { useFormContext } from 'react-hook-form'

import type { PolicyItemInput } from '../../../../contract/rules/policy-items'
import { type PolicyEstimate, estimateSentence } from '../estimate'
import type { PolicyFormValues } from '../form-schema'
import { type PolicyDiff, describeDiff } from '../policy-diff'
import { RetentionChanges } from './retention-changes'

type ConsequencesProps = {
  diff: PolicyDiff
  estimate: PolicyEstimate
  savedEstimate: PolicyEstimate
  updateSnapshots: boolean
  existing: {
    groupId: string
    name: string
    sharded: boolean
    oldItems: readonly PolicyItemInput[]
    newItems: readonly PolicyItemInput[]
  }
}

/** P7: what saving would do, before it is done. */
export function Consequences({
  diff,
  estimate,
  savedEstimate,
  updateSnapshots,
  existing,
}: ConsequencesProps) {
  const { register } = useFormContext<PolicyFormValues>()
  const hintId = useId()
  const changes = describeDiff(diff)
  return (
    <section aria-labelledby="consequences-title" className="panel">
      <h2 id="consequences-title">Before you save</h2>
      <p>{estimateSentence(estimate, savedEstimate)}</p>
      <h3 id="changes-title">Changes from the saved policy</h3>
      {changes.length === 0 ? (
        <p className="empty">No changes from the saved policy.</p>
      ) : (
        <ul className="change-list" aria-labelledby="changes-title">
          {changes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <label className="checkbox-field">
        <input
          type="checkbox"
          aria-describedby={hintId}
          {...register('updateSnapshots')}
        />
        Apply retention changes to existing snapshots
      </label>
      <p id={hintId} className="hint">
        Without this, snapshots already taken keep the expiry they have. With
        it, snapshots of the changed items take the new retention, counted from
        when they were taken; those whose new expiry has passed are removed when
        you save. Snapshots whose expiry was changed by hand are left alone.
      </p>
      {updateSnapshots ? <RetentionChanges {...existing} /> : null}
    </section>
  )
}
