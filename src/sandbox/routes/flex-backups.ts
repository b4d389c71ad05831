import type { FastifyInstance } from 'fastify'

import {
  type FlexRestoreJob,
  type FlexSnapshot,
  flexDownloadCreateSchema,
} from '../../contract/atlas/flex-backup'
import type { SandboxContext } from '../context'
import { notFound } from '../protocol/api-error'
import { paginate, parsePageRequest } from '../protocol/pagination'
import {
  createFlexRestore,
  requireFlexSnapshot,
} from '../sim/flex-restore-create'
import { checkDownloads } from '../sim/restore-conflicts'
import { restoreArchive } from '../sim/restore-download'
import { isoSeconds } from '../sim/snapshot-doc'
import {
  type FlexJobSim,
  type FlexSnapshotSim,
  type StoredFlexJob,
  type StoredFlexSnapshot,
  flexJobById,
  getOfKind,
  insertFlexDownload,
  listOfKind,
} from '../state/flex-backups-repo'
import { requireCluster } from './lookup'
import {
  ATLAS_PREFIX,
  atlasRoute,
  parseBody,
  requestOrigin,
  selfUrl,
} from './route-kit'

// Flex backups, ops 27–32 (ATLAS-CONTRACT.md §2, §7; R6): daily snapshots, four-hour download
// links (served below /sandbox-downloads/flex/, outside /api like Atlas's pre-signed links),
// and automated restores onto replica sets without encryption at rest on the same major version.

const BACKUP = '/groups/:groupId/flexClusters/:name/backup'
export const FLEX_DOWNLOAD_PREFIX = '/sandbox-downloads/flex'

function presentSnapshot(s: StoredFlexSnapshot, base: string): FlexSnapshot {
  const href = `${base}${ATLAS_PREFIX}/groups/${s.groupId}/flexClusters/${s.clusterName}/backup/snapshots/${s.id}`
  return { ...s.doc, links: [{ href, rel: 'self' }] }
}

function presentJob(job: StoredFlexJob, base: string): FlexRestoreJob {
  const href = `${base}${ATLAS_PREFIX}/groups/${job.groupId}/flexClusters/${job.clusterName}/backup/restoreJobs/${job.id}`
  const { token } = job.sim
  return {
    ...job.doc,
    ...(token
      ? {
          snapshotUrl: `${base}${FLEX_DOWNLOAD_PREFIX}/${job.id}/${token}/${job.clusterName}-${job.doc.snapshotId ?? ''}.tar.gz`,
        }
      : {}),
    links: [{ href, rel: 'self' }],
  }
}

type Params = Record<string, string | undefined>

function requireFlex(ctx: SandboxContext, params: Params) {
  return requireCluster(ctx, params.groupId ?? '', params.name ?? '', 'flex')
}

export function registerFlexBackupRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
): void {
  atlasRoute(app, ctx, {
    method: 'GET',
    url: `${BACKUP}/snapshots`,
    resource: 'flex',
    handler: (request) => {
      const { groupId, name } = requireFlex(ctx, request.params)
      const docs = listOfKind<FlexSnapshot, FlexSnapshotSim>(
        ctx.db,
        'snapshots',
        'flex',
        groupId,
        name,
      ).map((s) => presentSnapshot(s, requestOrigin(request)))
      const page = parsePageRequest(request.query)
      return { status: 200, body: paginate(docs, page, selfUrl(request)) }
    },
  })

  atlasRoute(app, ctx, {
    method: 'GET',
    url: `${BACKUP}/snapshots/:snapshotId`,
    resource: 'flex',
    handler: (request) => {
      const { groupId, name } = requireFlex(ctx, request.params)
      const id = request.params.snapshotId ?? ''
      const snapshot = requireFlexSnapshot(ctx, { groupId, name }, id, false)
      return {
        status: 200,
        body: presentSnapshot(snapshot, requestOrigin(request)),
      }
    },
  })

  // 29: R3 allows one download per snapshot and 20 per project at a time, counting the
  // project's dedicated downloads too.
  atlasRoute(app, ctx, {
    method: 'POST',
    url: `${BACKUP}/download`,
    resource: 'flex',
    handler: (request) => {
      const { groupId, name } = requireFlex(ctx, request.params)
      const body = parseBody(flexDownloadCreateSchema, request.body)
      const snapshot = requireFlexSnapshot(
        ctx,
        { groupId, name },
        body.snapshotId,
        true,
      )
      const now = ctx.clock.now()
      checkDownloads(ctx, groupId, snapshot.id, now)
      const job = insertFlexDownload(ctx.db, {
        groupId,
        clusterName: name,
        snapshot,
        at: now,
      })
      return { status: 200, body: presentJob(job, requestOrigin(request)) }
    },
  })

  atlasRoute(app, ctx, {
    method: 'GET',
    url: `${BACKUP}/restoreJobs`,
    resource: 'flex',
    handler: (request) => {
      const { groupId, name } = requireFlex(ctx, request.params)
      const docs = listOfKind<FlexRestoreJob, FlexJobSim>(
        ctx.db,
        'restore_jobs',
        'flex',
        groupId,
        name,
      ).map((job) => presentJob(job, requestOrigin(request)))
      const page = parsePageRequest(request.query)
      return { status: 200, body: paginate(docs, page, selfUrl(request)) }
    },
  })

  atlasRoute(app, ctx, {
    method: 'POST',
    url: `${BACKUP}/restoreJobs`,
    resource: 'flex',
    handler: (request) => {
      const path = request.url.split('?')[0] ?? ''
      const source = requireFlex(ctx, request.params)
      const job = createFlexRestore(ctx, source, request.body, path)
      return { status: 200, body: presentJob(job, requestOrigin(request)) }
    },
  })

  atlasRoute(app, ctx, {
    method: 'GET',
    url: `${BACKUP}/restoreJobs/:restoreJobId`,
    resource: 'flex',
    handler: (request) => {
      const { groupId, name } = requireFlex(ctx, request.params)
      const id = request.params.restoreJobId ?? ''
      const job = getOfKind<FlexRestoreJob, FlexJobSim>(
        ctx.db,
        'restore_jobs',
        'flex',
        groupId,
        name,
        id,
      )
      if (!job) throw notFound('restore job', id)
      return { status: 200, body: presentJob(job, requestOrigin(request)) }
    },
  })

  // The snapshotUrl of a download: a small .tar.gz for four hours, 410 afterwards (R6).
  app.get(`${FLEX_DOWNLOAD_PREFIX}/:jobId/:token/:file`, (request, reply) => {
    const { jobId = '', token } = request.params as Params
    const job = flexJobById(ctx.db, jobId)
    if (!job?.sim.token || job.sim.token !== token) {
      return reply.code(404).type('text/plain').send('No such download.\n')
    }
    const expires = Date.parse(job.doc.expirationDate ?? '')
    if (!(ctx.clock.now() < expires)) {
      return reply
        .code(410)
        .type('text/plain')
        .send('This download link has expired.\n')
    }
    const file = `${job.clusterName}-${job.doc.snapshotId ?? ''}.tar.gz`
    const body = restoreArchive(
      {
        groupId: job.groupId,
        flexClusterName: job.clusterName,
        snapshotId: job.doc.snapshotId ?? '',
        restoreJobId: job.id,
        preparedAt: isoSeconds(job.createdAt),
        linkExpiresAt: job.doc.expirationDate ?? '',
      },
      job.createdAt,
    )
    return reply
      .header('Content-Disposition', `attachment; filename="${file}"`)
      .type('application/gzip')
      .send(body)
  })
}
