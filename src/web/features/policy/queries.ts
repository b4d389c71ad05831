import { queryOptions } from '@tanstack/react-query'

import { clusterSchema } from '../../../contract/atlas/cluster'
import { groupSchema } from '../../../contract/atlas/group'
import {
  type BackupSchedule,
  backupScheduleSchema,
} from '../../../contract/atlas/schedule'
import { overviewSchema } from '../../../contract/bff/overview'
import { SCHEDULE_ETAG_HEADER } from '../../../contract/bff/write-requests'
import { api } from '../../lib/api-client'
import { policyApi } from './api-paths'
import { clusterFacts } from './cluster-facts'
import { readExistingSnapshots } from './read-snapshots'

export const policyKeys = {
  all: ['policy'] as const,
  schedule: (groupId: string, name: string) =>
    [...policyKeys.all, 'schedule', groupId, name] as const,
  cluster: (groupId: string, name: string) =>
    [...policyKeys.all, 'cluster', groupId, name] as const,
  snapshots: (groupId: string, name: string, sharded: boolean) =>
    [...policyKeys.all, 'snapshots', groupId, name, { sharded }] as const,
  project: (groupId: string) =>
    [...policyKeys.all, 'project', groupId] as const,
  atlasClock: () => [...policyKeys.all, 'atlas-clock'] as const,
}

/** The schedule as saved, with the ETag a PATCH must send back in If-Match. */
export type SavedSchedule = { schedule: BackupSchedule; etag: string }

export function scheduleQuery(groupId: string, name: string) {
  return queryOptions({
    queryKey: policyKeys.schedule(groupId, name),
    queryFn: async ({ signal }): Promise<SavedSchedule> => {
      const { body, headers } = await api.getWithHeaders(
        policyApi.schedule(groupId, name),
        backupScheduleSchema,
        signal,
      )
      return { schedule: body, etag: headers.get(SCHEDULE_ETAG_HEADER) ?? '' }
    },
  })
}

/** The facts of the cluster that decide what its policy may hold (NVMe: P2; continuous: P5). */
export function clusterQuery(groupId: string, name: string) {
  return queryOptions({
    queryKey: policyKeys.cluster(groupId, name),
    queryFn: async ({ signal }) =>
      clusterFacts(
        await api.get(policyApi.cluster(groupId, name), clusterSchema, signal),
      ),
  })
}

/** The cluster's snapshots, for what "apply to existing snapshots" would change (P7). */
export function existingSnapshotsQuery(
  groupId: string,
  name: string,
  sharded: boolean,
) {
  return queryOptions({
    queryKey: policyKeys.snapshots(groupId, name, sharded),
    queryFn: ({ signal }) =>
      readExistingSnapshots(groupId, name, sharded, signal),
  })
}

export function projectQuery(groupId: string) {
  return queryOptions({
    queryKey: policyKeys.project(groupId),
    queryFn: ({ signal }) =>
      api.get(policyApi.project(groupId), groupSchema, signal),
    staleTime: 10 * 60_000,
  })
}

/**
 * Atlas's clock (the overview's fetchedAt): whether a new expiry has passed is Atlas's call,
 * and the sandbox's clock may be days ahead of the browser's.
 */
export function atlasClockQuery() {
  return queryOptions({
    queryKey: policyKeys.atlasClock(),
    queryFn: async ({ signal }) =>
      (await api.get(policyApi.overview(), overviewSchema, signal)).fetchedAt,
  })
}
