import { PAGE_SIZE_MAX } from '../../contract/atlas/common'
import {
  type FlexRestoreJob,
  type FlexRestoreJobCreate,
  type FlexSnapshot,
  flexSnapshotSchema,
  paginatedFlexRestoreJobsSchema,
} from '../../contract/atlas/flex-backup'
import { flexClusterSchema } from '../../contract/atlas/flex-cluster'
import {
  checkDownloadLimits,
  countActiveDownloads,
} from '../../contract/rules/download-limits'
import {
  type FlexRestoreTargetInput,
  checkFlexRestoreTarget,
} from '../../contract/rules/flex-restore'
import { checkRestoreConfirmation } from '../../contract/rules/restore-confirmation'
import type { AtlasClient } from '../atlas/client'
import { ApiProblem, fromRefusal } from '../http/errors'
import {
  type Deployment,
  findDeployment,
  targetNotFound,
} from './target-checks'
import { enc, optional, refuseIf } from './write-checks'

export type FlexSource = { groupId: string; name: string }

export const flexBackupPath = (source: FlexSource) =>
  `/groups/${enc(source.groupId)}/flexClusters/${enc(source.name)}/backup`

/** The source cluster (its 404 passes on), then a completed snapshot of it. */
async function requireFlexSnapshot(
  atlas: AtlasClient,
  source: FlexSource,
  snapshotId: string,
): Promise<FlexSnapshot> {
  await atlas.request({
    path: `/groups/${enc(source.groupId)}/flexClusters/${enc(source.name)}`,
    resource: 'flex',
    schema: flexClusterSchema,
  })
  const snapshot = await optional(
    async () =>
      (
        await atlas.request({
          path: `${flexBackupPath(source)}/snapshots/${enc(snapshotId)}`,
          resource: 'flex',
          schema: flexSnapshotSchema,
        })
      ).body,
  )
  if (!snapshot) {
    throw new ApiProblem(
      404,
      'SNAPSHOT_NOT_FOUND',
      `Snapshot ${snapshotId} of ${source.name} does not exist (Flex clusters keep their last 8).`,
      [{ field: 'snapshotId', description: 'no such snapshot of the cluster' }],
    )
  }
  if (snapshot.status !== undefined && snapshot.status !== 'COMPLETED') {
    throw fromRefusal({
      reason: `Snapshot ${snapshotId} is ${snapshot.status}; only a completed snapshot can be restored or downloaded`,
      field: 'snapshotId',
    })
  }
  return snapshot
}

function targetFacts(target: Deployment): FlexRestoreTargetInput {
  if (target.kind === 'dedicated') {
    const { clusterType, encryptionAtRestProvider, mongoDBVersion } = target.doc
    return {
      kind: 'dedicated',
      clusterType,
      encryptionAtRestProvider,
      mongoDBVersion,
    }
  }
  return { kind: target.kind, mongoDBVersion: target.doc.mongoDBVersion }
}

/** R8: the operator typed the target's name; checked on every request, repeats included. */
export function checkFlexConfirmation(
  body: FlexRestoreJobCreate,
  confirmation: string | undefined,
): void {
  refuseIf(
    checkRestoreConfirmation({
      deliveryType: 'RESTORE',
      targetName: body.targetDeploymentItemName,
      confirmation,
    }),
  )
}

/**
 * R6 before a Flex restore reaches Atlas: a completed snapshot, and a target (Flex or
 * dedicated, in targetProjectId or the same project) that can take it.
 */
export async function checkFlexRestore(
  atlas: AtlasClient,
  source: FlexSource,
  body: FlexRestoreJobCreate,
): Promise<void> {
  const name = body.targetDeploymentItemName
  const snapshot = await requireFlexSnapshot(atlas, source, body.snapshotId)
  const groupId = body.targetProjectId ?? source.groupId
  const target = await findDeployment(atlas, groupId, name, [
    'flex',
    'dedicated',
    'serverless',
  ])
  if (!target) throw targetNotFound(name, groupId, 'targetDeploymentItemName')
  refuseIf(checkFlexRestoreTarget(snapshot.mongoDBVersion, targetFacts(target)))
}

export async function listFlexJobs(
  atlas: AtlasClient,
  source: FlexSource,
): Promise<FlexRestoreJob[]> {
  const jobs = await atlas.request({
    path: `${flexBackupPath(source)}/restoreJobs?itemsPerPage=${PAGE_SIZE_MAX}`,
    resource: 'flex',
    schema: paginatedFlexRestoreJobsSchema,
  })
  return jobs.body.results
}

/**
 * R3 before a Flex download: a completed snapshot without another live download. Only this
 * cluster's downloads are counted; Atlas enforces the project-wide limit of 20.
 */
export async function checkFlexDownload(
  atlas: AtlasClient,
  source: FlexSource,
  snapshotId: string,
): Promise<void> {
  await requireFlexSnapshot(atlas, source, snapshotId)
  const jobs = await listFlexJobs(atlas, source)
  refuseIf(
    checkDownloadLimits(
      countActiveDownloads(
        jobs.map((job) => ({
          deliveryType:
            job.deliveryType === 'DOWNLOAD' ? 'download' : 'automated',
          snapshotId: job.snapshotId,
          failed: job.status === 'FAILED',
          expiresAt: job.expirationDate
            ? new Date(job.expirationDate)
            : undefined,
        })),
        snapshotId,
        atlas.upstreamNow(),
      ),
    ),
  )
}
