import { deliveryTypes } from '../atlas/common'
import type { DeliveryType } from '../atlas/common'
import { checkDownloadLimits } from './download-limits'
import type { DownloadCounts } from './download-limits'
import { ruleErrorCodes } from './error-codes'
import { ok, refuse } from './result'
import type { RuleResult } from './result'

// R1: the wizard offers only the delivery types the source allows, and shows the reason beside
// each one it disables; the BFF and the sandbox refuse the others with the same reason.

export const deploymentKinds = ['dedicated', 'flex', 'serverless'] as const
export type DeploymentKind = (typeof deploymentKinds)[number]

export type RestoreSourceInput = {
  kind: DeploymentKind
  /** Continuous cloud backup (dedicated `pitEnabled`, or Serverless Continuous Backup). */
  pitEnabled: boolean
  /**
   * Encryption at rest with customer key management: reference 003 offers the snapshot download
   * only "for clusters not using Encryption at Rest using Customer Key Management".
   */
  customerKeyEncryption?: boolean | undefined
}

const label: Record<DeliveryType, string> = {
  automated: 'Restoring a snapshot',
  download: 'Downloading a snapshot',
  pointInTime: 'Restoring to a point in time',
}

function unsupported(deliveryType: DeliveryType, why: string): RuleResult {
  return refuse(
    `${label[deliveryType]} ${why}`,
    'deliveryType',
    ruleErrorCodes.deliveryTypeNotSupported,
  )
}

/** Whether the source allows this delivery type at all (R1, R5, R6). */
export function checkDeliveryTypeAllowed(
  source: RestoreSourceInput,
  deliveryType: DeliveryType,
): RuleResult {
  if (!(deliveryTypes as readonly string[]).includes(deliveryType)) {
    return refuse(
      'deliveryType must be automated, download or pointInTime',
      'deliveryType',
    )
  }
  // R6: "Flex clusters support only automated restore jobs" (CLI). The Flex snapshot download
  // is a separate action, not a restore delivery type.
  if (source.kind === 'flex' && deliveryType !== 'automated') {
    return unsupported(
      deliveryType,
      'is not available for Flex clusters; they support automated restores only',
    )
  }
  if (deliveryType === 'download') {
    if (source.kind === 'serverless') {
      // R5: "You can't download serverless instance snapshots" (reference 003).
      return unsupported(
        deliveryType,
        'is not available for serverless instances',
      )
    }
    if (source.customerKeyEncryption === true) {
      return unsupported(
        deliveryType,
        'is not available for clusters that use encryption at rest with customer key management',
      )
    }
  }
  if (deliveryType === 'pointInTime' && !source.pitEnabled) {
    return unsupported(
      deliveryType,
      'needs continuous cloud backup, which is not enabled on this cluster',
    )
  }
  return ok
}

export type DeliveryTypeOption = {
  deliveryType: DeliveryType
  result: RuleResult
}

/**
 * One entry per delivery type, in wizard order, each ok or with the reason it is disabled. Pass
 * the download counts to fold in R3's limits for the download option.
 */
export function deliveryTypeOptions(
  source: RestoreSourceInput,
  downloads?: DownloadCounts,
): DeliveryTypeOption[] {
  return deliveryTypes.map((deliveryType) => {
    const allowed = checkDeliveryTypeAllowed(source, deliveryType)
    const result =
      allowed.ok && deliveryType === 'download' && downloads
        ? checkDownloadLimits(downloads)
        : allowed
    return { deliveryType, result }
  })
}
