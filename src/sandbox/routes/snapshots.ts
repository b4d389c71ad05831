import type { FastifyInstance } from 'fastify'

import {
  onDemandSnapshotRequestSchema,
  snapshotRetentionSchema,
} from '../../contract/atlas/snapshot'
import { checkOnDemandSnapshot } from '../../contract/rules/on-demand-snapshot'
import {
  checkSnapshotDeletion,
  checkSnapshotExpiryChange,
  snapshotExpiryAfterChange,
} from '../../contract/rules/snapshot-delete'
import type { SandboxContext } from '../context'
import { AtlasError, snapshotNotFound } from '../protocol/api-error'
import { paginate, parsePageRequest } from '../protocol/pagination'
import { groupHasCompliancePolicy } from '../state/settings-repo'
import {
  type StoredSnapshot,
  deleteSnapshot,
  getSnapshot,
  listSnapshots,
  setSnapshotExpiry,
  takeSnapshot,
} from '../state/snapshots-repo'
import { snapshotPoint } from '../sim/snapshot-point'
import { requireCluster } from './lookup'
import {
  type AtlasRequest,
  atlasRoute,
  parseBody,
  refusalToError,
  selfUrl,
} from './route-kit'

// Cloud backup snapshots of dedicated clusters (ops 7–11). The spec describes these as "all
// snapshots of one cluster" and types their `type` as replicaSet | shardedCluster, so they
// serve sharded clusters' snapshots too; ops 12–14 (sharded-snapshots.ts) serve only those.

const DAY_MS = 86_400_000
const BASE = '/groups/:groupId/clusters/:clusterName/backup/snapshots'

/** The stored document with its self link, as Atlas returns it. */
export function snapshotView(request: AtlasRequest, snapshot: StoredSnapshot) {
  const url = new URL(selfUrl(request))
  const { groupId = '', clusterName = '' } = request.params
  const kind = snapshot.doc.type === 'shardedCluster' ? 'shardedCluster/' : ''
  const path = `/api/atlas/v2/groups/${groupId}/clusters/${clusterName}/backup/snapshots/${kind}${snapshot.id}`
  return {
    ...snapshot.doc,
    links: [{ href: `${url.origin}${path}`, rel: 'self' }],
  }
}

/** The dedicated cluster of the path and one of its snapshots, or the 404 Atlas sends. */
export function requireSnapshot(ctx: SandboxContext, request: AtlasRequest) {
  const { groupId = '', clusterName = '', snapshotId = '' } = request.params
  const cluster = requireCluster(ctx, groupId, clusterName, 'dedicated')
  const snapshot = getSnapshot(ctx, groupId, clusterName, snapshotId)
  if (!snapshot) throw snapshotNotFound(snapshotId, `cluster ${clusterName}`)
  return { cluster, snapshot }
}

/** S3: a Backup Compliance Policy forbids deleting snapshots. */
export function deleteWithRules(
  ctx: SandboxContext,
  groupId: string,
  snapshot: StoredSnapshot,
) {
  const verdict = checkSnapshotDeletion({
    kind: 'dedicated',
    compliancePolicyEnabled: groupHasCompliancePolicy(ctx.db, groupId),
    // Confirmation is the console's own step (the BFF asks for it); Atlas takes none.
    confirmed: true,
  })
  if (!verdict.ok) throw refusalToError(verdict)
  deleteSnapshot(ctx, snapshot.id)
}

export function registerSnapshotRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
): void {
  atlasRoute(app, ctx, {
    method: 'GET',
    url: BASE,
    resource: 'snapshots',
    handler: (request) => {
      const { groupId = '', clusterName = '' } = request.params
      requireCluster(ctx, groupId, clusterName, 'dedicated')
      const page = parsePageRequest(request.query)
      const point = snapshotPoint(request.query)
      let snapshots = listSnapshots(ctx, groupId, clusterName)
      if (point !== undefined) {
        // "the closest snapshot created before that point in time" [spec]: a completed one,
        // since only a completed snapshot can seed a restore.
        const closest = snapshots.find(
          (s) => s.createdAt <= point && s.doc.status === 'completed',
        )
        snapshots = closest ? [closest] : []
      }
      const docs = snapshots.map((s) => snapshotView(request, s))
      return { status: 200, body: paginate(docs, page, selfUrl(request)) }
    },
  })

  atlasRoute(app, ctx, {
    method: 'POST',
    url: BASE,
    resource: 'snapshots',
    handler: (request) => {
      const { groupId = '', clusterName = '' } = request.params
      const cluster = requireCluster(ctx, groupId, clusterName, 'dedicated')
      const body = parseBody(onDemandSnapshotRequestSchema, request.body ?? {})
      if (!cluster.doc.backupEnabled) {
        // Ours: Atlas publishes no code for a cluster without Cloud Backup.
        throw new AtlasError(
          400,
          'BACKUP_NOT_ENABLED',
          `Cloud Backup is not enabled for cluster ${clusterName}.`,
          [clusterName],
        )
      }
      // S1: a queued or running on-demand snapshot blocks another; a scheduled one does not.
      const existing = listSnapshots(ctx, groupId, clusterName).map((s) => ({
        snapshotType: s.doc.snapshotType ?? 'scheduled',
        status: s.doc.status ?? 'completed',
      }))
      const verdict = checkOnDemandSnapshot(body, existing)
      // Only 400 is declared for this operation [spec]: the conflict is answered with it too.
      if (!verdict.ok) throw refusalToError(verdict, 400)
      const now = ctx.clock.now()
      const snapshot = takeSnapshot(ctx, {
        groupId,
        clusterName,
        at: now,
        snapshotType: 'onDemand',
        expiresAt: now + (body.retentionInDays ?? 1) * DAY_MS,
        ...(body.description === undefined
          ? {}
          : { description: body.description }),
      })
      return { status: 200, body: snapshotView(request, snapshot) }
    },
  })

  atlasRoute(app, ctx, {
    method: 'GET',
    url: `${BASE}/:snapshotId`,
    resource: 'snapshots',
    handler: (request) => ({
      status: 200,
      body: snapshotView(request, requireSnapshot(ctx, request).snapshot),
    }),
  })

  atlasRoute(app, ctx, {
    method: 'PATCH',
    url: `${BASE}/:snapshotId`,
    resource: 'snapshots',
    handler: (request) => {
      const { snapshot } = requireSnapshot(ctx, request)
      const body = parseBody(snapshotRetentionSchema, request.body)
      const now = ctx.clock.now()
      const verdict = checkSnapshotExpiryChange({
        ...body,
        createdAt: new Date(snapshot.createdAt),
        currentExpiresAt: new Date(snapshot.sim.expiresAt),
        compliancePolicyEnabled: groupHasCompliancePolicy(
          ctx.db,
          snapshot.groupId,
        ),
        now: new Date(now),
      })
      if (!verdict.ok) throw refusalToError(verdict)
      const expiresAt = snapshotExpiryAfterChange(
        new Date(snapshot.createdAt),
        body.retentionValue,
        body.retentionUnit,
      ).getTime()
      const updated = setSnapshotExpiry(ctx, snapshot, expiresAt, true)
      return { status: 200, body: snapshotView(request, updated) }
    },
  })

  atlasRoute(app, ctx, {
    method: 'DELETE',
    url: `${BASE}/:snapshotId`,
    resource: 'snapshots',
    handler: (request) => {
      const { snapshot } = requireSnapshot(ctx, request)
      deleteWithRules(ctx, snapshot.groupId, snapshot)
      return { status: 204 }
    },
  })
}
