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

// The body of a restore job creation (op 19): R2–R4 field rules first, through the shared
// rule so the reason reads as the wizard shows it, then the contract schema for the types.

const stringFields = ['snapshotId', 'targetGroupId', 'targetClusterName']
const numberFields = ['pointInTimeUTCSeconds', 'oplogTs', 'oplogInc']

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The body as the rule's input, when its fields have the JSON types the rule expects. */
function asRuleInput(body: unknown): RestoreRequestInput | undefined {
  if (!isRecord(body)) return undefined
  const type = body.deliveryType
  if (!(deliveryTypes as readonly unknown[]).includes(type)) return undefined
  const fits = (names: string[], kind: 'string' | 'number') =>
    names.every((name) => {
      const value = body[name]
      return value === undefined || value === null || typeof value === kind
    })
  if (!fits(stringFields, 'string') || !fits(numberFields, 'number')) {
    return undefined
  }
  return body as RestoreRequestInput
}

export function parseRestoreRequest(body: unknown): RestoreJobCreate {
  const input = asRuleInput(body)
  if (input) {
    const verdict = checkRestoreRequest(input)
    if (!verdict.ok) throw refusalToError(verdict)
  }
  return parseBody(restoreJobCreateSchema, body)
}
