import type { FastifyInstance } from 'fastify'

import {
  type ServerlessRestoreJobCreate,
  serverlessRestoreJobSchema,
} from '../../contract/atlas/serverless'
import { serverlessRestoreRequestSchema } from '../../contract/bff/write-requests'
import {
  RESTORE_CONFIRMATION_FIELD,
  checkRestoreConfirmation,
} from '../../contract/rules/restore-confirmation'
import { requireAction } from '../auth/guard'
import type { BffDeps } from '../deps'
import type { IdempotencyRecord } from '../db/idempotency-repo'
import { checkPathParams } from '../http/atlas-params'
import { parseWith } from '../http/validate'
import {
  checkServerlessBody,
  checkServerlessRestore,
  listServerlessJobs,
  serverlessBackupPath,
} from './serverless-checks'
import {
  atlasRestoreFields,
  findMadeRestore,
  isRepeat,
  refuseIf,
} from './write-checks'
import { watchCreatedJob } from './watch-created-job'
import { auditedWrite } from './write-kit'

const S =
  '/api/atlas/v2/groups/:groupId/serverless/:clusterName/backup/restoreJobs'

export function registerServerlessWriteRoutes(
  app: FastifyInstance,
  deps: BffDeps,
): void {
  // R5 + R8: a serverless restore (automated, or to a date and time in the last 72 hours).
  // Atlas sunset these endpoints; its 410 VERSION_GONE reaches the browser explained in words.
  app.post(S, async (request, reply) => {
    const session = requireAction(request, 'startRestore')
    const { groupId = '', clusterName = '' } = checkPathParams(request.params)
    const source = { groupId, clusterName }
    checkServerlessBody(request.body, deps.atlas.upstreamNow())
    const parsed = parseWith(serverlessRestoreRequestSchema, request.body)
    // Only Atlas's fields go upstream; the confirmation stays here.
    const body: ServerlessRestoreJobCreate = atlasRestoreFields(parsed)
    refuseIf(
      checkRestoreConfirmation({
        deliveryType: body.deliveryType,
        targetName: body.targetClusterName,
        confirmation: parsed[RESTORE_CONFIRMATION_FIELD],
      }),
    )
    if (!isRepeat(deps, request, session.userName)) {
      await checkServerlessRestore(deps.atlas, source, body)
    }

    const path = `${serverlessBackupPath(source)}/restoreJobs`
    const reconcile = async (record: IdempotencyRecord) => {
      const jobs = await listServerlessJobs(deps.atlas, source)
      const made = findMadeRestore(deps, jobs, body, record.createdAt)
      return made ? { status: 200, body: made, atlasId: made.id } : undefined
    }
    const result = await auditedWrite(
      deps,
      request,
      {
        action: 'restore.create',
        actor: session.userName,
        groupId,
        clusterName,
        target: `${body.targetGroupId}/${body.targetClusterName}`,
        details: { kind: 'serverless', request: body },
        idempotency: { route: path, body },
      },
      async () => {
        const created = await deps.atlas.request({
          method: 'POST',
          path,
          resource: 'serverless',
          body,
          schema: serverlessRestoreJobSchema,
        })
        return { status: 200, body: created.body, atlasId: created.body.id }
      },
      reconcile,
    )
    watchCreatedJob(
      deps,
      { kind: 'serverless', groupId, clusterName },
      session.userName,
      result.body,
    )
    return reply.code(result.status).send(result.body)
  })
}
