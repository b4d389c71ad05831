import { copyKindsOf } from './copy-kinds'
import { type CopySettingsInput, validateCopySettings } from './copy-settings'
import type { CopyZone } from './copy-zones'
import {
  type PolicyScheduleInput,
  type PolicyValidationOptions,
  validatePolicy,
} from './policy-validate'
import { firstRefusal } from './result'
import type { RuleRefusal, RuleResult } from './result'
import { type ExportInput, validateExport } from './schedule-export'

// The whole schedule as a PATCH leaves it: the policy (P1–P6), its copies to other regions and
// its export settings (issue 9). The editor, the BFF and the sandbox all call this one.

export type ScheduleInput = PolicyScheduleInput &
  CopySettingsInput &
  ExportInput

export type ScheduleValidationOptions = PolicyValidationOptions & {
  zones: readonly CopyZone[]
  /** The sandbox knows every region it has; the BFF lets Atlas judge region names. */
  knownRegionsOnly: boolean
}

export function validateSchedule(
  schedule: ScheduleInput,
  options: ScheduleValidationOptions,
): RuleRefusal[] {
  const items = schedule.policies[0]?.policyItems ?? []
  return [
    ...validatePolicy(schedule, options),
    ...validateCopySettings(schedule, {
      zones: options.zones,
      pitEnabled: options.pitEnabled,
      policyKinds: copyKindsOf(items),
      knownRegionsOnly: options.knownRegionsOnly,
    }),
    ...validateExport(schedule),
  ]
}

export function checkSchedule(
  schedule: ScheduleInput,
  options: ScheduleValidationOptions,
): RuleResult {
  return firstRefusal(validateSchedule(schedule, options))
}
