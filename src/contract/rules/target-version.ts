import { ruleErrorCodes } from './error-codes'
import { majorVersion } from './flex-restore'
import { ok, refuse } from './result'
import type { RuleResult } from './result'

// A restore's data goes only to a cluster on the same MongoDB release or a later one: a target
// on an older release cannot start on newer data files (its featureCompatibilityVersion must be
// at least the source's; Cloud Manager restore prerequisites). Atlas, and the sandbox, refuse
// such a restore; the BFF checks first so that the request never reaches it. Flex restores have
// their own, stricter rule (same major version, R6: checkFlexRestoreTarget).

export type VersionedTarget = {
  name: string
  /** "7.0.12" or "7.0"; absent when unknown, which skips the check. */
  mongoDBVersion?: string | undefined
}

function parts(version: string): [number, number] | undefined {
  const major = majorVersion(version)
  if (!major) return undefined
  const [a = 0, b = 0] = major.split('.').map(Number)
  return [a, b]
}

export function checkTargetVersion(
  dataVersion: string | undefined,
  target: VersionedTarget,
  field = 'targetClusterName',
): RuleResult {
  const from = dataVersion ? parts(dataVersion) : undefined
  const to = target.mongoDBVersion ? parts(target.mongoDBVersion) : undefined
  if (!from || !to) return ok
  if (to[0] > from[0] || (to[0] === from[0] && to[1] >= from[1])) return ok
  const fromText = from.join('.')
  return refuse(
    `The data runs MongoDB ${fromText} but ${target.name} runs ${to.join('.')}; restore it ` +
      `to a cluster on MongoDB ${fromText} or later`,
    field,
    ruleErrorCodes.incompatibleTarget,
  )
}
