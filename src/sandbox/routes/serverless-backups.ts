import type { FastifyInstance } from 'fastify'

import type {
  ServerlessRestoreJob,
  ServerlessSnapshot,
} from '../../contract/atlas/serverless'
import { SERVERLESS_SUNSET_DATE } from '../../contract/atlas/versions'
import { ruleErrorCodes } from '../../contract/rules/error-codes'
import type { SandboxContext } from '../context'
import { AtlasError, notFound } from '../protocol/api-error'
import { paginate, parsePageRequest } from '../protocol/pagination'
import {
  createServerlessRestore,
  requireServerlessSnapshot,
} from '../sim/serverless-restore-create'
import { getOfKind, listOfKind } from '../state/flex-backups-repo'
import type {
  ServerlessJobSim,
  ServerlessSnapshotSim,
} from '../state/serverless-backups-repo'
import { requireCluster } from './lookup'
import {
  ATLAS_PREFIX,
  type AtlasRequest,
  type AtlasResult,
  atlasRoute,
  requestOrigin,
  selfUrl,
} from './route-kit'

// Serverless backups, ops 22–26 (ATLAS-CONTRACT.md §2, §7; R5). Atlas sunset them on
// 2026-01-22: with SANDBOX_SERVERLESS_SUNSET every one answers 410 VERSION_GONE as Atlas does.

const BACKUP = '/groups/:groupId/serverless/:clusterName/backup'

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
    ).map((s) => present(s, requestOrigin(request), 'snapshots'))
    const page = parsePageRequest(request.query)
    return { status: 200, body: paginate(docs, page, selfUrl(request)) }
  })

  route('GET', '/snapshots/:snapshotId', (request) => {
    const source = requireServerless(ctx, request)
    const snapshot = requireServerlessSnapshot(
      ctx,
      source,
      request.params.snapshotId ?? '',
    )
    return {
      status: 200,
      body: present(snapshot, requestOrigin(request), 'snapshots'),
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
    ).map((job) => present(job, requestOrigin(request), 'restoreJobs'))
    const page = parsePageRequest(request.query)
    return { status: 200, body: paginate(docs, page, selfUrl(request)) }
  })

  route('POST', '/restoreJobs', (request) => {
    const path = request.url.split('?')[0] ?? ''
    const source = requireServerless(ctx, request)
    const job = createServerlessRestore(ctx, source, request.body, path)
    return {
      status: 200,
      body: present(job, requestOrigin(request), 'restoreJobs'),
    }
  })

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
    return {
      status: 200,
      body: present(job, requestOrigin(request), 'restoreJobs'),
    }
  })
}
