import type { DeliveryType } from '../../contract/atlas/common'

// How long restore jobs take, in sandbox ms. Realistic in shape (bigger data and more oplog
// to replay take longer, sharded restores coordinate their shards) but scaled so that a demo
// restore finishes within 20 to 50 seconds of real time (issue 3).

const SECOND_MS = 1000
const HOUR_MS = 3_600_000
const GIB = 1024 ** 3

/** Waiting for a restore slot before the target is touched. */
export const RESTORE_QUEUE_MS = 4 * SECOND_MS

/**
 * A download link stays valid four hours after the request. Atlas publishes that figure for
 * Flex downloads [spec]; dedicated downloads use the same here.
 */
export const DOWNLOAD_LINK_MS = 4 * HOUR_MS

/** The job record of an automated or pointInTime restore expires a day after creation. */
export const RESTORE_JOB_EXPIRY_MS = 24 * HOUR_MS

export type DurationInput = {
  deliveryType: DeliveryType
  /** Size of the snapshot restored; per-shard sizes run in parallel. */
  storageSizeBytes: number
  shardCount: number
  /** pointInTime: oplog to replay between the base snapshot and the instant. */
  replayMs?: number
}

/** Time from the end of the queue to the finish (restore done, or download link ready). */
export function restoreRunMs(input: DurationInput): number {
  const shards = Math.max(1, input.shardCount)
  const perShardGib = input.storageSizeBytes / shards / GIB
  if (input.deliveryType === 'download') {
    // Packing the files into an archive: 10 s plus about a second per GiB, at most 25 s.
    return (10 + Math.min(15, perShardGib)) * SECOND_MS
  }
  // Copying the data: 15 s plus 1.5 s per GiB of the largest shard, at most 35 s...
  const copy = 15 + Math.min(20, perShardGib * 1.5)
  // ...plus a few seconds for the shards and config server to agree...
  const coordinate = shards > 1 ? 4 : 0
  // ...plus a second per hour of oplog replayed, at most 4 s.
  const replay = Math.min(4, (input.replayMs ?? 0) / HOUR_MS)
  return Math.round((copy + coordinate + replay) * SECOND_MS)
}
