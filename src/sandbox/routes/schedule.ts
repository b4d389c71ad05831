import type { FastifyInstance } from 'fastify'

import {
  type BackupSchedule,
  backupScheduleSchema,
  backupScheduleUpdateSchema,
} from '../../contract/atlas/schedule'
import {
  type RuleErrorCode,
  ruleErrorStatus,
} from '../../contract/rules/error-codes'
import {
  checkScheduleChangeCompliance,
  checkScheduleDeletionCompliance,
} from '../../contract/rules/compliance-policy'
import { validateCopyDeletions } from '../../contract/rules/copy-deletions'
import { currentCopySettings } from '../../contract/rules/copy-kinds'
import {
  checkCopyChangeCompliance,
  copyRetentionChanges,
} from '../../contract/rules/copy-retention-changes'
import { clusterZones } from '../../contract/rules/copy-zones'
import type { RuleRefusal } from '../../contract/rules/result'
import { validateSchedule } from '../../contract/rules/schedule-validate'
import type { SandboxContext } from '../context'
import { AtlasError, notFound } from '../protocol/api-error'
import { dedicatedFacts } from '../state/clusters-repo'
import { getSchedule, putSchedule } from '../state/schedules-repo'
import {
  applyCopyChanges,
  deleteCopies,
  listCopies,
} from '../sim/snapshot-copies'
import {
  applyPolicyToSnapshots,
  mergeSchedule,
  planRetentionChanges,
  scheduleView,
} from '../sim/snapshot-schedule'
import { groupHasCompliancePolicy } from '../state/settings-repo'
import { requireCluster } from './lookup'
import { type AtlasRequest, atlasRoute, enforce, parseBody } from './route-kit'

// The backup schedule (ops 15–17, version 2024-08-05). PATCH merges the fields sent into the
// stored schedule and validates the result with P1–P6; DELETE removes every policy item and,
// unlike other deletes, answers 200 with the schedule (ATLAS-CONTRACT.md §10). Under a Backup
// Compliance Policy (S3) neither may delete or shorten existing snapshots: 403. Copies to other
// regions and exports are checked by the same rules (issue 9); deleteCopiedBackups deletes the
// copies of removed copy regions, which a compliance policy forbids too; updateCopySnapshots and
// deleteCopySnapshots do to the copies in regions that stay what updateSnapshots and
// deleteSnapshots do to snapshots (copy-retention-changes.ts).

const URL = '/groups/:groupId/clusters/:clusterName/backup/schedule'

function requireSchedule(ctx: SandboxContext, request: AtlasRequest) {
  const { groupId = '', clusterName = '' } = request.params
  const cluster = requireCluster(ctx, groupId, clusterName, 'dedicated')
  const schedule = getSchedule(ctx.db, groupId, clusterName)
  if (!schedule) throw notFound('backup schedule', clusterName)
  return { cluster, schedule, groupId, clusterName }
}

/**
 * "When true, … responses return copyPolicyItems only. When false or omitted, … responses
 * return frequencies only" [spec copyPolicyItemsEnabled].
 */
function copyFormView(schedule: BackupSchedule): BackupSchedule {
  if (!schedule.copySettings) return schedule
  const current = schedule.copyPolicyItemsEnabled === true
  return {
    ...schedule,
    copySettings: schedule.copySettings.map((setting) => {
      const shown = { ...setting }
      if (current) delete shown.frequencies
      else delete shown.copyPolicyItems
      return shown
    }),
  }
}

function view(
  found: {
    cluster: { doc: { backupEnabled?: boolean } }
    schedule: BackupSchedule
  },
  now: number,
) {
  return scheduleView(
    copyFormView(found.schedule),
    now,
    found.cluster.doc.backupEnabled === true,
  )
}

/** Every refusal names its field; the first one gives the errorCode and status. */
function policyError(refusals: readonly RuleRefusal[]): AtlasError | undefined {
  const [first] = refusals
  if (!first) return undefined
  const code = first.errorCode ?? 'VALIDATION_ERROR'
  return new AtlasError(
    ruleErrorStatus[code as RuleErrorCode] ?? 400,
    code,
    refusals.map((r) => r.reason).join('; '),
    first.field ? [first.field] : [],
    refusals.flatMap((r) =>
      r.field ? [{ field: r.field, description: r.reason }] : [],
    ),
  )
}

export function registerScheduleRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
): void {
  atlasRoute(app, ctx, {
    method: 'GET',
    url: URL,
    resource: 'schedule',
    handler: (request) => ({
      status: 200,
      body: view(requireSchedule(ctx, request), ctx.clock.now()),
    }),
  })

  atlasRoute(app, ctx, {
    method: 'PATCH',
    url: URL,
    resource: 'schedule',
    handler: (request) => {
      const { cluster, schedule, groupId, clusterName } = requireSchedule(
        ctx,
        request,
      )
      const now = ctx.clock.now()
      // Types first; the bounds are the rules' (P5 answers INVALID_RESTORE_WINDOW).
      const sent = parseBody(backupScheduleSchema, request.body)
      const merged = mergeSchedule(schedule, sent, now)
      const facts = dedicatedFacts(cluster.doc)
      // deleteCopySnapshots is judged with the schedule it applies to (copyPolicyItemsEnabled).
      const judged = {
        ...merged,
        deleteCopySnapshots: sent.deleteCopySnapshots === true,
      }
      const error = policyError(
        validateSchedule(judged, {
          nvme: facts.nvme,
          pitEnabled: cluster.doc.pitEnabled === true,
          zones: clusterZones(cluster.doc),
          knownRegionsOnly: true,
        }),
      )
      if (error) throw error
      const flags = parseBody(backupScheduleUpdateSchema, request.body)
      const compliance = groupHasCompliancePolicy(ctx.db, groupId)
      const deletionError = policyError(
        validateCopyDeletions(
          {
            copySettings: merged.copySettings,
            deleteCopiedBackups: flags.deleteCopiedBackups,
          },
          compliance,
        ),
      )
      if (deletionError) throw deletionError
      const where = { groupId, clusterName }
      const items = {
        old: schedule.policies[0]?.policyItems ?? [],
        new: merged.policies[0]?.policyItems ?? [],
      }
      const changes = planRetentionChanges(
        ctx,
        where,
        items,
        flags.updateSnapshots === true,
        now,
      )
      const copyChanges = copyRetentionChanges({
        copies: listCopies(ctx, where),
        oldSettings: currentCopySettings(schedule),
        newSettings: currentCopySettings(merged),
        updateCopySnapshots: flags.updateCopySnapshots === true,
        deleteCopySnapshots: flags.deleteCopySnapshots === true,
        now: new Date(now),
      })
      // S3: a Backup Compliance Policy keeps existing snapshots and copies as they are (403).
      enforce(
        checkScheduleChangeCompliance({
          compliancePolicyEnabled: compliance,
          deleteSnapshots: flags.deleteSnapshots,
          retentionChanges: changes,
        }),
      )
      enforce(
        checkCopyChangeCompliance({
          compliancePolicyEnabled: compliance,
          deleteCopySnapshots: flags.deleteCopySnapshots,
          changes: copyChanges,
        }),
      )
      applyPolicyToSnapshots(
        ctx,
        where,
        items,
        changes,
        flags.deleteSnapshots === true,
      )
      deleteCopies(ctx, where, flags.deleteCopiedBackups ?? [])
      applyCopyChanges(ctx, where, copyChanges)
      putSchedule(ctx.db, groupId, clusterName, merged)
      return { status: 200, body: view({ cluster, schedule: merged }, now) }
    },
  })

  atlasRoute(app, ctx, {
    method: 'DELETE',
    url: URL,
    resource: 'schedule',
    handler: (request) => {
      const { cluster, schedule, groupId, clusterName } = requireSchedule(
        ctx,
        request,
      )
      enforce(
        checkScheduleDeletionCompliance(
          groupHasCompliancePolicy(ctx.db, groupId),
        ),
      )
      // Snapshots already taken stay until they expire (reference 003).
      const cleared: BackupSchedule = {
        ...schedule,
        policies: schedule.policies.map((p) => ({ ...p, policyItems: [] })),
      }
      putSchedule(ctx.db, groupId, clusterName, cleared)
      return {
        status: 200,
        body: view({ cluster, schedule: cleared }, ctx.clock.now()),
      }
    },
  })
}
