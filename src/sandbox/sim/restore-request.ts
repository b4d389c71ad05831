import { deliveryTypes } from '../../contract/atlas/common'
import {
  type RestoreJobCreate,
  restoreJobCreateSchema,
} from '../../contract/atlas/restore-job'
import {
  type RestoreRequestInput,
  checkRestoreRequest,
} from '../../contract/rules/restore-request'
import { parseBody, refusalToError } from '../routes/route-kit'

// The bodies of restore job creations (ops 19, 25, 31): their field rules first, through the
// shared rules so the reason reads as the wizard shows it, then the contract schema for types.

/**
 * The body as a rule's input when its fields have the JSON types the rule expects, so the rule
 * names the problem in its own words before the schema checks the types.
 */
export function asRuleInput(
  body: unknown,
  strings: readonly string[],
  numbers: readonly string[] = [],
): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return undefined
  }
  const record = body as Record<string, unknown>
  const fits = (names: readonly string[], type: 'string' | 'number') =>
    names.every(
      (n) =>
        record[n] === undefined ||
        record[n] === null ||
        typeof record[n] === type,
    )
  return fits(strings, 'string') && fits(numbers, 'number') ? record : undefined
}

/** The fields of a dedicated or serverless restore body, when their types fit the rules. */
export function asRestoreRuleInput(body: unknown) {
  const input = asRuleInput(
    body,
    ['snapshotId', 'targetGroupId', 'targetClusterName'],
    ['pointInTimeUTCSeconds', 'oplogTs', 'oplogInc'],
  )
  const type = input?.deliveryType
  return (deliveryTypes as readonly unknown[]).includes(type)
    ? (input as RestoreRequestInput)
    : undefined
}

/** Op 19: R2–R4 field rules, then the schema. */
export function parseRestoreRequest(body: unknown): RestoreJobCreate {
  const input = asRestoreRuleInput(body)
  if (input) {
    const verdict = checkRestoreRequest(input)
    if (!verdict.ok) throw refusalToError(verdict)
  }
  return parseBody(restoreJobCreateSchema, body)
}
