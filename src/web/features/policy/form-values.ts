import type { SnapshotFrequencyType } from '../../../contract/atlas/common'
import type {
  BackupSchedule,
  BackupScheduleUpdate,
  PolicyItem,
} from '../../../contract/atlas/schedule'
import {
  DEFAULT_RESTORE_WINDOW_DAYS,
  defaultPolicy,
  defaultPolicyItems,
} from '../../../contract/rules/policy-default'
import type { PolicyOptions } from '../../../contract/rules/policy-intervals'
import type { PolicyItemInput } from '../../../contract/rules/policy-items'
import {
  type ExtrasShape,
  extrasBody,
  extrasFormValues,
  formExtras,
  scheduleExtras,
} from './copy-values'
import type { ItemFormValues, PolicyFormValues } from './form-schema'

// Between Atlas's schedule and the form: what the form starts from, the policy as the rules,
// the diff and the estimate read it, and the PATCH body sent back whole (P1).

/** The policy as rules, diff and estimate take it. */
export type PolicyShape = {
  referenceHourOfDay?: number | undefined
  referenceMinuteOfHour?: number | undefined
  restoreWindowDays?: number | undefined
  items: readonly PolicyItemInput[]
  /** Copies to other regions and exports (issue 9). */
  extras?: ExtrasShape | undefined
}

export function scheduleShape(schedule: BackupSchedule): PolicyShape {
  return {
    referenceHourOfDay: schedule.referenceHourOfDay,
    referenceMinuteOfHour: schedule.referenceMinuteOfHour,
    restoreWindowDays: schedule.restoreWindowDays,
    items: schedule.policies[0]?.policyItems ?? [],
    extras: scheduleExtras(schedule),
  }
}

function fromFormItem({ itemId, ...item }: ItemFormValues): PolicyItemInput {
  return itemId === undefined ? item : { id: itemId, ...item }
}

export function formShape(values: PolicyFormValues): PolicyShape {
  return {
    referenceHourOfDay: values.referenceHourOfDay,
    referenceMinuteOfHour: values.referenceMinuteOfHour,
    restoreWindowDays: values.restoreWindowDays,
    items: values.policies[0].policyItems.map(fromFormItem),
    extras: formExtras(values),
  }
}

function toFormItem({ id, ...item }: PolicyItem): ItemFormValues {
  return {
    ...(id === undefined ? {} : { itemId: id }),
    frequencyType: item.frequencyType,
    frequencyInterval: item.frequencyInterval,
    retentionUnit: item.retentionUnit,
    retentionValue: item.retentionValue,
  }
}

export function toFormValues(schedule: BackupSchedule): PolicyFormValues {
  const time = defaultPolicy({ nvme: false })
  return {
    referenceHourOfDay: schedule.referenceHourOfDay ?? time.referenceHourOfDay,
    referenceMinuteOfHour:
      schedule.referenceMinuteOfHour ?? time.referenceMinuteOfHour,
    restoreWindowDays:
      schedule.restoreWindowDays ?? DEFAULT_RESTORE_WINDOW_DAYS,
    policies: [
      {
        policyItems: (schedule.policies[0]?.policyItems ?? []).map(toFormItem),
      },
    ],
    updateSnapshots: false,
    updateCopySnapshots: false,
    deleteCopySnapshots: false,
    ...extrasFormValues(schedule),
  }
}

/**
 * P8, "Reset to default": the default policy, each item keeping the id of a saved item of the
 * same frequency, so the reset reads (and applies to existing snapshots) as an edit of those
 * items rather than their removal.
 */
export function defaultFormValues(
  saved: BackupSchedule,
  options: PolicyOptions,
  current: PolicyFormValues,
): PolicyFormValues {
  const policy = defaultPolicy(options)
  const unclaimed = [...(saved.policies[0]?.policyItems ?? [])]
  const items = policy.policies[0].policyItems.map((item) => {
    const i = unclaimed.findIndex((s) => s.frequencyType === item.frequencyType)
    const [match] = i < 0 ? [] : unclaimed.splice(i, 1)
    return match?.id ? { ...item, itemId: match.id } : item
  })
  return {
    referenceHourOfDay: policy.referenceHourOfDay,
    referenceMinuteOfHour: policy.referenceMinuteOfHour,
    restoreWindowDays: policy.restoreWindowDays,
    policies: [{ policyItems: items }],
    updateSnapshots: current.updateSnapshots,
    updateCopySnapshots: current.updateCopySnapshots,
    deleteCopySnapshots: current.deleteCopySnapshots,
    // The default is a policy: copies and exports stay as edited.
    copySettings: current.copySettings,
    deleteCopiedBackups: current.deleteCopiedBackups,
    autoExportEnabled: current.autoExportEnabled,
    export: current.export,
    useOrgAndGroupNamesInExportPrefix:
      current.useOrgAndGroupNamesInExportPrefix,
  }
}

/** A new row of the given frequency, with the default policy's interval and retention. */
export function newItem(
  frequencyType: SnapshotFrequencyType,
  options: PolicyOptions,
): ItemFormValues {
  const preset = defaultPolicyItems(options).find(
    (item) => item.frequencyType === frequencyType,
  )
  return (
    preset ?? {
      frequencyType,
      frequencyInterval: 1,
      retentionUnit: 'years',
      retentionValue: 1,
    }
  )
}

// Read-only fields stay out; the copy and export fields are written anew (extrasBody).
const NOT_SENT_BACK = new Set([
  'clusterId',
  'clusterName',
  'nextSnapshot',
  'links',
  'copySettings',
  'copyPolicyItemsEnabled',
  'export',
])

/**
 * The PATCH body: the schedule as read, with the edited fields, sent back whole (P1). Atlas's
 * read-only fields stay out; without continuous backup the restore window goes back as it was.
 * Copies go back in the current form (copyPolicyItems), deprecated frequencies converted; the
 * copy flags go only when ticked, deleteCopySnapshots with the copyPolicyItemsEnabled true that
 * extrasBody always sends (Atlas refuses it otherwise).
 */
export function toUpdateBody(
  values: PolicyFormValues,
  saved: BackupSchedule,
  pitEnabled: boolean,
): BackupScheduleUpdate {
  const writable = Object.fromEntries(
    Object.entries(saved).filter(([key]) => !NOT_SENT_BACK.has(key)),
  )
  const policyId = saved.policies[0]?.id
  const extras = extrasBody(values)
  return {
    ...writable,
    referenceHourOfDay: values.referenceHourOfDay,
    referenceMinuteOfHour: values.referenceMinuteOfHour,
    ...(pitEnabled ? { restoreWindowDays: values.restoreWindowDays } : {}),
    policies: [
      {
        ...(policyId === undefined ? {} : { id: policyId }),
        policyItems: values.policies[0].policyItems.map(
          (item) => fromFormItem(item) as PolicyItem,
        ),
      },
    ],
    updateSnapshots: values.updateSnapshots,
    ...extras,
    ...(values.updateCopySnapshots ? { updateCopySnapshots: true } : {}),
    ...(values.deleteCopySnapshots && extras.copyPolicyItemsEnabled === true
      ? { deleteCopySnapshots: true }
      : {}),
  }
}
