import {
  type DownloadCounts,
  type DownloadJobInput,
  countActiveDownloads,
} from '../../contract/rules/download-limits'
import type { SandboxDb } from './db'
import { selectDocuments } from './documents-repo'

// R3 counts a project's downloads of every kind: dedicated (op 19, deliveryType download) and
// flex (op 29, DOWNLOAD); serverless snapshots cannot be downloaded (R5). The dedicated and flex
// creations both count through here, so neither can fill the project's 20 behind the other's back.

/** The fields of a dedicated or flex job that say whether it holds a download slot. */
type DownloadDoc = {
  deliveryType?: string
  snapshotId?: string
  status?: string
  cancelled?: boolean
  failed?: boolean
  expired?: boolean
  /** Dedicated: when the link stops working. */
  expiresAt?: string
  /** Flex: the same, four hours after the request (R6). */
  expirationDate?: string
}

function asDownloadInput(doc: DownloadDoc): DownloadJobInput {
  const expires = doc.expirationDate ?? doc.expiresAt
  return {
    deliveryType:
      doc.deliveryType?.toLowerCase() === 'download' ? 'download' : 'automated',
    snapshotId: doc.snapshotId,
    cancelled: doc.cancelled,
    failed: doc.failed === true || doc.status === 'FAILED',
    expired: doc.expired,
    expiresAt: expires ? new Date(expires) : undefined,
  }
}

/** Active downloads of the snapshot and of the whole project, for checkDownloadLimits. */
export function projectDownloadCounts(
  db: SandboxDb,
  groupId: string,
  snapshotId: string,
  now: number,
): DownloadCounts {
  const jobs = selectDocuments<DownloadDoc, unknown>(
    db,
    'restore_jobs',
    "group_id = ? AND lower(json_extract(doc, '$.deliveryType')) = 'download'",
    groupId,
  ).map(({ doc }) => asDownloadInput(doc))
  return countActiveDownloads(jobs, snapshotId, new Date(now))
}
