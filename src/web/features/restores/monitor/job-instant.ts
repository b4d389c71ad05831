import type { LiveJob } from '../../../../contract/bff/job-events'

// What a job restores: a snapshot (automated, download, Flex) or a point in time, given either
// as epoch seconds or as an oplog timestamp and increment (R4).

export type JobInstant =
  | { kind: 'snapshot'; snapshotId: string | undefined; at: number | undefined }
  | { kind: 'pointInTime'; at: number }
  | { kind: 'oplog'; ts: number; inc: number; at: number }

const ms = (iso: string | undefined) =>
  iso === undefined ? undefined : Date.parse(iso)

export function instantOf(job: LiveJob): JobInstant | undefined {
  if (job.kind === 'flex') {
    if (!job.doc) return undefined
    return {
      kind: 'snapshot',
      snapshotId: job.doc.snapshotId,
      at: ms(job.doc.snapshotFinishedDate),
    }
  }
  const d = job.doc
  if (!d) return undefined
  if (d.pointInTimeUTCSeconds !== undefined)
    return { kind: 'pointInTime', at: d.pointInTimeUTCSeconds * 1000 }
  if (d.oplogTs !== undefined && d.oplogInc !== undefined) {
    return {
      kind: 'oplog',
      ts: d.oplogTs,
      inc: d.oplogInc,
      at: d.oplogTs * 1000,
    }
  }
  const desired = ms(d.desiredTimestamp?.date)
  if (d.deliveryType === 'pointInTime' && desired !== undefined)
    return { kind: 'pointInTime', at: desired }
  return { kind: 'snapshot', snapshotId: d.snapshotId, at: ms(d.timestamp) }
}
