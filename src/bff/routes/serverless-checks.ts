import { deliveryTypes, PAGE_SIZE_MAX } from '../../contract/atlas/common'
import {
  type ServerlessRestoreJob,
  type ServerlessRestoreJobCreate,
  paginatedServerlessRestoreJobsSchema,
  serverlessInstanceSchema,
  serverlessSnapshotSchema,
} from '../../contract/atlas/serverless'
import { checkDeliveryTypeAllowed } from '../../contract/rules/delivery-type'
import { ruleErrorCodes } from '../../contract/rules/error-codes'
import {
  type ServerlessRestoreRequestInput,
  checkRestoreTargetKind,
  validateServerlessRestoreRequest,
} from '../../contract/rules/serverless-restore'
import { checkTargetVersion } from '../../contract/rules/target-version'
import {
  checkRestoreTopology,
  clusterShardCount,
} from '../../contract/rules/topology'
import type { AtlasClient } from '../atlas/client'
import { ApiProblem, fromRefusal } from '../http/errors'
import { findDeployment, targetNotFound } from './target-checks'
import { enc, optional, refuseAll, refuseIf, ruleInput } from './write-checks'

export type ServerlessSource = { groupId: string; clusterName: string }

export const serverlessBackupPath = (source: ServerlessSource) =>
  `/groups/${enc(source.groupId)}/serverless/${enc(source.clusterName)}/backup`

/**
 * R5 on the body alone, in the rule's words, before the schema and before anything goes
 * upstream. The 72-hour window waits for Atlas's clock (checkServerlessRestore).
 */
export function checkServerlessBody(body: unknown, now: Date): void {
  const raw = ruleInput(
    body ?? {},
    ['deliveryType', 'snapshotId', 'targetGroupId', 'targetClusterName'],
    ['pointInTimeUTCSeconds', 'oplogTs', 'oplogInc'],
  )
  if (!raw || !(deliveryTypes as readonly unknown[]).includes(raw.deliveryType))
    return
  refuseAll(
    validateServerlessRestoreRequest(
      raw as ServerlessRestoreRequestInput,
      now,
    ).filter((r) => r.errorCode !== ruleErrorCodes.pointInTimeOutsideWindow),
  )
}

/**
 * R1, R5 with what Atlas says: the source instance (whose read also sets Atlas's clock for the
 * 72-hour window), a completed snapshot, and a target of a kind that can take it.
 */
export async function checkServerlessRestore(
  atlas: AtlasClient,
  source: ServerlessSource,
  body: ServerlessRestoreJobCreate,
): Promise<void> {
  const instance = await atlas.request({
    path: `/groups/${enc(source.groupId)}/serverless/${enc(source.clusterName)}`,
    resource: 'serverless',
    schema: serverlessInstanceSchema,
  })
  refuseAll(validateServerlessRestoreRequest(body, atlas.upstreamNow()))
  const options = instance.body.serverlessBackupOptions
  refuseIf(
    checkDeliveryTypeAllowed(
      {
        kind: 'serverless',
        pitEnabled: options?.serverlessContinuousBackupEnabled !== false,
      },
      body.deliveryType,
    ),
  )
  const snapshotId = body.snapshotId
  let dataVersion = instance.body.mongoDBVersion
  if (snapshotId) {
    const snapshot = await optional(
      async () =>
        (
          await atlas.request({
            path: `${serverlessBackupPath(source)}/snapshots/${enc(snapshotId)}`,
            resource: 'serverless',
            schema: serverlessSnapshotSchema,
          })
        ).body,
    )
    if (!snapshot) {
      throw new ApiProblem(
        404,
        'SNAPSHOT_NOT_FOUND',
        `Snapshot ${snapshotId} of ${source.clusterName} does not exist (it may have expired).`,
        [
          {
            field: 'snapshotId',
            description: 'no such snapshot of the instance',
          },
        ],
      )
    }
    if (snapshot.status !== undefined && snapshot.status !== 'completed') {
      throw fromRefusal({
        reason: `Snapshot ${snapshotId} is ${snapshot.status}; only a completed snapshot can be restored`,
        field: 'snapshotId',
      })
    }
    dataVersion = snapshot.mongodVersion ?? dataVersion
  }
  const { targetGroupId, targetClusterName } = body
  const target = await findDeployment(atlas, targetGroupId, targetClusterName, [
    'serverless',
    'dedicated',
    'flex',
  ])
  if (!target) {
    throw targetNotFound(targetClusterName, targetGroupId, 'targetClusterName')
  }
  refuseIf(checkRestoreTargetKind('serverless', target.kind))
  if (target.kind === 'dedicated') {
    // R7: serverless data is a replica set's, so it goes only to a replica set.
    const clusterType = target.doc.clusterType ?? 'REPLICASET'
    refuseIf(
      checkRestoreTopology(
        {
          type: 'replicaSet',
          clusterName: source.clusterName,
          createdAt: atlas.upstreamNow(),
        },
        {
          name: targetClusterName,
          clusterType,
          shardCount: clusterShardCount({ ...target.doc, clusterType }),
          configServerType: target.doc.configServerType,
        },
      ),
    )
  }
  refuseIf(
    checkTargetVersion(dataVersion, {
      name: targetClusterName,
      mongoDBVersion: target.doc.mongoDBVersion,
    }),
  )
}

export async function listServerlessJobs(
  atlas: AtlasClient,
  source: ServerlessSource,
): Promise<ServerlessRestoreJob[]> {
  const jobs = await atlas.request({
    path: `${serverlessBackupPath(source)}/restoreJobs?itemsPerPage=${PAGE_SIZE_MAX}`,
    resource: 'serverless',
    schema: paginatedServerlessRestoreJobsSchema,
  })
  return jobs.body.results
}
