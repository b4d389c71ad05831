import type { OverviewRow } from '../../../../contract/bff/overview'
import { kindLabel } from '../deployment-facts'

// Project and deployment choices from the overview (every deployment the console sees).

export type ProjectOption = { groupId: string; projectName: string }

export function projectsOf(rows: readonly OverviewRow[]): ProjectOption[] {
  const seen = new Map<string, string>()
  for (const row of rows) seen.set(row.groupId, row.projectName)
  return [...seen]
    .map(([groupId, projectName]) => ({ groupId, projectName }))
    .sort((a, b) => a.projectName.localeCompare(b.projectName))
}

/** "payments-rs — dedicated cluster, M30, replica set, MongoDB 7.0.14, continuous backup" */
export function deploymentLabel(row: OverviewRow): string {
  const topology =
    row.kind !== 'dedicated'
      ? undefined
      : row.clusterType === 'REPLICASET' || row.clusterType === null
        ? 'replica set'
        : 'sharded'
  const parts = [
    kindLabel[row.kind],
    row.kind === 'dedicated' ? row.tier : undefined,
    topology,
    row.mongoDBVersion ? `MongoDB ${row.mongoDBVersion}` : undefined,
    !row.backupEnabled
      ? 'backup off'
      : row.pitEnabled
        ? 'continuous backup'
        : undefined,
  ].filter((p): p is string => Boolean(p))
  return `${row.name} — ${parts.join(', ')}`
}

export function projectName(
  rows: readonly OverviewRow[],
  groupId: string | undefined,
): string {
  return rows.find((r) => r.groupId === groupId)?.projectName ?? groupId ?? ''
}
