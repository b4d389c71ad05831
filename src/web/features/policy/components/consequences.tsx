import { useId } from 'react'
import { useFormContext } from 'react-hook-form'

import type { CopySettingInput } from '../../../../contract/rules/copy-settings'
import type { PolicyItemInput } from '../../../../contract/rules/policy-items'
import type { CopyFlagOffers } from '../copy-flag-offers'
import { type PolicyEstimate, estimateSentence } from '../estimate'
import type { PolicyFormValues } from '../form-schema'
import { type PolicyDiff, describeDiff } from '../policy-diff'
import { ExistingCopyChanges } from './existing-copy-changes'
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
  /** Copies in copy regions that stay (issue 9): the flags offered, and as ticked. */
  copies: {
    offers: CopyFlagOffers
    savedSettings: readonly CopySettingInput[]
    editedSettings: readonly CopySettingInput[]
    updateCopySnapshots: boolean
    deleteCopySnapshots: boolean
  }
}

/** P7: what saving would do, before it is done. */
export function Consequences({
  diff,
  estimate,
  savedEstimate,
  updateSnapshots,
  existing,
  copies,
}: ConsequencesProps) {
  const { register } = useFormContext<PolicyFormValues>()
  const hintId = useId()
  const copyHintId = useId()
  const { offers } = copies
  const updateCopies = offers.update && copies.updateCopySnapshots
  const deleteCopies = offers.delete && copies.deleteCopySnapshots
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
      {offers.update ? (
        <label className="checkbox-field">
          <input
            type="checkbox"
            aria-describedby={copyHintId}
            {...register('updateCopySnapshots')}
          />
          Apply copy retention changes to existing copies
        </label>
      ) : null}
      {offers.delete ? (
        <label className="checkbox-field">
          <input
            type="checkbox"
            aria-describedby={copyHintId}
            {...register('deleteCopySnapshots')}
          />
          Delete copies of kinds no longer copied
        </label>
      ) : null}
      {offers.update || offers.delete ? (
        <p id={copyHintId} className="hint">
          Without these, copies already made keep the expiry they have, and
          copies of a kind a copy region no longer takes stay until they expire.
          With them, copies of a changed kind take the new copy retention,
          counted from when the snapshot was taken (those whose new expiry has
          passed are removed when you save), and copies of a kind no longer
          copied are deleted when you save. This cannot be undone.
        </p>
      ) : null}
      {updateCopies || deleteCopies ? (
        <ExistingCopyChanges
          groupId={existing.groupId}
          name={existing.name}
          sharded={existing.sharded}
          savedSettings={copies.savedSettings}
          editedSettings={copies.editedSettings}
          updateCopySnapshots={updateCopies}
          deleteCopySnapshots={deleteCopies}
        />
      ) : null}
    </section>
  )
}
