import type { DeliveryType } from '../../../../contract/atlas/common'
import type { JobRef, LiveJob } from '../../../../contract/bff/job-events'

// What the restore jobs page and the job page read from a LiveJob, whatever its kind: Flex
// documents name things differently (targetDeploymentItemName, snapshotUrl, UPPERCASE types).

export function refOf(job: LiveJob): JobRef {
  const { kind, groupId, clusterName, jobId } = job
  return { kind, groupId, clusterName, jobId }
}

export function sameJob(a: JobRef, b: JobRef): boolean {
  return (
    a.kind === b.kind &&
    a.groupId === b.groupId &&
    a.clusterName === b.clusterName &&
    a.jobId === b.jobId
  )
}

/** The delivery type in the dedicated words; a Flex RESTORE is an automated restore. */
export function deliveryOf(job: LiveJob): DeliveryType | undefined {
  if (!job.doc) return undefined
  if (job.kind !== 'flex') return job.doc.deliveryType
  if (job.doc.deliveryType === 'DOWNLOAD') return 'download'
  return 'automated'
}

export const deliveryLabels: Record<DeliveryType, string> = {
  automated: 'Automated restore',
  download: 'Download',
  pointInTime: 'Point in time',
}

export type Place = { groupId: string; name: string }

/** The deployment the restore overwrites; undefined for a download (or before the doc). */
export function targetOf(job: LiveJob): Place | undefined {
  if (!job.doc || deliveryOf(job) === 'download') return undefined
  if (job.kind === 'flex') {
    const name = job.doc.targetDeploymentItemName
    return name
      ? { groupId: job.doc.targetProjectId ?? job.groupId, name }
      : undefined
  }
  const { targetGroupId, targetClusterName } = job.doc
  return targetGroupId && targetClusterName
    ? { groupId: targetGroupId, name: targetClusterName }
    : undefined
}

/** Seconds since the epoch in an ObjectId (its first 4 bytes), as ms; NaN if it is not one. */
export function objectIdMillis(id: string): number {
  return /^[a-f0-9]{24}$/.test(id) ? parseInt(id.slice(0, 8), 16) * 1000 : NaN
}

/**
 * When Atlas made the job, by Atlas's clock (its id's timestamp), so that durations against
 * Atlas's finishedAt are on one clock; the console's createdAt (its own clock) otherwise.
 */
export function startedAtMs(job: LiveJob): number {
  const fromId = objectIdMillis(job.jobId)
  return Number.isNaN(fromId) ? Date.parse(job.createdAt) : fromId
}

const parsed = (iso: string | undefined) =>
  iso === undefined ? undefined : Date.parse(iso)

/** When Atlas says the job finished (restore done or link ready), by Atlas's clock. */
export function finishedAtMs(job: LiveJob): number | undefined {
  if (!job.doc) return undefined
  return parsed(
    job.kind === 'flex' ? job.doc.restoreFinishedDate : job.doc.finishedAt,
  )
}

export type DownloadLink = { label: string; url: string }

/** The links of a download: one per replica set for a sharded cluster (components). */
export function downloadLinks(job: LiveJob): DownloadLink[] {
  if (!job.doc || deliveryOf(job) !== 'download') return []
  const single = `${job.clusterName} snapshot archive`
  if (job.kind === 'flex') {
    const url = job.doc.snapshotUrl
    return url ? [{ label: single, url }] : []
  }
  const components =
    job.kind === 'dedicated'
      ? (job.doc.components ?? []).filter((c) => c.downloadUrl)
      : []
  if (components.length > 0) {
    return components.map((c, i) => ({
      label: `${c.replicaSetName ?? `Part ${i + 1}`} archive`,
      url: c.downloadUrl ?? '',
    }))
  }
  const urls = (job.doc.deliveryUrl ?? []).filter((url) => url !== '')
  return urls.map((url, i) => ({
    label:
      urls.length === 1
        ? single
        : `${job.clusterName} archive ${i + 1} of ${urls.length}`,
    url,
  }))
}

/** When the download link stops working (Atlas's clock); undefined for restores. */
export function linkExpiresAtMs(job: LiveJob): number | undefined {
  if (!job.doc || deliveryOf(job) !== 'download') return undefined
  return parsed(
    job.kind === 'flex' ? job.doc.expirationDate : job.doc.expiresAt,
  )
}
