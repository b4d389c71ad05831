import {
  CLUSTER_NAME_PATTERN,
  MAX_INT32,
  MIN_RESTORE_EPOCH_SECONDS,
  OBJECT_ID_PATTERN,
} from '../atlas/common'
import { formatUtcSeconds } from './format-utc'
import { ok, refuse } from './result'
import type { RuleResult } from './result'

// Field-level checks shared by the restore and snapshot rules. Inputs come from JSON bodies and
// form state alike, so "absent" covers undefined, null and the empty string of an untouched input.

export type MaybeNumber = number | null | undefined
export type MaybeString = string | null | undefined

export function isAbsent(value: unknown): value is null | undefined | '' {
  return value === undefined || value === null || value === ''
}

/** 'policies.0.policyItems.2.retentionValue' → 'retentionValue', for reasons. */
export function fieldName(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1)
}

/** An integer in [min, max]; the reason names the range so the operator can fix it. */
export function checkIntegerInRange(
  value: number,
  field: string,
  min: number,
  max: number = MAX_INT32,
): RuleResult {
  const range =
    max === MAX_INT32 ? `of at least ${min}` : `from ${min} to ${max}`
  if (!Number.isInteger(value) || value < min || value > max) {
    return refuse(`${fieldName(field)} must be an integer ${range}`, field)
  }
  return ok
}

/**
 * pointInTimeUTCSeconds and oplogTs: int32 epoch seconds from 2008-01-01T00:00:00Z
 * (1199145600, spec minimum) to 2038-01-19T03:14:07Z (int32 maximum) (R4).
 */
export function checkEpochSeconds(value: number, field: string): RuleResult {
  if (
    !Number.isInteger(value) ||
    value < MIN_RESTORE_EPOCH_SECONDS ||
    value > MAX_INT32
  ) {
    return refuse(
      `${field} must be a whole number of seconds since the Unix epoch from ` +
        `${MIN_RESTORE_EPOCH_SECONDS} (${formatUtcSeconds(MIN_RESTORE_EPOCH_SECONDS)}) ` +
        `to ${MAX_INT32} (${formatUtcSeconds(MAX_INT32)})`,
      field,
    )
  }
  return ok
}

export function checkObjectId(value: string, field: string): RuleResult {
  return OBJECT_ID_PATTERN.test(value)
    ? ok
    : refuse(`${field} must be a 24-character hexadecimal id`, field)
}

export function checkClusterName(value: string, field: string): RuleResult {
  return CLUSTER_NAME_PATTERN.test(value)
    ? ok
    : refuse(
        `${field} must start with a letter or digit and hold only letters, digits and hyphens`,
        field,
      )
}

/** A required field: refused when absent, otherwise the given format check. */
export function checkRequired(
  value: MaybeString,
  field: string,
  why: string,
  format: (value: string, field: string) => RuleResult,
): RuleResult {
  if (isAbsent(value)) return refuse(`${field} is required ${why}`, field)
  return format(value, field)
}

/** "1, 2, 4, 6, 8 or 12" */
export function listWithOr(values: readonly (string | number)[]): string {
  const words = values.map(String)
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`
}
