import type { FastifyInstance } from 'fastify'
import { z } from 'zod'

import {
  paginatedRestoreJobsSchema,
  restoreJobCreateSchema,
  restoreJobSchema,
} from '../../contract/atlas/restore-job'
import { RESTORE_CONFIRMATION_FIELD } from '../../contract/rules/restore-confirmation'
import { explainCancelNotAllowed } from '../../contract/rules/restore-job-state'
import { requireAction } from '../auth/guard'
import type { BffDeps } from '../deps'
import type { IdempotencyRecord } from '../db/idempotency-repo'
import { checkPathParams } from '../http/atlas-params'
import { ApiProblem } from '../http/errors'
import { parseWith } from '../http/validate'
import { restoreCheckedBody } from './restore-body'
import { checkDedicatedRestore } from './restore-checks'
import { enc, findMadeRestore, isRepeat } from './write-checks'
import { watchCreatedJob } from './watch-created-job'
import { auditedWrite } from './write-kit'

const C =
  '/api/atlas/v2/groups/:groupId/clusters/:clusterName/backup/restoreJobs'

// The Atlas body plus the typed confirmation (R8), which the BFF checks and never forwards.
const createBodySchema = restoreJobCreateSchema.extend({
  [RESTORE_CONFIRMATION_FIELD]: z.string().max(256).optional(),
})

export function registerRestoreWriteRoutes(
  app: FastifyInstance,
  deps: BffDeps,
): void {
  app.post(C, async (request, reply) => {
    const session = requireAction(request, 'startRestore')
    const { groupId = '', clusterName = '' } = checkPathParams(request.params)
    const parsed = parseWith(createBodySchema, request.body)
    const body = restoreCheckedBody(parsed)
    const confirmation = parsed[RESTORE_CONFIRMATION_FIELD]
    // A repeat gets the first answer; the state its first attempt changed must not refuse it.
    if (!isRepeat(deps, request, session.userName)) {
      await checkDedicatedRestore(
        deps.atlas,
        { groupId, clusterName },
        body,
        confirmation,
      )
    }

    const path = `/groups/${enc(groupId)}/clusters/${enc(clusterName)}/backup/restoreJobs`
    const reconcile = async (record: IdempotencyRecord) => {
      const jobs = await deps.atlas.request({
        path: `${path}?itemsPerPage=100`,
        resource: 'restoreJobs',
        schema: paginatedRestoreJobsSchema,
      })
      const made = findMadeRestore(
        deps,
        jobs.body.results,
        body,
        record.createdAt,
      )
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
        target: body.targetClusterName
          ? `${body.targetGroupId ?? ''}/${body.targetClusterName}`
          : undefined,
        details: { request: body },
        idempotency: { route: path, body },
      },
      async () => {
        const created = await deps.atlas.request({
          method: 'POST',
          path,
          resource: 'restoreJobs',
          body,
          schema: restoreJobSchema,
        })
        return { status: 200, body: created.body, atlasId: created.body.id }
      },
      reconcile,
    )
    watchCreatedJob(
      deps,
      { kind: 'dedicated', groupId, clusterName },
      session.userName,
      result.body,
    )
    return reply.code(result.status).send(result.body)
  })

  app.delete(`${C}/:restoreJobId`, async (request, reply) => {
    const session = requireAction(request, 'cancelRestore')
    const {
      groupId = '',
      clusterName = '',
      restoreJobId = '',
    } = checkPathParams(request.params)
    const path = `/groups/${enc(groupId)}/clusters/${enc(clusterName)}/backup/restoreJobs/${enc(restoreJobId)}`
    await auditedWrite(
      deps,
      request,
      {
        action: 'restore.cancel',
        actor: session.userName,
        groupId,
        clusterName,
        details: { restoreJobId },
      },
      async () => {
        try {
          await deps.atlas.request({
            method: 'DELETE',
            path,
            resource: 'restoreJobs',
          })
        } catch (error) {
          if (error instanceof ApiProblem && error.status === 405) {
            throw new ApiProblem(
              405,
              error.errorCode,
              explainCancelNotAllowed(error.errorCode),
            )
          }
          throw error
        }
        return { status: 204, body: undefined, atlasId: restoreJobId }
      },
    )
    return reply.code(204).send()
  })
}
