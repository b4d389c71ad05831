import {
  checkFlexRestoreTarget,
  majorVersion,
} from '../../../../contract/rules/flex-restore'
import type { DeploymentKind } from '../../../../contract/rules/delivery-type'
import type { DeploymentFacts } from '../deployment-facts'
import type { PreflightLine } from './preflight'

// "Same or newer major version": a target on an older release cannot start on the data
// ("The source and destination mongoDB versions are incompatible", PEERS.md §1); Flex data
// needs the same major version (R6).

function parts(major: string): [number, number] {
  const [a = 0, b = 0] = major.split('.').map(Number)
  return [a, b]
}

export function compareVersions(
  sourceKind: DeploymentKind,
  dataVersion: string | undefined,
  target: DeploymentFacts,
): PreflightLine {
  const title = 'MongoDB version'
  const from = dataVersion ? majorVersion(dataVersion) : undefined
  const to = target.mongoDBVersion
    ? majorVersion(target.mongoDBVersion)
    : undefined
  if (!from || !to) {
    return {
      id: 'version',
      title,
      status: 'warn',
      detail: `The ${from ? "target's" : "data's"} MongoDB version is not known; Atlas refuses a target on an older release when the restore starts.`,
    }
  }
  if (sourceKind === 'flex') {
    const result = checkFlexRestoreTarget(dataVersion, {
      kind: target.kind,
      mongoDBVersion: target.mongoDBVersion,
    })
    return result.ok
      ? {
          id: 'version',
          title,
          status: 'pass',
          detail: `Both run MongoDB ${from}.`,
        }
      : { id: 'version', title, status: 'fail', detail: `${result.reason}.` }
  }
  const [fa, fb] = parts(from)
  const [ta, tb] = parts(to)
  if (ta < fa || (ta === fa && tb < fb)) {
    return {
      id: 'version',
      title,
      status: 'fail',
      detail: `The data runs MongoDB ${from} but ${target.name} runs ${to}, an older release; restore it to a cluster on MongoDB ${from} or later.`,
    }
  }
  return {
    id: 'version',
    title,
    status: 'pass',
    detail:
      from === to
        ? `The data and ${target.name} both run MongoDB ${from}.`
        : `${target.name} runs MongoDB ${to}, newer than the data's ${from}.`,
  }
}
