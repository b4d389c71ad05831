import { queryOptions } from '@tanstack/react-query'

import { groupSchema } from '../../../contract/atlas/group'
import { backupScheduleSchema } from '../../../contract/atlas/schedule'
import { restoreJobListSchema } from '../../../contract/bff/job-events'
import type { DeploymentKind } from '../../../contract/rules/delivery-type'
import { api } from '../../lib/api-client'
import { atlasPaths } from './api-paths'
import type { Deployment, SnapshotRow } from './model'
import { readDeployment, readSnapshots } from './read-snapshots'

export const snapshotKeys = {
  all: ['snapshots'] as const,
  deployment: (groupId: string, kind: DeploymentKind, name: string) =>
    [...snapshotKeys.all, 'deployment', groupId, kind, name] as const,
  schedule: (groupId: string, name: string) =>
    [...snapshotKeys.all, 'schedule', groupId, name] as const,
  list: (groupId: string, kind: DeploymentKind, name: string) =>
    [...snapshotKeys.all, 'list', groupId, kind, name] as const,
  restoreJobs: () => [...snapshotKeys.all, 'restore-jobs'] as const,
}

export function deploymentQuery(
  groupId: string,
  kind: DeploymentKind,
  name: string,
) {
  return queryOptions({
    queryKey: snapshotKeys.deployment(groupId, kind, name),
    queryFn: ({ signal }) => readDeployment(groupId, kind, name, signal),
  })
}

/** Dedicated clusters only: the restore window and the policy's intervals. */
export function scheduleQuery(groupId: string, name: string) {
  return queryOptions({
    queryKey: snapshotKeys.schedule(groupId, name),
    queryFn: ({ signal }) =>
      api.get(atlasPaths.schedule(groupId, name), backupScheduleSchema, signal),
  })
}

const busy = (rows: SnapshotRow[] | undefined) =>
  rows?.some((r) => r.status === 'queued' || r.status === 'inProgress') ?? false

export function snapshotListQuery(
  deployment: Pick<Deployment, 'groupId' | 'kind' | 'name' | 'sharded'>,
) {
  const { groupId, kind, name, sharded } = deployment
  return queryOptions({
    queryKey: [...snapshotKeys.list(groupId, kind, name), { sharded }],
    queryFn: ({ signal }) =>
      readSnapshots({ groupId, kind, name, sharded }, signal),
    // While a snapshot is queued or running, follow it closely; otherwise once a minute.
    refetchInterval: (query) => (busy(query.state.data) ? 5_000 : 60_000),
  })
}

/** The console's watched restore jobs: restores into this cluster mark blackouts (R4). */
export function restoreJobsQuery() {
  return queryOptions({
    queryKey: snapshotKeys.restoreJobs(),
    queryFn: ({ signal }) =>
      api.get('/api/restore-jobs', restoreJobListSchema, signal),
  })
}

/** The project's name, for the breadcrumb. */
export function projectQuery(groupId: string) {
  return queryOptions({
    queryKey: [...snapshotKeys.all, 'project', groupId],
    queryFn: ({ signal }) =>
      api.get(
        `/api/atlas/v2/groups/${encodeURIComponent(groupId)}`,
        groupSchema,
        signal,
      ),
    staleTime: 10 * 60_000,
  })
}
