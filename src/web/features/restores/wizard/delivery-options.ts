import type { DeliveryType } from '../../../../contract/atlas/common'
import type { RestoreJob } from '../../../../contract/atlas/restore-job'
import {
  type DeliveryTypeOption,
  type RestoreSourceInput,
  deliveryTypeOptions,
} from '../../../../contract/rules/delivery-type'
import {
  type DownloadCounts,
  countActiveDownloads,
} from '../../../../contract/rules/download-limits'
import { refuse } from '../../../../contract/rules/result'
import type { RestoreFrom } from './wizard-answers'

// Step 2's three options, each allowed or disabled with its reason: first the source's own
// limits (R1, R3, R5, R6, from the shared rule), then agreement with step 1's choice of a
// snapshot or a point in time.

export const deliveryLabel: Record<DeliveryType, string> = {
  automated: 'Automated restore',
  download: 'Download',
  pointInTime: 'Point in time',
}

export const deliveryDescription: Record<DeliveryType, string> = {
  automated:
    'Restores the snapshot onto a cluster you choose. All existing data on that cluster is deleted.',
  download:
    "Prepares a link to download the snapshot's data files (to start mongod on; mongorestore cannot read them). Nothing is deleted.",
  pointInTime:
    'Restores the data as it was at an instant, to the second or to an oplog entry, onto a cluster you choose. All existing data on that cluster is deleted.',
}

/** R3's counts from the restore jobs of every dedicated cluster of the source's project. */
export function downloadCounts(
  projectJobs: readonly RestoreJob[],
  snapshotId: string,
  now: Date,
): DownloadCounts {
  return countActiveDownloads(
    projectJobs.map((job) => ({
      ...job,
      expiresAt: job.expiresAt ? new Date(job.expiresAt) : undefined,
    })),
    snapshotId,
    now,
  )
}

export function wizardDeliveryOptions(
  source: RestoreSourceInput,
  from: RestoreFrom | undefined,
  downloads: DownloadCounts | undefined,
): DeliveryTypeOption[] {
  return deliveryTypeOptions(source, downloads).map((option) => {
    if (!option.result.ok) return option
    if (from === 'pointInTime' && option.deliveryType !== 'pointInTime') {
      return {
        ...option,
        result: refuse(
          `${deliveryLabel[option.deliveryType]} needs a snapshot, and step 1 chose a point in time instead. Go back to step 1 to choose a snapshot`,
          'deliveryType',
        ),
      }
    }
    if (from === 'snapshot' && option.deliveryType === 'pointInTime') {
      return {
        ...option,
        result: refuse(
          'A point-in-time restore starts from an instant, and step 1 chose a snapshot instead. Go back to step 1 and choose "A point in time"',
          'deliveryType',
        ),
      }
    }
    return option
  })
}
