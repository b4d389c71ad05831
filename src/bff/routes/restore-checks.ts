import { clusterSchema } from '../../contract/atlas/cluster'
import type { RestoreJobCreate } from '../../contract/atlas/restore-job'
import { paginatedRestoreJobsSchema } from '../../contract/atlas/restore-job'
import { backupScheduleSchema } from '../../contract/atlas/schedule'
import {
  replicaSetSnapshotSchema,
  shardedSnapshotSchema,
} from '../../contract/atlas/snapshot'
import { checkDeliveryTypeAllowed } from '../../contract/rules/delivery-type'
import {
  checkDownloadLimits,
  countActiveDownloads,
} from '../../contract/rules/download-limits'
import { checkBaseSnapshot } from '../../contract/rules/restore-base-snapshot'
import { checkRestoreConfirmation } from '../../contract/rules/restore-confirmation'
import {
  checkRestoreRequest,
  restoreInstant,
} from '../../contract/rules/restore-request'
import { checkRestoreInstant } from '../../contract/rules/restore-window'
import { checkTargetVersion } from '../../contract/rules/target-version'
import {
  checkRestoreTopology,
  clusterShardCount,
  snapshotShardCount,
} from '../../contract/rules/topology'
import type { AtlasClient } from '../atlas/client'
import { ApiProblem, fromRefusal } from '../http/errors'
import { WRONG_API } from './target-checks'
import { enc, optional, refuseIf } from './write-checks'

/**
 * Every rule of DESIGN §4 the BFF can check before a dedicated restore reaches Atlas (R1–R4,
 * R7, R8), with the facts it reads from Atlas. Atlas checks again; the blackout (R4) is left
 * to it and to the wizard, which sees the target's restore history.
 */
export async function checkDedicatedRestore(
  atlas: AtlasClient,
  source: { groupId: string; clusterName: string },
  body: RestoreJobCreate,
  confirmation: string | undefined,
): Promise<void> {
  refuseIf(checkRestoreRequest(body))
  const C = `/groups/${enc(source.groupId)}/clusters/${enc(source.clusterName)}`
  const cluster = (
    await atlas.request({
      path: C,
      resource: 'clusters',
      schema: clusterSchema,
    })
  ).body
  refuseIf(
    checkDeliveryTypeAllowed(
      { kind: 'dedicated', pitEnabled: cluster.pitEnabled ?? false },
      body.deliveryType,
    ),
  )

  if (body.deliveryType !== 'download') {
    refuseIf(
      checkRestoreConfirmation({
        deliveryType: body.deliveryType,
        targetName: body.targetClusterName ?? '',
        confirmation,
      }),
    )
  }

  const instant = restoreInstant(body)
  if (body.deliveryType === 'pointInTime' && instant) {
    const schedule = (
      await atlas.request({
        path: `${C}/backup/schedule`,
        resource: 'schedule',
        schema: backupScheduleSchema,
      })
    ).body
    refuseIf(
      checkRestoreInstant(
        instant.seconds,
        {
          now: atlas.upstreamNow(),
          restoreWindowDays: schedule.restoreWindowDays ?? 0,
        },
        instant.field,
      ),
    )
  }

  const sharded =
    cluster.clusterType !== undefined && cluster.clusterType !== 'REPLICASET'
  const snapshot = body.snapshotId
    ? await optional(async () =>
        sharded
          ? (
              await atlas.request({
                path: `${C}/backup/snapshots/shardedCluster/${enc(body.snapshotId ?? '')}`,
                resource: 'snapshots',
                schema: shardedSnapshotSchema,
              })
            ).body
          : (
              await atlas.request({
                path: `${C}/backup/snapshots/${enc(body.snapshotId ?? '')}`,
                resource: 'snapshots',
                schema: replicaSetSnapshotSchema,
              })
            ).body,
      )
    : undefined
  if (body.snapshotId && !snapshot) {
    throw new ApiProblem(
      404,
      'SNAPSHOT_NOT_FOUND',
      `Snapshot ${body.snapshotId} of ${source.clusterName} does not exist (it may have expired).`,
      [
        {
          field: 'snapshotId',
          description: 'no such snapshot on the source cluster',
        },
      ],
    )
  }
  if (
    snapshot &&
    snapshot.status !== undefined &&
    snapshot.status !== 'completed'
  ) {
    throw fromRefusal({
      reason: `Snapshot ${body.snapshotId ?? ''} is ${snapshot.status}; only a completed snapshot can be restored`,
      field: 'snapshotId',
    })
  }
  if (snapshot && instant && body.snapshotId) {
    refuseIf(
      checkBaseSnapshot(
        { id: body.snapshotId, createdAt: new Date(snapshot.createdAt ?? 0) },
        instant.seconds,
      ),
    )
  }

  if (body.deliveryType === 'download' && body.snapshotId) {
    const jobs = (
      await atlas.request({
        path: `${C}/backup/restoreJobs?itemsPerPage=500`,
        resource: 'restoreJobs',
        schema: paginatedRestoreJobsSchema,
      })
    ).body
    refuseIf(
      checkDownloadLimits(
        countActiveDownloads(
          jobs.results.map((job) => ({
            ...job,
            expiresAt: job.expiresAt ? new Date(job.expiresAt) : undefined,
          })),
          body.snapshotId,
          atlas.upstreamNow(),
        ),
      ),
    )
    return
  }

  const targetGroupId = body.targetGroupId ?? ''
  const targetName = body.targetClusterName ?? ''
  // A Flex or serverless name answers through the clusters API with a 400: no such cluster.
  const target = await optional(
    async () =>
      (
        await atlas.request({
          path: `/groups/${enc(targetGroupId)}/clusters/${enc(targetName)}`,
          resource: 'clusters',
          schema: clusterSchema,
        })
      ).body,
    WRONG_API,
  )
  if (!target) {
    throw new ApiProblem(
      404,
      'CLUSTER_NOT_FOUND',
      `There is no cluster ${targetName} in project ${targetGroupId}.`,
      [
        {
          field: 'targetClusterName',
          description: 'no such cluster in the target project',
        },
      ],
    )
  }
  if (snapshot && target.clusterType) {
    const members =
      'members' in snapshot && Array.isArray(snapshot.members)
        ? snapshot.members
        : undefined
    refuseIf(
      checkRestoreTopology(
        {
          type: members ? 'shardedCluster' : 'replicaSet',
          shardCount: members
            ? snapshotShardCount({
                members,
                configServerType: snapshot.configServerType as
                  'EMBEDDED' | 'DEDICATED' | undefined,
              })
            : undefined,
          clusterName: source.clusterName,
          createdAt: new Date(snapshot.createdAt ?? 0),
        },
        {
          name: targetName,
          clusterType: target.clusterType,
          shardCount: clusterShardCount(target),
          configServerType: target.configServerType,
        },
      ),
    )
  }
  // Then the release, as Atlas checks it after the topology.
  refuseIf(
    checkTargetVersion(snapshot?.mongodVersion ?? cluster.mongoDBVersion, {
      name: targetName,
      mongoDBVersion: target.mongoDBVersion,
    }),
  )
}
