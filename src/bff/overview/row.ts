import type { OverviewRow } from '../../contract/bff/overview'
import type { DeploymentKind } from '../../contract/rules/delivery-type'
import { ApiProblem } from '../http/errors'
import { type BackupFacts, assessBackup } from './backup-health'

export type Project = { id: string; name: string }

/** A row with nothing known beyond the deployment's name. */
export function emptyRow(
  project: Project,
  name: string,
  kind: DeploymentKind,
): OverviewRow {
  return {
    groupId: project.id,
    projectName: project.name,
    name,
    kind,
    clusterType: null,
    tier: null,
    mongoDBVersion: null,
    backupEnabled: false,
    pitEnabled: false,
    restoreWindowDays: null,
    latestSnapshot: null,
    lastCompletedSnapshotAt: null,
    nextSnapshot: null,
    rpoSeconds: null,
    rpoBasis: null,
    activeRestores: null,
    problems: [],
    error: null,
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiProblem) return error.detail
  return error instanceof Error ? error.message : String(error)
}

/** The value of a settled read, or undefined (its error is kept in `errors`). */
export function valueOf<T>(
  result: PromiseSettledResult<T>,
  errors: unknown[],
): T | undefined {
  if (result.status === 'fulfilled') return result.value
  errors.push(result.reason)
  return undefined
}

export function isoOrNull(value: string | Date | null | undefined) {
  if (value === null || value === undefined || value === '') return null
  const ms = new Date(value).getTime()
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}

/** Problems and RPO from what was read; an upstream failure marks the row unreachable. */
export function finishRow(
  row: OverviewRow,
  facts: BackupFacts,
  errors: readonly unknown[],
): OverviewRow {
  const assessed = assessBackup(facts)
  const first = errors[0]
  return {
    ...row,
    rpoSeconds: assessed.rpoSeconds,
    rpoBasis: assessed.rpoBasis,
    problems:
      first === undefined
        ? assessed.problems
        : [...assessed.problems, 'unreachable'],
    error: first === undefined ? null : errorMessage(first),
  }
}
