import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

import {
  type FlexRestoreJob,
  flexDownloadCreateSchema,
  flexRestoreJobSchema,
} from '../../contract/atlas/flex-backup'
import { flexRestoreRequestSchema } from '../../contract/bff/write-requests'
import { validateFlexRestoreRequest } from '../../contract/rules/flex-restore'
import { RESTORE_CONFIRMATION_FIELD } from '../../contract/rules/restore-confirmation'
import { requireAction } from '../auth/guard'
import type { BffDeps } from '../deps'
import type { IdempotencyRecord } from '../db/idempotency-repo'
import { checkPathParams } from '../http/atlas-params'
import { parseWith } from '../http/validate'
import {
  type FlexSource,
  checkFlexConfirmation,
  checkFlexDownload,
  checkFlexRestore,
  flexBackupPath,
  listFlexJobs,
} from './flex-checks'
import {
  isRepeat,
  objectIdTime,
  refuseAll,
  ruleInput,
  upstreamSince,
} from './write-checks'
import { watchCreatedJob } from './watch-created-job'
import { type WriteResult, auditedWrite } from './write-kit'

const F = '/api/atlas/v2/groups/:groupId/flexClusters/:name/backup'

function sourceOf(request: FastifyRequest): FlexSource {
  const { groupId = '', name = '' } = checkPathParams(request.params)
  return { groupId, name }
}

/** After a crash between Atlas and us: the job this request made, if Atlas has one. */
function reconcileWith(
  deps: BffDeps,
  source: FlexSource,
  matches: (job: FlexRestoreJob) => boolean,
) {
  return async (record: IdempotencyRecord) => {
    const since = upstreamSince(deps, record.createdAt)
    const made = (await listFlexJobs(deps.atlas, source)).find(
      (job) => objectIdTime(job.id) >= since && matches(job),
    )
    return made ? { status: 200, body: made, atlasId: made.id } : undefined
  }
}

/** Watches the job (Atlas keeps no creation time for it) and answers with it. */
function sendJob(
  deps: BffDeps,
  reply: FastifyReply,
  source: FlexSource,
  actor: string,
  result: WriteResult,
) {
  watchCreatedJob(
    deps,
    { kind: 'flex', groupId: source.groupId, clusterName: source.name },
    actor,
    result.body,
  )
  return reply.code(result.status).send(result.body)
}

export function registerFlexWriteRoutes(
  app: FastifyInstance,
  deps: BffDeps,
): void {
  // R6 + R8: an automated restore of a Flex snapshot, confirmed by the target's name.
  app.post(`${F}/restoreJobs`, async (request, reply) => {
    const session = requireAction(request, 'startRestore')
    const source = sourceOf(request)
    const raw = ruleInput(request.body ?? {}, [
      'snapshotId',
      'targetDeploymentItemName',
      'targetProjectId',
    ])
    if (raw) refuseAll(validateFlexRestoreRequest(raw))
    const parsed = parseWith(flexRestoreRequestSchema, request.body)
    // Only Atlas's fields go upstream; the confirmation stays here.
    const body = {
      snapshotId: parsed.snapshotId,
      targetDeploymentItemName: parsed.targetDeploymentItemName,
      ...(parsed.targetProjectId === undefined
        ? {}
        : { targetProjectId: parsed.targetProjectId }),
    }
    checkFlexConfirmation(body, parsed[RESTORE_CONFIRMATION_FIELD])
    if (!isRepeat(deps, request, session.userName)) {
      await checkFlexRestore(deps.atlas, source, body)
    }
    const path = `${flexBackupPath(source)}/restoreJobs`
    const targetGroupId = body.targetProjectId ?? source.groupId
    const result = await auditedWrite(
      deps,
      request,
      {
        action: 'restore.create',
        actor: session.userName,
        groupId: source.groupId,
        clusterName: source.name,
        target: `${targetGroupId}/${body.targetDeploymentItemName}`,
        details: { kind: 'flex', deliveryType: 'RESTORE', request: body },
        idempotency: { route: path, body },
      },
      async () => {
        const created = await deps.atlas.request({
          method: 'POST',
          path,
          resource: 'flex',
          body,
          schema: flexRestoreJobSchema,
        })
        return { status: 200, body: created.body, atlasId: created.body.id }
      },
      reconcileWith(
        deps,
        source,
        (job) =>
          job.deliveryType !== 'DOWNLOAD' &&
          job.snapshotId === body.snapshotId &&
          job.targetDeploymentItemName === body.targetDeploymentItemName &&
          (job.targetProjectId ?? source.groupId) === targetGroupId,
      ),
    )
    return sendJob(deps, reply, source, session.userName, result)
  })

  // R3 + R6: a download link for a Flex snapshot, live for four hours.
  app.post(`${F}/download`, async (request, reply) => {
    const session = requireAction(request, 'startRestore')
    const source = sourceOf(request)
    const body = {
      snapshotId: parseWith(flexDownloadCreateSchema, request.body).snapshotId,
    }
    if (!isRepeat(deps, request, session.userName)) {
      await checkFlexDownload(deps.atlas, source, body.snapshotId)
    }
    const path = `${flexBackupPath(source)}/download`
    const result = await auditedWrite(
      deps,
      request,
      {
        action: 'restore.create',
        actor: session.userName,
        groupId: source.groupId,
        clusterName: source.name,
        details: { kind: 'flex', deliveryType: 'DOWNLOAD', request: body },
        idempotency: { route: path, body },
      },
      async () => {
        const created = await deps.atlas.request({
          method: 'POST',
          path,
          resource: 'flex',
          body,
          schema: flexRestoreJobSchema,
        })
        return { status: 200, body: created.body, atlasId: created.body.id }
      },
      reconcileWith(
        deps,
        source,
        (job) =>
          job.deliveryType === 'DOWNLOAD' && job.snapshotId === body.snapshotId,
      ),
    )
    return sendJob(deps, reply, source, session.userName, result)
  })
}
