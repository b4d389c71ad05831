import { createHash } from 'node:crypto'

import type { Cluster } from '../../contract/atlas/cluster'
import type {
  BackupSchedule,
  BackupScheduleUpdate,
} from '../../contract/atlas/schedule'
import {
  SCHEDULE_CHANGED,
  SCHEDULE_IF_MATCH_HEADER,
  PRECONDITION_REQUIRED,
} from '../../contract/bff/write-requests'
import { clusterZones } from '../../contract/rules/copy-zones'
import { validateCopyDeletions } from '../../contract/rules/copy-deletions'
import { validateSchedule } from '../../contract/rules/schedule-validate'
import { ApiProblem } from '../http/errors'
import { refuseAll } from './write-checks'

// The fields of a schedule that an edit can change; the rest (clusterId, clusterName,
// nextSnapshot, links) is Atlas's to say, and nextSnapshot moves on its own.
const POLICY_FIELDS = [
  'policies',
  'referenceHourOfDay',
  'referenceMinuteOfHour',
  'restoreWindowDays',
  'autoExportEnabled',
  'export',
  'useOrgAndGroupNamesInExportPrefix',
  'copySettings',
  'autoCopySettingsEnabled',
  'copyPolicyItemsEnabled',
  'extraRetentionSettings',
] as const

// Write-only flags of the PATCH body (§6): they say what to do to existing snapshots.
const WRITE_ONLY_FIELDS = [
  'updateSnapshots',
  'deleteSnapshots',
  'updateCopySnapshots',
  'deleteCopySnapshots',
  'deleteCopiedBackups',
] as const

/** The policy-relevant part of a schedule: what the audit keeps and the ETag hashes. */
export function policyContent(
  schedule: Partial<BackupSchedule>,
): Record<string, unknown> {
  const content: Record<string, unknown> = {}
  for (const field of POLICY_FIELDS) {
    if (schedule[field] !== undefined) content[field] = schedule[field]
  }
  return content
}

/** Only what Atlas's PATCH takes goes upstream: the read-only fields of the GET stay here. */
export function scheduleUpdateBody(
  parsed: BackupScheduleUpdate,
): BackupScheduleUpdate {
  const body: Record<string, unknown> = policyContent(parsed)
  for (const field of WRITE_ONLY_FIELDS) {
    if (parsed[field] !== undefined) body[field] = parsed[field]
  }
  return body as BackupScheduleUpdate
}

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, stable((value as Record<string, unknown>)[key])]),
    )
  }
  return value
}

/** A strong ETag over the policy-relevant content, independent of key order. */
export function scheduleEtag(schedule: Partial<BackupSchedule>): string {
  const json = JSON.stringify(stable(policyContent(schedule)))
  const hash = createHash('sha256').update(json).digest('base64url')
  return `"${hash.slice(0, 27)}"`
}

function headerText(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim()
}

/** A PATCH of the schedule must say which version it edited (428 otherwise). */
export function requireIfMatch(ifMatch: string | string[] | undefined): void {
  if (headerText(ifMatch) !== '') return
  throw new ApiProblem(
    428,
    PRECONDITION_REQUIRED,
    'Send the ETag of the schedule you edited in the If-Match header, so that a change made meanwhile by someone else is not overwritten.',
    [{ field: SCHEDULE_IF_MATCH_HEADER, description: 'required' }],
  )
}

/** Refuses (412) an edit made against another version of the schedule than Atlas's current one. */
export function checkIfMatch(
  ifMatch: string | string[] | undefined,
  current: BackupSchedule,
): void {
  const sent = headerText(ifMatch)
  if (sent === '') return
  const tags = sent.split(',').map((tag) => tag.trim())
  if (tags.includes('*') || tags.includes(scheduleEtag(current))) return
  throw new ApiProblem(
    412,
    SCHEDULE_CHANGED,
    'Someone else changed this backup schedule after you opened it. Reload it to see their change, then make yours again.',
    [{ field: SCHEDULE_IF_MATCH_HEADER, description: 'the schedule changed' }],
  )
}

/** NVMe clusters take hourly snapshots only every 12 hours (P2). */
export function isNvmeCluster(cluster: Cluster): boolean {
  const size =
    cluster.replicationSpecs?.[0]?.regionConfigs?.[0]?.electableSpecs
      ?.instanceSize ?? ''
  return size.endsWith('_NVME')
}

/**
 * P1–P6, copies to other regions and exports (issue 9) over the schedule as it will be: what
 * Atlas has, with the fields sent replacing it (a PATCH changes only what it sends). Every
 * refusal is returned, each on its field path. Region names are Atlas's to judge: it adds
 * regions more often than this console is released.
 */
export function checkScheduleUpdate(
  current: BackupSchedule,
  body: BackupScheduleUpdate,
  cluster: Cluster,
): void {
  const merged: BackupScheduleUpdate = { ...current, ...body }
  refuseAll([
    ...validateSchedule(merged, {
      nvme: isNvmeCluster(cluster),
      pitEnabled: cluster.pitEnabled === true,
      zones: clusterZones(cluster),
      knownRegionsOnly: false,
    }),
    // A Backup Compliance Policy is Atlas's to know: it answers 403 itself.
    ...validateCopyDeletions(merged, false),
  ])
}

const queues = new Map<string, Promise<unknown>>()

/** Runs edits of one cluster's schedule one after another, so check-then-write cannot interleave. */
export function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve()
  const next = previous.then(task, task)
  const settled = next.then(
    () => undefined,
    () => undefined,
  )
  queues.set(key, settled)
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key)
  })
  return next
}
