import type { FastifyInstance, FastifyRequest } from 'fastify'

import {
  type ServerlessRestoreJob,
  type ServerlessSnapshot,
  serverlessRestoreJobCreateSchema,
} from '../../contract/atlas/serverless'
import { deliveryTypes } from '../../contract/atlas/common'
import { SERVERLESS_SUNSET_DATE } from '../../contract/atlas/versions'
import { checkDeliveryTypeAllowed } from '../../contract/rules/delivery-type'
import { ruleErrorCodes } from '../../contract/rules/error-codes'
import {
  type ServerlessRestoreRequestInput,
  checkRestoreTargetKind,
  checkServerlessRestoreRequest,
} from '../../contract/rules/serverless-restore'
import type { SandboxContext } from '../context'
import { AtlasError, clusterNotFound, notFound } from '../protocol/api-error'
import { paginate, parsePageRequest } from '../protocol/pagination'
import { RESTORE_OUTCOME_TAG } from '../seed'
import { RESTORE_IN_PROGRESS } from '../sim/restore-conflicts'
import { getCluster } from '../state/clusters-repo'
import { getOfKind, listOfKind } from '../state/flex-backups-repo'
import {
  type ServerlessJobSim,
  type ServerlessSnapshotSim,
  type StoredServerlessJob,
  type StoredServerlessSnapshot,
  insertServerlessRestore,
  restoreTargetBusy,
} from '../state/serverless-backups-repo'
import { asRuleInput, enforce } from './flex-backups'
import { requireCluster, requireGroup } from './lookup'
import {
  ATLAS_PREFIX,
  type AtlasRequest,
  type AtlasResult,
  atlasRoute,
  parseBody,
  selfUrl,
} from './route-kit'

// Serverless backups, ops 22–26 (ATLAS-CONTRACT.md §2, §7; R5). Atlas sunset them on
// 2026-01-22: with SANDBOX_SERVERLESS_SUNSET every one answers 410 VERSION_GONE as Atlas does.

const BACKUP = '/groups/:groupId/serverless/:clusterName/backup'

const origin = (request: FastifyRequest) =>
  `${request.protocol}://${request.host}`

function present<Doc>(
  item: { id: string; groupId: string; clusterName: string; doc: Doc },
  base: string,
  kind: 'snapshots' | 'restoreJobs',
): Doc {
  const href = `${base}${ATLAS_PREFIX}/groups/${item.groupId}/serverless/${item.clusterName}/backup/${kind}/${item.id}`
  return { ...item.doc, links: [{ href, rel: 'self' }] }
}

function requireServerless(ctx: SandboxContext, request: AtlasRequest) {
  const { groupId = '', clusterName = '' } = request.params
  return requireCluster(ctx, groupId, clusterName, 'serverless')
}

function requireSnapshot(
  ctx: SandboxContext,
  source: { groupId: string; name: string },
  id: string,
  field?: string,
): StoredServerlessSnapshot {
  const found = getOfKind<ServerlessSnapshot, ServerlessSnapshotSim>(
    ctx.db,
    'snapshots',
    'serverless',
    source.groupId,
    source.name,
    id,
  )
  if (!found) {
    throw new AtlasError(
      404,
      'RESOURCE_NOT_FOUND',
      `No snapshot ${id} exists for serverless instance ${source.name}.`,
      ['snapshot', id],
      field
        ? [{ field, description: `no such snapshot of ${source.name}` }]
        : [],
    )
  }
  if (field && found.doc.status !== 'completed') {
    throw new AtlasError(
      400,
      'SNAPSHOT_NOT_COMPLETED',
      `Snapshot ${id} is ${found.doc.status ?? 'not ready'}; only a completed snapshot can be restored.`,
      [id],
      [{ field, description: 'the snapshot is not completed yet' }],
    )
  }
  return found
}

function incompatible(reason: string) {
  return {
    ok: false as const,
    reason,
    field: 'targetClusterName',
    errorCode: ruleErrorCodes.incompatibleTarget,
  }
}

/** 25: R5 through the shared rules, then the target and one restore at a time into it. */
function createRestore(
  ctx: SandboxContext,
  request: AtlasRequest,
): StoredServerlessJob {
  const source = requireServerless(ctx, request)
  const now = ctx.clock.now()
  const raw = asRuleInput(
    request.body,
    ['deliveryType', 'snapshotId', 'targetGroupId', 'targetClusterName'],
    ['pointInTimeUTCSeconds', 'oplogTs', 'oplogInc'],
  )
  if (raw && (deliveryTypes as readonly unknown[]).includes(raw.deliveryType)) {
    const input = raw as ServerlessRestoreRequestInput
    enforce(checkServerlessRestoreRequest(input, new Date(now)))
  }
  const body = parseBody(serverlessRestoreJobCreateSchema, request.body)
  enforce(checkServerlessRestoreRequest(body, new Date(now)))
  const pitEnabled =
    source.doc.serverlessBackupOptions?.serverlessContinuousBackupEnabled !==
    false
  enforce(
    checkDeliveryTypeAllowed(
      { kind: 'serverless', pitEnabled },
      body.deliveryType,
    ),
  )
  const snapshot = body.snapshotId
    ? requireSnapshot(ctx, source, body.snapshotId, 'snapshotId')
    : undefined
  requireGroup(ctx, body.targetGroupId)
  const target = getCluster(ctx.db, body.targetGroupId, body.targetClusterName)
  if (!target) throw clusterNotFound(body.targetClusterName, body.targetGroupId)
  enforce(checkRestoreTargetKind('serverless', target.kind))
  // Local adapter: the shared rule lets a serverless snapshot go to a dedicated cluster; R5 as
  // the sandbox brief states it takes only serverless targets.
  if (target.kind !== 'serverless') {
    enforce(
      incompatible(
        `${target.name} is a ${target.kind} cluster; a serverless snapshot restores only to a serverless instance`,
      ),
    )
  }
  const busy = restoreTargetBusy(ctx.db, body.targetGroupId, target.name)
  if (busy) {
    throw new AtlasError(
      409,
      RESTORE_IN_PROGRESS,
      `${target.name} is being restored by restore job ${busy}; wait until it finishes before starting another restore to it.`,
      [target.name, busy],
      [
        {
          field: 'targetClusterName',
          description: 'a restore to this cluster is already in progress',
        },
      ],
    )
  }
  const path = request.url.split('?')[0] ?? ''
  const tags = 'tags' in target.doc ? (target.doc.tags ?? []) : []
  const fails =
    ctx.faults.take('POST', path, ['failNextRestore']).length > 0 ||
    tags.some((t) => t.key === RESTORE_OUTCOME_TAG)
  const dataAt =
    body.deliveryType === 'pointInTime'
      ? (body.pointInTimeUTCSeconds ?? 0) * 1000
      : (snapshot?.createdAt ?? now)
  return insertServerlessRestore(ctx.db, {
    groupId: source.groupId,
    clusterName: source.name,
    at: now,
    body,
    snapshot,
    dataAt,
    fails,
  })
}

export function registerServerlessBackupRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
): void {
  // R5: past the sunset Atlas answers every serverless backup endpoint with 410.
  const route = (
    method: 'GET' | 'POST',
    url: string,
    handler: (request: AtlasRequest) => AtlasResult,
  ) =>
    atlasRoute(app, ctx, {
      method,
      url: `${BACKUP}${url}`,
      resource: 'serverless',
      handler: (request) => {
        if (ctx.config.SANDBOX_SERVERLESS_SUNSET) {
          throw new AtlasError(
            410,
            ruleErrorCodes.versionGone,
            `The serverless backup API was sunset on ${SERVERLESS_SUNSET_DATE}. Use the Flex backup endpoints instead.`,
            [SERVERLESS_SUNSET_DATE],
          )
        }
        return handler(request)
      },
    })

  route('GET', '/snapshots', (request) => {
    const { groupId, name } = requireServerless(ctx, request)
    const docs = listOfKind<ServerlessSnapshot, ServerlessSnapshotSim>(
      ctx.db,
      'snapshots',
      'serverless',
      groupId,
      name,
    ).map((s) => present(s, origin(request), 'snapshots'))
    const page = parsePageRequest(request.query)
    return { status: 200, body: paginate(docs, page, selfUrl(request)) }
  })

  route('GET', '/snapshots/:snapshotId', (request) => {
    const source = requireServerless(ctx, request)
    const snapshot = requireSnapshot(
      ctx,
      source,
      request.params.snapshotId ?? '',
    )
    return {
      status: 200,
      body: present(snapshot, origin(request), 'snapshots'),
    }
  })

  route('GET', '/restoreJobs', (request) => {
    const { groupId, name } = requireServerless(ctx, request)
    const docs = listOfKind<ServerlessRestoreJob, ServerlessJobSim>(
      ctx.db,
      'restore_jobs',
      'serverless',
      groupId,
      name,
    ).map((job) => present(job, origin(request), 'restoreJobs'))
    const page = parsePageRequest(request.query)
    return { status: 200, body: paginate(docs, page, selfUrl(request)) }
  })

  route('POST', '/restoreJobs', (request) => ({
    status: 200,
    body: present(createRestore(ctx, request), origin(request), 'restoreJobs'),
  }))

  route('GET', '/restoreJobs/:restoreJobId', (request) => {
    const { groupId, name } = requireServerless(ctx, request)
    const id = request.params.restoreJobId ?? ''
    const job = getOfKind<ServerlessRestoreJob, ServerlessJobSim>(
      ctx.db,
      'restore_jobs',
      'serverless',
      groupId,
      name,
      id,
    )
    if (!job) throw notFound('restore job', id)
    return { status: 200, body: present(job, origin(request), 'restoreJobs') }
  })
}
