import type { FastifyInstance, FastifyRequest } from 'fastify'

import {
  onDemandSnapshotRequestSchema,
  replicaSetSnapshotSchema,
  shardedSnapshotSchema,
  snapshotRetentionSchema,
  snapshotSchema,
} from '../../contract/atlas/snapshot'
import { DELETE_CONFIRMATION_PARAM } from '../../contract/bff/write-requests'
import { validateOnDemandSnapshotRequest } from '../../contract/rules/on-demand-snapshot'
import {
  checkSnapshotDeletion,
  checkSnapshotExpiryChange,
  snapshotExpiryAfterChange,
} from '../../contract/rules/snapshot-delete'
import { requireAction } from '../auth/guard'
import type { BffDeps } from '../deps'
import type { IdempotencyRecord } from '../db/idempotency-repo'
import { checkPathParams } from '../http/atlas-params'
import { parseWith } from '../http/validate'
import {
  checkNoOnDemandSnapshotRunning,
  listClusterSnapshots,
  snapshotRecord,
} from './snapshot-checks'
import {
  enc,
  isRepeat,
  refuseAll,
  refuseIf,
  ruleInput,
  upstreamSince,
} from './write-checks'
import { auditedWrite } from './write-kit'

const C = '/api/atlas/v2/groups/:groupId/clusters/:clusterName/backup/snapshots'

function clusterPathOf(request: FastifyRequest) {
  const params = checkPathParams(request.params)
  const { groupId = '', clusterName = '', snapshotId = '' } = params
  const path = `/groups/${enc(groupId)}/clusters/${enc(clusterName)}`
  return { groupId, clusterName, snapshotId, path }
}

export function registerSnapshotWriteRoutes(
  app: FastifyInstance,
  deps: BffDeps,
): void {
  // S1: an on-demand snapshot, at most one queued or in progress at a time, never twice.
  app.post(C, async (request, reply) => {
    const session = requireAction(request, 'takeSnapshot')
    const { groupId, clusterName, path } = clusterPathOf(request)
    const raw = ruleInput(
      request.body ?? {},
      ['description'],
      ['retentionInDays'],
    )
    if (raw) refuseAll(validateOnDemandSnapshotRequest(raw))
    const parsed = parseWith(onDemandSnapshotRequestSchema, request.body)
    refuseAll(validateOnDemandSnapshotRequest(parsed))
    // Only Atlas's two fields go upstream.
    const body = {
      description: parsed.description ?? '',
      retentionInDays: parsed.retentionInDays ?? 1,
    }
    if (!isRepeat(deps, request, session.userName)) {
      await checkNoOnDemandSnapshotRunning(deps.atlas, path)
    }
    const reconcile = async (record: IdempotencyRecord) => {
      const since = upstreamSince(deps, record.createdAt)
      const made = (await listClusterSnapshots(deps.atlas, path)).find(
        (s) =>
          s.snapshotType === 'onDemand' &&
          s.description === body.description &&
          Date.parse(s.createdAt ?? '') >= since,
      )
      return made ? { status: 200, body: made, atlasId: made.id } : undefined
    }
    const result = await auditedWrite(
      deps,
      request,
      {
        action: 'snapshot.take',
        actor: session.userName,
        groupId,
        clusterName,
        details: { request: body },
        idempotency: { route: `${path}/backup/snapshots`, body },
      },
      async () => {
        const taken = await deps.atlas.request({
          method: 'POST',
          path: `${path}/backup/snapshots`,
          resource: 'snapshots',
          body,
          schema: snapshotSchema,
        })
        return { status: 200, body: taken.body, atlasId: taken.body.id }
      },
      reconcile,
    )
    return reply.code(result.status).send(result.body)
  })

  // A snapshot's own expiry; under a Backup Compliance Policy Atlas refuses a shorter one (S3).
  app.patch(`${C}/:snapshotId`, async (request, reply) => {
    const session = requireAction(request, 'changeSnapshotExpiry')
    const { groupId, clusterName, snapshotId, path } = clusterPathOf(request)
    const parsed = parseWith(snapshotRetentionSchema, request.body)
    const body = {
      retentionUnit: parsed.retentionUnit,
      retentionValue: parsed.retentionValue,
    }
    const snapshotPath = `${path}/backup/snapshots/${enc(snapshotId)}`
    const snapshot = (
      await deps.atlas.request({
        path: snapshotPath,
        resource: 'snapshots',
        schema: replicaSetSnapshotSchema,
      })
    ).body
    const createdAt = new Date(snapshot.createdAt ?? '')
    const before = snapshot.expiresAt
    if (before !== undefined && !Number.isNaN(createdAt.getTime())) {
      refuseIf(
        checkSnapshotExpiryChange({
          ...body,
          createdAt,
          currentExpiresAt: new Date(before),
          // Atlas knows whether a policy applies; it refuses, and we pass that on.
          compliancePolicyEnabled: false,
          now: deps.atlas.upstreamNow(),
        }),
      )
    }
    const after = Number.isNaN(createdAt.getTime())
      ? undefined
      : snapshotExpiryAfterChange(
          createdAt,
          body.retentionValue,
          body.retentionUnit,
        ).toISOString()
    const result = await auditedWrite(
      deps,
      request,
      {
        action: 'snapshot.expiry',
        actor: session.userName,
        groupId,
        clusterName,
        target: snapshotId,
        details: { snapshotId, before, after, request: body },
      },
      async () => {
        const updated = await deps.atlas.request({
          method: 'PATCH',
          path: snapshotPath,
          resource: 'snapshots',
          body,
          schema: replicaSetSnapshotSchema,
        })
        return { status: 200, body: updated.body, atlasId: snapshotId }
      },
    )
    return reply.code(result.status).send(result.body)
  })

  // S3: confirmed by ?confirm=<snapshotId>; Atlas refuses under a Backup Compliance Policy.
  for (const sharded of [false, true]) {
    const kind = sharded ? 'shardedCluster/' : ''
    app.delete(`${C}/${kind}:snapshotId`, async (request, reply) => {
      const session = requireAction(request, 'deleteSnapshot')
      const { groupId, clusterName, snapshotId, path } = clusterPathOf(request)
      const query = (request.query ?? {}) as Record<string, unknown>
      refuseIf(
        checkSnapshotDeletion({
          kind: 'dedicated',
          compliancePolicyEnabled: false,
          confirmed: query[DELETE_CONFIRMATION_PARAM] === snapshotId,
        }),
      )
      const snapshotPath = `${path}/backup/snapshots/${kind}${enc(snapshotId)}`
      const snapshot = (
        await deps.atlas.request({
          path: snapshotPath,
          resource: 'snapshots',
          schema: sharded ? shardedSnapshotSchema : replicaSetSnapshotSchema,
        })
      ).body
      await auditedWrite(
        deps,
        request,
        {
          action: 'snapshot.delete',
          actor: session.userName,
          groupId,
          clusterName,
          target: snapshotId,
          details: { snapshot: snapshotRecord(snapshot) },
        },
        async () => {
          await deps.atlas.request({
            method: 'DELETE',
            path: snapshotPath,
            resource: 'snapshots',
          })
          return { status: 204, body: undefined, atlasId: snapshotId }
        },
      )
      return reply.code(204).send()
    })
  }
}
