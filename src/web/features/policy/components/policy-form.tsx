import { useEffect, useMemo, useState } from 'react'
import { FormProvider, useForm, useWatch } from 'react-hook-form'

import type { RuleResult } from '../../../../contract/rules/result'
import { ApiError } from '../../../lib/api-error'
import { formatInstant } from '../../../lib/format-time'
import { useTimeZone } from '../../../lib/time-zone'
import { useNow } from '../../../lib/use-now'
import type { ClusterFacts } from '../cluster-facts'
import { copyFlagOffers, offeredCopyFlags } from '../copy-flag-offers'
import { flattenErrors, formPathOf, humanize } from '../field-errors'
import type { PolicyFormValues } from '../form-schema'
import {
  defaultFormValues,
  formShape,
  scheduleShape,
  toFormValues,
  toUpdateBody,
} from '../form-values'
import type { SaveInput } from '../mutations'
import { diffPolicy, isEmptyDiff } from '../policy-diff'
import { policyResolver } from '../policy-resolver'
import { rebaseEdits } from '../rebase'
import type { SavedSchedule } from '../queries'
import { saveVerdict } from '../save-verdict'
import { useEstimate } from '../use-estimate'
import { ConflictPanel } from './conflict-panel'
import { Consequences } from './consequences'
import { CopyRegionsSection } from './copy-regions-section'
import { ExportSection } from './export-section'
import { LeaveGuard } from './leave-guard'
import { PolicyItemsTable } from './policy-items-table'
import { RestoreWindowField } from './restore-window-field'
import { SaveBar } from './save-bar'
import { SnapshotTimeFields } from './snapshot-time-fields'

type PolicyFormProps = {
  groupId: string
  facts: ClusterFacts
  /** The version the editor starts from (read once: later reads do not move it silently). */
  initial: SavedSchedule
  /** The version saved now, as last read: a different ETag means someone else saved. */
  latest: SavedSchedule | undefined
  editVerdict: RuleResult
  save: (input: SaveInput) => Promise<SavedSchedule>
  reloadLatest: () => Promise<unknown>
}

export function PolicyForm(props: PolicyFormProps) {
  const { facts, editVerdict } = props
  const { mode } = useTimeZone()
  const [base, setBase] = useState(props.initial)
  const [refused, setRefused] = useState(false)
  const [notice, setNotice] = useState('')
  const resolver = useMemo(
    () =>
      policyResolver({
        nvme: facts.nvme,
        pitEnabled: facts.pitEnabled,
        zones: facts.zones,
        knownRegionsOnly: false,
      }),
    [facts.nvme, facts.pitEnabled, facts.zones],
  )
  const form = useForm<PolicyFormValues>({
    resolver,
    defaultValues: toFormValues(props.initial.schedule),
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
  })
  const { trigger, subscribe, control } = form

  // Every rule on every change: a change to one item can break or mend another (P4, P5).
  useEffect(() => {
    void trigger()
    return subscribe({
      formState: { values: true },
      callback: () => void trigger(),
    })
  }, [trigger, subscribe])

  useWatch({ control })
  const values = form.getValues()
  const { errors, isSubmitting } = form.formState
  const edited = formShape(values)
  const savedShape = scheduleShape(base.schedule)
  const diff = diffPolicy(savedShape, edited, facts)
  const savedCopies = savedShape.extras?.copySettings ?? []
  const editedCopies = edited.extras?.copySettings ?? []
  const copyOffers = copyFlagOffers(savedCopies, editedCopies)
  const copyFlags = offeredCopyFlags(values, copyOffers)
  const dirty =
    !isEmptyDiff(diff) ||
    values.updateSnapshots ||
    copyFlags.updateCopySnapshots ||
    copyFlags.deleteCopySnapshots
  const theirs =
    props.latest && props.latest.etag !== '' && props.latest.etag !== base.etag
      ? props.latest
      : undefined

  const nowMs = useNow(60_000)
  const estimate = useEstimate(edited, nowMs)
  const savedEstimate = useEstimate(scheduleShape(base.schedule), nowMs)

  const problems = flattenErrors(errors).filter(
    (e) => !e.path.startsWith('root.server'),
  )
  const verdict = saveVerdict({
    edit: editVerdict,
    problems,
    conflict: theirs !== undefined,
    dirty,
    saving: isSubmitting,
  })

  const onSubmit = form.handleSubmit(async (submitted) => {
    setNotice('')
    try {
      const saved = await props.save({
        // A copy flag goes only while the edit still offers it.
        body: toUpdateBody(
          offeredCopyFlags(submitted, copyOffers),
          base.schedule,
          facts.pitEnabled,
        ),
        etag: base.etag,
      })
      setBase(saved)
      setRefused(false)
      form.reset(toFormValues(saved.schedule))
      const next = saved.schedule.nextSnapshot
      setNotice(
        `Backup policy saved. ${next ? `Atlas takes the next snapshot at ${formatInstant(next, mode)}.` : ''}`,
      )
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (error.status === 412) {
        setRefused(true)
        await props.reloadLatest()
      }
      const onFields = error.fields.filter((f) => !f.field.startsWith('If-'))
      for (const f of onFields) {
        form.setError(formPathOf(f.field) as 'root.server', {
          type: 'server',
          message: humanize(f.description),
        })
      }
      if (onFields.length === 0 && error.status !== 412)
        form.setError('root.server', { type: 'server', message: error.message })
    }
  })

  const replaceBase = (next: SavedSchedule, keepEdits: boolean) => {
    form.reset(
      keepEdits
        ? rebaseEdits(base.schedule, form.getValues(), next.schedule)
        : toFormValues(next.schedule),
    )
    setBase(next)
    setRefused(false)
    setNotice('')
    void trigger()
  }

  const serverError = errors.root?.server?.message
  const policyError = errors.root?.policy?.message
  return (
    <FormProvider {...form}>
      <form
        className="policy-form"
        noValidate
        aria-label={`Backup policy of ${facts.name}`}
        onSubmit={(event) => void onSubmit(event)}
      >
        {editVerdict.ok ? null : (
          <p className="banner">
            Read only: {editVerdict.reason}. You can see this policy but not
            change it.
          </p>
        )}
        {theirs ? (
          <ConflictPanel
            theirs={diffPolicy(
              scheduleShape(base.schedule),
              scheduleShape(theirs.schedule),
              facts,
            )}
            refused={refused}
            onKeepMine={() => replaceBase(theirs, true)}
            onTakeTheirs={() => replaceBase(theirs, false)}
          />
        ) : null}
        <fieldset className="policy-fields" disabled={!editVerdict.ok}>
          <legend className="visually-hidden">Policy settings</legend>
          <SnapshotTimeFields now={new Date(nowMs)} />
          <RestoreWindowField pitEnabled={facts.pitEnabled} />
          <PolicyItemsTable nvme={facts.nvme} estimates={estimate.perItem} />
          {policyError ? (
            <p className="field-error" role="alert">
              {policyError}
            </p>
          ) : null}
          <CopyRegionsSection
            groupId={props.groupId}
            facts={facts}
            saved={savedCopies}
          />
          <ExportSection />
          <Consequences
            diff={diff}
            estimate={estimate}
            savedEstimate={savedEstimate}
            updateSnapshots={values.updateSnapshots}
            existing={{
              groupId: props.groupId,
              name: facts.name,
              sharded: facts.sharded,
              oldItems: savedShape.items,
              newItems: edited.items,
            }}
            copies={{
              offers: copyOffers,
              savedSettings: savedCopies,
              editedSettings: editedCopies,
              updateCopySnapshots: values.updateCopySnapshots,
              deleteCopySnapshots: values.deleteCopySnapshots,
            }}
          />
        </fieldset>
        {serverError ? (
          <p className="field-error" role="alert">
            {serverError}
          </p>
        ) : null}
        <SaveBar
          verdict={verdict}
          saving={isSubmitting}
          canEdit={editVerdict.ok}
          dirty={dirty}
          notice={notice}
          onResetToDefault={() => {
            form.reset(
              defaultFormValues(base.schedule, facts, form.getValues()),
              { keepDefaultValues: true },
            )
            void trigger()
          }}
          onDiscard={() => {
            form.reset(toFormValues(base.schedule))
            void trigger()
          }}
        />
        <LeaveGuard when={dirty && editVerdict.ok} />
      </form>
    </FormProvider>
  )
}
