import type { DeliveryType } from '../atlas/common'
import { ruleErrorCodes } from './error-codes'
import { ok, refuse } from './result'
import type { RuleResult } from './result'

// R3: "Each cloud backup can have one download at a time, and each project can have a maximum
// of 20 downloads at a time" (reference 001).

export const MAX_DOWNLOADS_PER_SNAPSHOT = 1
export const MAX_DOWNLOADS_PER_PROJECT = 20

export type DownloadCounts = {
  /** Active downloads of the snapshot the operator wants to download. */
  forSnapshot: number
  /** Active downloads across the whole project (every cluster). */
  inProject: number
}

export function checkDownloadLimits(counts: DownloadCounts): RuleResult {
  if (counts.forSnapshot >= MAX_DOWNLOADS_PER_SNAPSHOT) {
    return refuse(
      'This snapshot already has a download; a snapshot can have one download at a time. ' +
        'Use the existing download link or wait until it expires',
      'snapshotId',
      ruleErrorCodes.snapshotDownloadInProgress,
    )
  }
  if (counts.inProject >= MAX_DOWNLOADS_PER_PROJECT) {
    return refuse(
      `This project already has ${counts.inProject} downloads; a project can have at most ` +
        `${MAX_DOWNLOADS_PER_PROJECT} at a time. Wait until one expires or is cancelled`,
      'deliveryType',
      ruleErrorCodes.projectDownloadLimit,
    )
  }
  return ok
}

export type DownloadJobInput = {
  deliveryType: DeliveryType
  snapshotId?: string | null | undefined
  cancelled?: boolean | null | undefined
  failed?: boolean | null | undefined
  expired?: boolean | null | undefined
  expiresAt?: Date | null | undefined
}

/**
 * A download occupies its slot from creation until its link is gone: a ready link still counts
 * (the docs speak of downloads, not of preparations), a failed, cancelled or expired one does
 * not. `expiresAt` in the past frees the slot even before Atlas flips `expired`.
 */
export function isActiveDownload(job: DownloadJobInput, now: Date): boolean {
  if (job.deliveryType !== 'download') return false
  if (job.cancelled === true || job.failed === true || job.expired === true) {
    return false
  }
  return !job.expiresAt || job.expiresAt.getTime() > now.getTime()
}

/** Counts for checkDownloadLimits from the project's restore jobs (all clusters). */
export function countActiveDownloads(
  projectJobs: readonly DownloadJobInput[],
  snapshotId: string,
  now: Date,
): DownloadCounts {
  const active = projectJobs.filter((job) => isActiveDownload(job, now))
  return {
    forSnapshot: active.filter((job) => job.snapshotId === snapshotId).length,
    inProject: active.length,
  }
}
