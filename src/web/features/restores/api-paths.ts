import type { DeploymentKind } from '../../../contract/rules/delivery-type'

// The BFF paths the restore feature calls: Atlas's own paths under /api/atlas/v2 (the BFF
// serves them in Atlas's shapes), one place so queries and mutations agree.

const enc = encodeURIComponent
const V2 = '/api/atlas/v2'

const segment: Record<DeploymentKind, string> = {
  dedicated: 'clusters',
  flex: 'flexClusters',
  serverless: 'serverless',
}

export const restoreApi = {
  overview: () => '/api/overview',
  liveJobs: () => '/api/restore-jobs',
  /** Every project the console's key sees (Atlas's groups), for their names. */
  /** Server-Sent Events of the watched restore jobs (contract/bff/job-events.ts). */
  events: () => '/api/events',
  deployment: (kind: DeploymentKind, groupId: string, name: string) =>
    `${V2}/groups/${enc(groupId)}/${segment[kind]}/${enc(name)}`,
  schedule: (groupId: string, name: string) =>
    `${restoreApi.deployment('dedicated', groupId, name)}/backup/schedule`,
  /** The snapshot list; sharded dedicated clusters have their own (with members). */
  snapshots: (
    kind: DeploymentKind,
    groupId: string,
    name: string,
    sharded: boolean,
  ) => {
    const base = `${restoreApi.deployment(kind, groupId, name)}/backup/snapshots`
    if (kind === 'dedicated' && sharded) return `${base}/shardedClusters`
    return kind === 'flex' ? base : `${base}?itemsPerPage=500`
  },
  snapshot: (groupId: string, name: string, id: string, sharded: boolean) =>
    `${restoreApi.deployment('dedicated', groupId, name)}/backup/snapshots/${
      sharded ? 'shardedCluster/' : ''
    }${enc(id)}`,
  /** POST: an on-demand snapshot (dedicated clusters only, S1). */
  takeSnapshot: (groupId: string, name: string) =>
    `${restoreApi.deployment('dedicated', groupId, name)}/backup/snapshots`,
  restoreJobs: (kind: DeploymentKind, groupId: string, name: string) =>
    `${restoreApi.deployment(kind, groupId, name)}/backup/restoreJobs`,
  restoreJob: (
    kind: DeploymentKind,
    groupId: string,
    name: string,
    jobId: string,
  ) => `${restoreApi.restoreJobs(kind, groupId, name)}/${enc(jobId)}`,
}
