import { type SandboxDb, getMeta, setMeta } from './db'

// Sandbox-side facts Atlas keeps elsewhere: whether a project has a Backup Compliance Policy
// (S3: it forbids deleting snapshots).
export function groupHasCompliancePolicy(
  db: SandboxDb,
  groupId: string,
): boolean {
  return getMeta(db, `compliance.${groupId}`) === 'true'
}

export function setGroupCompliance(
  db: SandboxDb,
  groupId: string,
  enabled: boolean,
): void {
  setMeta(db, `compliance.${groupId}`, String(enabled))
}

/**
 * How far a simulation has processed a cluster (ms, sandbox time): e.g. the scheduled
 * snapshots of `snapshots` up to this instant have been taken.
 */
export function getCursor(
  db: SandboxDb,
  name: string,
  groupId: string,
  clusterName: string,
): number | undefined {
  const value = getMeta(db, `cursor.${name}.${groupId}.${clusterName}`)
  return value === undefined ? undefined : Number(value)
}

export function setCursor(
  db: SandboxDb,
  name: string,
  groupId: string,
  clusterName: string,
  at: number,
): void {
  setMeta(db, `cursor.${name}.${groupId}.${clusterName}`, String(at))
}
