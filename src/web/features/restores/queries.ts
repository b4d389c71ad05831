import { queryOptions } from '@tanstack/react-query'

import { clusterSchema } from '../../../contract/atlas/cluster'
import {
  flexRestoreJobSchema,
  paginatedFlexSnapshotsSchema,
} from '../../../contract/atlas/flex-backup'
import { flexClusterSchema } from '../../../contract/atlas/flex-cluster'
import {
  paginatedRestoreJobsSchema,
  restoreJobSchema,
} from '../../../contract/atlas/restore-job'
import { backupScheduleSchema } from '../../../contract/atlas/schedule'
import {
  paginatedServerlessSnapshotsSchema,
  serverlessInstanceSchema,
  serverlessRestoreJobSchema,
} from '../../../contract/atlas/serverless'
import {
  paginatedReplicaSetSnapshotsSchema,
  paginatedShardedSnapshotsSchema,
  replicaSetSnapshotSchema,
  shardedSnapshotSchema,
} from '../../../contract/atlas/snapshot'
import {
  type JobRef,
  type LiveJob,
  restoreJobListSchema,
} from '../../../contract/bff/job-events'
import { overviewSchema } from '../../../contract/bff/overview'
import type { DeploymentKind } from '../../../contract/rules/delivery-type'
import {
  type RestoreJobState,
  flexRestoreJobState,
  restoreJobState,
} from '../../../contract/rules/restore-job-state'
import { api, FRESH } from '../../lib/api-client'
import { ApiError } from '../../lib/api-error'
import { restoreApi } from './api-paths'
import { readAtlasJob } from './monitor/atlas-job'
import { refOf, sameJob } from './monitor/job-model'
import { mergeList, newerOf } from './monitor/job-versions'
import {
  type DeploymentFacts,
  dedicatedFacts,
  flexFacts,
  serverlessFacts,
} from './deployment-facts'
import {
  type SnapshotRow,
  dedicatedSnapshotRows,
  flexSnapshotRows,
  serverlessSnapshotRows,
} from './snapshot-rows'

export const restoreKeys = {
  all: ['restores'] as const,
  wizard: () => [...restoreKeys.all, 'wizard'] as const,
  live: () => [...restoreKeys.all, 'live'] as const,
}

/**
 * Every deployment with its backup facts, and Atlas's clock (`fetchedAt`) for "now": always
 * freshly composed, since the pre-flight and the window edges depend on it.
 */
export function overviewQuery() {
  return queryOptions({
    queryKey: [...restoreKeys.wizard(), 'overview'],
    queryFn: ({ signal }) =>
      api.get(restoreApi.overview(), overviewSchema, signal, FRESH),
  })
}

/** The deployment's own Atlas document, reduced to the facts the rules take. */
export function deploymentQuery(
  kind: DeploymentKind,
  groupId: string,
  name: string,
) {
  return queryOptions({
    queryKey: [...restoreKeys.wizard(), 'deployment', kind, groupId, name],
    queryFn: async ({ signal }): Promise<DeploymentFacts> => {
      const path = restoreApi.deployment(kind, groupId, name)
      switch (kind) {
        case 'dedicated':
          return dedicatedFacts(
            groupId,
            name,
            await api.get(path, clusterSchema, signal),
          )
        case 'flex':
          return flexFacts(
            groupId,
            name,
            await api.get(path, flexClusterSchema, signal),
          )
        case 'serverless':
          return serverlessFacts(
            groupId,
            name,
            await api.get(path, serverlessInstanceSchema, signal),
          )
      }
    },
  })
}

/** A dedicated cluster's backup schedule: its restoreWindowDays bounds a point in time (R4). */
export function scheduleQuery(groupId: string, name: string) {
  return queryOptions({
    queryKey: [...restoreKeys.wizard(), 'schedule', groupId, name],
    queryFn: ({ signal }) =>
      api.get(restoreApi.schedule(groupId, name), backupScheduleSchema, signal),
  })
}

/** The deployment's snapshots, newest first. */
export function snapshotsQuery(
  kind: DeploymentKind,
  groupId: string,
  name: string,
  sharded: boolean,
) {
  return queryOptions({
    queryKey: [
      ...restoreKeys.wizard(),
      'snapshots',
      kind,
      groupId,
      name,
      sharded,
    ],
    queryFn: async ({ signal }): Promise<SnapshotRow[]> => {
      const path = restoreApi.snapshots(kind, groupId, name, sharded)
      if (kind === 'flex') {
        const page = await api.get(path, paginatedFlexSnapshotsSchema, signal)
        return flexSnapshotRows(page.results)
      }
      if (kind === 'serverless') {
        const page = await api.get(
          path,
          paginatedServerlessSnapshotsSchema,
          signal,
        )
        return serverlessSnapshotRows(page.results)
      }
      const schema = sharded
        ? paginatedShardedSnapshotsSchema
        : paginatedReplicaSetSnapshotsSchema
      return dedicatedSnapshotRows(
        (await api.get(path, schema, signal)).results,
      )
    },
  })
}

/** One snapshot of a dedicated cluster, polled while an on-demand snapshot is taken (S1). */
export function snapshotQuery(
  groupId: string,
  name: string,
  id: string,
  sharded: boolean,
) {
  return queryOptions({
    queryKey: [...restoreKeys.wizard(), 'snapshot', groupId, name, id, sharded],
    queryFn: async ({ signal }) => {
      const path = restoreApi.snapshot(groupId, name, id, sharded)
      const schema = sharded ? shardedSnapshotSchema : replicaSetSnapshotSchema
      const [row] = dedicatedSnapshotRows([await api.get(path, schema, signal)])
      return row ?? null
    },
    refetchInterval: (query) =>
      query.state.data?.status === 'completed' ||
      query.state.data?.status === 'failed'
        ? false
        : 2_000,
  })
}

/** A dedicated cluster's restore jobs, for the download limits (R3). */
export function clusterRestoreJobsQuery(groupId: string, name: string) {
  return queryOptions({
    queryKey: [...restoreKeys.wizard(), 'restore-jobs', groupId, name],
    queryFn: ({ signal }) =>
      api.get(
        `${restoreApi.restoreJobs('dedicated', groupId, name)}?itemsPerPage=500`,
        paginatedRestoreJobsSchema,
        signal,
      ),
  })
}

/** Every restore job the BFF watches, with when it started (blackouts, active restores). */
export function liveJobsQuery() {
  return queryOptions({
    queryKey: restoreKeys.live(),
    queryFn: async ({ client, signal }) =>
      // The event stream may have brought newer states while this read was on its way.
      mergeList(
        client.getQueryData(restoreKeys.live()),
        await api.get(restoreApi.liveJobs(), restoreJobListSchema, signal),
      ),
  })
}

/**
 * One restore job as the console watches it (the restore job page, issue 7): from the watched
 * list, or for a job the console does not watch yet, Atlas's own document until the page's
 * event stream makes the BFF watch it. The stream keeps both queries current (use-job-events).
 */
export function liveJobQuery(ref: JobRef) {
  return queryOptions({
    queryKey: [...restoreKeys.live(), 'job', ref],
    queryFn: async ({ client, queryKey, signal }): Promise<LiveJob> => {
      // Always a fresh list: a job created a moment ago must not look started elsewhere.
      const list = await client.query({ ...liveJobsQuery(), staleTime: 0 })
      const known = list.results.find((job) => sameJob(refOf(job), ref))
      const read = known ?? (await readAtlasJob(ref, signal))
      return newerOf(client.getQueryData<LiveJob>(queryKey), read)
    },
  })
}

/**
 * One restore job's state read from Atlas now (R10), or 'gone' when Atlas no longer knows it:
 * the pre-flight check confirms an "active restore" this way rather than trust a stale list.
 */
export function restoreJobStateQuery(ref: JobRef) {
  return queryOptions({
    queryKey: [...restoreKeys.wizard(), 'job-state', ref],
    queryFn: async ({ signal }): Promise<RestoreJobState | 'gone'> => {
      const path = restoreApi.restoreJob(
        ref.kind,
        ref.groupId,
        ref.clusterName,
        ref.jobId,
      )
      try {
        if (ref.kind === 'flex') {
          const doc = await api.get(path, flexRestoreJobSchema, signal)
          return flexRestoreJobState(
            {
              ...doc,
              status: doc.status ?? 'PENDING',
              expirationDate: doc.expirationDate
                ? new Date(doc.expirationDate)
                : undefined,
            },
            new Date(),
          )
        }
        const schema =
          ref.kind === 'serverless'
            ? serverlessRestoreJobSchema
            : restoreJobSchema
        return restoreJobState(await api.get(path, schema, signal))
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return 'gone'
        throw error
      }
    },
    staleTime: 0,
  })
}
