import type { FastifyInstance, FastifyRequest } from 'fastify'

import { clusterSchema } from '../../contract/atlas/cluster'
import {
  type BackupSchedule,
  backupScheduleSchema,
  backupScheduleUpdateSchema,
} from '../../contract/atlas/schedule'
import {
  DELETE_CONFIRMATION_PARAM,
  SCHEDULE_ETAG_HEADER,
} from '../../contract/bff/write-requests'
import { ruleErrorCodes } from '../../contract/rules/error-codes'
import type { AtlasClient } from '../atlas/client'
import { requireAction } from '../auth/guard'
import type { BffDeps } from '../deps'
import { checkPathParams } from '../http/atlas-params'
import { ApiProblem } from '../http/errors'
import { parseWith } from '../http/validate'
import {
  checkIfMatch,
  checkScheduleUpdate,
  oneAtATime,
  policyContent,
  requireIfMatch,
  scheduleEtag,
  scheduleUpdateBody,
} from './schedule-checks'
import { enc } from './write-checks'
import { auditedWrite } from './write-kit'

// The PATCH body's write-only flags (what to do to existing snapshots), checked on their own.
const writeOnlyFlags = backupScheduleUpdateSchema.pick({
  updateSnapshots: true,
  deleteSnapshots: true,
  updateCopySnapshots: true,
  deleteCopySnapshots: true,
  deleteCopiedBackups: true,
})

const S = '/api/atlas/v2/groups/:groupId/clusters/:clusterName/backup/schedule'

function where(request: FastifyRequest) {
  const { groupId = '', clusterName = '' } = checkPathParams(request.params)
  const cluster = `/groups/${enc(groupId)}/clusters/${enc(clusterName)}`
  return {
    groupId,
    clusterName,
    cluster,
    schedule: `${cluster}/backup/schedule`,
  }
}

async function readSchedule(atlas: AtlasClient, path: string) {
  const reply = await atlas.request({
    path,
    resource: 'schedule',
    schema: backupScheduleSchema,
  })
  return reply.body
}

export function registerScheduleWriteRoutes(
  app: FastifyInstance,
  deps: BffDeps,
): void {
  // The read the editor starts from, with the ETag its PATCH must send back in If-Match.
  app.get(S, async (request, reply) => {
    requireAction(request, 'read')
    const schedule = await readSchedule(deps.atlas, where(request).schedule)
    return reply
      .header(SCHEDULE_ETAG_HEADER, scheduleEtag(schedule))
      .send(schedule)
  })

  // P1–P6 on the whole schedule, refused with every field at fault; 412 if it changed meanwhile.
  app.patch(S, async (request, reply) => {
    const session = requireAction(request, 'editPolicy')
    const { groupId, clusterName, cluster, schedule } = where(request)
    // Types first, as Atlas reads them; the bounds are the rules' (in their words, below).
    const body = scheduleUpdateBody({
      ...parseWith(writeOnlyFlags, request.body),
      ...parseWith(backupScheduleSchema, request.body),
    })
    const ifMatch = request.headers['if-match']
    requireIfMatch(ifMatch)

    const result = await oneAtATime(`${groupId}/${clusterName}`, async () => {
      const [clusterDoc, current] = await Promise.all([
        deps.atlas.request({
          path: cluster,
          resource: 'clusters',
          schema: clusterSchema,
        }),
        readSchedule(deps.atlas, schedule),
      ])
      checkIfMatch(ifMatch, current)
      checkScheduleUpdate(current, body, clusterDoc.body)
      const before = policyContent(current)
      return auditedWrite(
        deps,
        request,
        {
          action: 'policy.update',
          actor: session.userName,
          groupId,
          clusterName,
          details: {
            before,
            after: { ...before, ...policyContent(body) },
            request: body,
          },
        },
        async () => {
          const updated = await deps.atlas.request({
            method: 'PATCH',
            path: schedule,
            resource: 'schedule',
            body,
            schema: backupScheduleSchema,
          })
          return { status: 200, body: updated.body }
        },
      )
    })
    return reply
      .header(SCHEDULE_ETAG_HEADER, scheduleEtag(result.body as BackupSchedule))
      .code(result.status)
      .send(result.body)
  })

  // Removes every policy item (existing snapshots stay until they expire); ?confirm=<clusterName>.
  app.delete(S, async (request, reply) => {
    const session = requireAction(request, 'editPolicy')
    const { groupId, clusterName, schedule } = where(request)
    const query = (request.query ?? {}) as Record<string, unknown>
    if (query[DELETE_CONFIRMATION_PARAM] !== clusterName) {
      const reason = `Removing the backup schedule stops every scheduled snapshot of ${clusterName}: confirm with the cluster name`
      throw new ApiProblem(400, ruleErrorCodes.confirmationRequired, reason, [
        { field: DELETE_CONFIRMATION_PARAM, description: reason },
      ])
    }
    const result = await oneAtATime(`${groupId}/${clusterName}`, async () => {
      const current = await readSchedule(deps.atlas, schedule)
      checkIfMatch(request.headers['if-match'], current)
      return auditedWrite(
        deps,
        request,
        {
          action: 'policy.delete',
          actor: session.userName,
          groupId,
          clusterName,
          details: { before: policyContent(current) },
        },
        async () => {
          const cleared = await deps.atlas.request({
            method: 'DELETE',
            path: schedule,
            resource: 'schedule',
            schema: backupScheduleSchema,
          })
          return { status: 200, body: cleared.body }
        },
      )
    })
    return reply
      .header(SCHEDULE_ETAG_HEADER, scheduleEtag(result.body as BackupSchedule))
      .code(result.status)
      .send(result.body)
  })
}
