import type { DeliveryType, FlexDeliveryType } from '../atlas/common'
import { ruleErrorCodes } from './error-codes'
import { ok, refuse } from './result'
import type { RuleResult } from './result'

// R8: automated and pointInTime restores (and Flex restores, reference 004) "delete all
// existing data on the target", which "will be unavailable for the duration of the restore"
// (references 000, 001). The operator types the target's name; the BFF refuses without it.

/** The BFF request-body field that carries the typed name. */
export const RESTORE_CONFIRMATION_FIELD = 'confirmTargetName'

export function isDestructive(
  deliveryType: DeliveryType | FlexDeliveryType,
): boolean {
  return (
    deliveryType === 'automated' ||
    deliveryType === 'pointInTime' ||
    deliveryType === 'RESTORE'
  )
}

/** The warning the wizard shows above the confirmation input. */
export function destructiveRestoreWarning(targetName: string): string {
  return (
    `This restore deletes all existing data on ${targetName}, which is unavailable until the ` +
    `restore finishes. Type ${targetName} to confirm.`
  )
}

export type RestoreConfirmationInput = {
  deliveryType: DeliveryType | FlexDeliveryType
  /** targetClusterName, or targetDeploymentItemName for Flex. */
  targetName: string
  confirmation?: string | null | undefined
}

/**
 * The typed confirmation must equal the target's name exactly: same case, no extra spaces. A
 * near miss is refused, because it may name a different cluster ("prod" vs "Prod").
 */
export function checkRestoreConfirmation(
  input: RestoreConfirmationInput,
): RuleResult {
  if (!isDestructive(input.deliveryType)) return ok
  const typed = input.confirmation
  if (typed === undefined || typed === null || typed === '') {
    return refuse(
      `This restore deletes all data on ${input.targetName}: type the target cluster name ` +
        'to confirm',
      RESTORE_CONFIRMATION_FIELD,
      ruleErrorCodes.confirmationRequired,
    )
  }
  if (typed !== input.targetName) {
    return refuse(
      `The confirmation "${typed}" does not match the target cluster name ` +
        `"${input.targetName}"; type it exactly, with the same upper and lower case`,
      RESTORE_CONFIRMATION_FIELD,
      ruleErrorCodes.confirmationRequired,
    )
  }
  return ok
}
