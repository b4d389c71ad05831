import type { FastifyInstance } from 'fastify'

import type { RestoreJob } from '../../contract/atlas/restore-job'
import { ruleErrorCodes } from '../../contract/rules/error-codes'
import { checkCancelRestore } from '../../contract/rules/restore-job-state'
import type { SandboxContext } from '../context'
import { notFound } from '../protocol/api-error'
import { paginate, parsePageRequest } from '../protocol/pagination'
import { buildRestoreJob } from '../sim/restore-build'
import { checkRestoreCreation } from '../sim/restore-create'
import { DOWNLOAD_PREFIX, restoreArchive } from '../sim/restore-download'
import { failNextRestoreTaken } from '../sim/restore-outcome'
import { isoSeconds } from '../sim/snapshot-doc'
import {
  type StoredRestoreJob,
  findRestoreJob,
  getRestoreJob,
  insertRestoreJob,
  listRestoreJobs,
  saveRestoreJob,
} from '../state/restore-jobs-repo'
import { requireCluster } from './lookup'
import {
  ATLAS_PREFIX,
  atlasRoute,
  refusalToError,
  requestOrigin,
  selfUrl,
} from './route-kit'

// Dedicated-cluster restore jobs, ops 18–21 (ATLAS-CONTRACT.md §2, §7), and the download
// links of download jobs.

const JOBS = '/groups/:groupId/clusters/:clusterName/backup/restoreJobs'

/** The stored document plus its links, as in the reference 001 example. */
function present(job: StoredRestoreJob, base: string): RestoreJob {
  const group = `${base}${ATLAS_PREFIX}/groups/${job.groupId}`
  const cluster = `${group}/clusters/${job.clusterName}`
  return {
    ...job.doc,
    links: [
      { href: `${cluster}/backup/restoreJobs/${job.id}`, rel: 'self' },
      ...(job.doc.snapshotId
        ? [
            {
              href: `${cluster}/backup/snapshots/${job.doc.snapshotId}`,
              rel: 'http://mms.mongodb.com/snapshot',
            },
          ]
        : []),
      { href: cluster, rel: 'http://mms.mongodb.com/cluster' },
      { href: group, rel: 'http://mms.mongodb.com/group' },
    ],
  }
}

function requireJob(
  ctx: SandboxContext,
  params: Record<string, string>,
): StoredRestoreJob {
  const groupId = params.groupId ?? ''
  const clusterName = params.clusterName ?? ''
  const id = params.restoreJobId ?? ''
  requireCluster(ctx, groupId, clusterName, 'dedicated')
  const job = getRestoreJob(ctx.db, groupId, clusterName, id)
  if (!job) throw notFound('restore job', id)
  return job
}

/** R10: finished jobs cannot be cancelled; a sharded restore cannot once it has started. */
function checkCancel(job: StoredRestoreJob): void {
  const finished = checkCancelRestore(job.doc)
  if (!finished.ok) throw refusalToError(finished)
  if (
    job.sim.sharded &&
    job.doc.deliveryType !== 'download' &&
    job.sim.phase === 'running'
  ) {
    throw refusalToError({
      reason:
        'A restore of a sharded cluster cannot be cancelled once it has started; it continues until it finishes',
      errorCode: ruleErrorCodes.cancelNotAllowed,
    })
  }
}

export function registerRestoreJobRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
): void {
  atlasRoute(app, ctx, {
    method: 'GET',
    url: JOBS,
    resource: 'restoreJobs',
    handler: (request) => {
      const { groupId = '', clusterName = '' } = request.params
      requireCluster(ctx, groupId, clusterName, 'dedicated')
      const docs = listRestoreJobs(ctx.db, groupId, clusterName).map((job) =>
        present(job, requestOrigin(request)),
      )
      return {
        status: 200,
        body: paginate(docs, parsePageRequest(request.query), selfUrl(request)),
      }
    },
  })

  atlasRoute(app, ctx, {
    method: 'POST',
    url: JOBS,
    resource: 'restoreJobs',
    handler: (request) => {
      const { groupId = '', clusterName = '' } = request.params
      const source = requireCluster(ctx, groupId, clusterName, 'dedicated')
      const now = ctx.clock.now()
      const checked = checkRestoreCreation(ctx, source, request.body, now)
      const path = request.url.split('?')[0] ?? ''
      const job = buildRestoreJob(ctx, source, checked, now, {
        failByFault: failNextRestoreTaken(ctx, path),
        downloadBase: requestOrigin(request),
      })
      insertRestoreJob(ctx.db, job)
      return { status: 200, body: present(job, requestOrigin(request)) }
    },
  })

  atlasRoute(app, ctx, {
    method: 'GET',
    url: `${JOBS}/:restoreJobId`,
    resource: 'restoreJobs',
    handler: (request) => ({
      status: 200,
      body: present(requireJob(ctx, request.params), requestOrigin(request)),
    }),
  })

  atlasRoute(app, ctx, {
    method: 'DELETE',
    url: `${JOBS}/:restoreJobId`,
    resource: 'restoreJobs',
    handler: (request) => {
      const job = requireJob(ctx, request.params)
      checkCancel(job)
      const now = ctx.clock.now()
      saveRestoreJob(ctx.db, {
        id: job.id,
        doc: { ...job.doc, cancelled: true },
        sim: { ...job.sim, phase: 'done', cancelledAt: now },
      })
      return { status: 204 }
    },
  })

  // The links of download jobs: a small .tar.gz while the link lives, 410 once it expired.
  app.get(`${DOWNLOAD_PREFIX}/:jobId/:token/:file`, (request, reply) => {
    const { jobId, token, file } = request.params as Record<string, string>
    ctx.simulate()
    const job = findRestoreJob(ctx.db, jobId ?? '')
    const name = decodeURIComponent(file ?? '').replace(/\.tar\.gz$/, '')
    if (
      !job ||
      job.sim.downloadToken !== token ||
      !(job.sim.replicaSetNames ?? []).includes(name) ||
      (job.doc.deliveryUrl ?? []).length === 0
    ) {
      return reply.code(404).type('text/plain').send('No such download.\n')
    }
    if (job.doc.expired === true || job.doc.cancelled === true) {
      return reply
        .code(410)
        .type('text/plain')
        .send('This download link has expired.\n')
    }
    const body = restoreArchive(
      {
        groupId: job.groupId,
        clusterName: job.clusterName,
        replicaSetName: name,
        snapshotId: job.doc.snapshotId ?? '',
        snapshotTimestamp: job.doc.timestamp ?? '',
        restoreJobId: job.id,
        preparedAt: isoSeconds(job.sim.finishedAt ?? job.sim.finishAt),
      },
      job.sim.finishedAt ?? job.sim.finishAt,
    )
    return reply
      .header('Content-Disposition', `attachment; filename="${name}.tar.gz"`)
      .type('application/gzip')
      .send(body)
  })
}
