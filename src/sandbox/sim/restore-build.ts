import type { RestoreJob } from '../../contract/atlas/restore-job'
import type { SandboxContext } from '../context'
import type { StoredCluster } from '../state/clusters-repo'
import { dedicatedFacts } from '../state/clusters-repo'
import { newObjectId } from '../state/ids'
import type { RestoreSim, StoredRestoreJob } from '../state/restore-jobs-repo'
import { type StoredSnapshot, listSnapshots } from '../state/snapshots-repo'
import type { CheckedRestore } from './restore-create'
import { newDownloadToken } from './restore-download'
import { targetFailsRestores } from './restore-outcome'
import {
  DOWNLOAD_LINK_MS,
  RESTORE_JOB_EXPIRY_MS,
  RESTORE_QUEUE_MS,
  restoreRunMs,
} from './restore-timing'
import { isoSeconds, wholeSecondFrom } from './snapshot-doc'

// A new restore job as Atlas returns it from op 19 (no status, R10: nothing finished yet),
// with the clock's plan for it in `sim`.

type Dedicated = Extract<StoredCluster, { kind: 'dedicated' }>

const GIB = 1024 ** 3

export type BuildOptions = {
  /** A failNextRestore fault was consumed by this creation. */
  failByFault: boolean
  /** Where download links point: the sandbox's own address. */
  downloadBase: string
}

/** A bare point in time replays the oplog from the last completed snapshot before it. */
function baseSnapshot(
  ctx: SandboxContext,
  source: Dedicated,
  at: number,
): StoredSnapshot | undefined {
  return listSnapshots(ctx, source.groupId, source.name).find(
    (s) => s.createdAt <= at && s.doc.status === 'completed',
  )
}

function replicaSetNames(snapshot: StoredSnapshot | undefined): string[] {
  const doc = snapshot?.doc
  if (doc && 'members' in doc && doc.members) {
    return doc.members.map((m) => m.replicaSetName)
  }
  if (doc && 'replicaSetName' in doc && doc.replicaSetName) {
    return [doc.replicaSetName]
  }
  return []
}

export function buildRestoreJob(
  ctx: SandboxContext,
  source: Dedicated,
  checked: CheckedRestore,
  now: number,
  options: BuildOptions,
): StoredRestoreJob {
  const { body, target, originAt } = checked
  const pit = body.deliveryType === 'pointInTime'
  const download = body.deliveryType === 'download'
  const data = checked.snapshot ?? baseSnapshot(ctx, source, originAt)
  const facts = dedicatedFacts(source.doc)
  const startAt = now + RESTORE_QUEUE_MS
  const runMs = restoreRunMs({
    deliveryType: body.deliveryType,
    storageSizeBytes: data?.doc.storageSizeBytes ?? 4 * GIB,
    shardCount: facts.shardCount,
    replayMs: pit && data ? originAt - data.createdAt : 0,
  })
  const finishAt = wholeSecondFrom(startAt + runMs)
  const expiresAt = now + (download ? DOWNLOAD_LINK_MS : RESTORE_JOB_EXPIRY_MS)
  const id = newObjectId(now)
  const doc: RestoreJob = {
    id,
    deliveryType: body.deliveryType,
    ...(body.snapshotId ? { snapshotId: body.snapshotId } : {}),
    ...(target
      ? { targetGroupId: target.groupId, targetClusterName: target.name }
      : {}),
    ...(body.pointInTimeUTCSeconds !== undefined
      ? { pointInTimeUTCSeconds: body.pointInTimeUTCSeconds }
      : {}),
    ...(body.oplogTs !== undefined && body.oplogInc !== undefined
      ? { oplogTs: body.oplogTs, oplogInc: body.oplogInc }
      : {}),
    // The spec's bogus minimum on `increment` would refuse a real oplogInc: date only.
    ...(pit ? { desiredTimestamp: { date: isoSeconds(originAt) } } : {}),
    cancelled: false,
    expired: false,
    failed: false,
    expiresAt: isoSeconds(expiresAt),
    ...(data ? { timestamp: isoSeconds(data.createdAt) } : {}),
  }
  const sim: RestoreSim = {
    phase: 'queued',
    createdAt: now,
    startAt,
    finishAt,
    outcome:
      options.failByFault || targetFailsRestores(target) ? 'fail' : 'success',
    originAt,
    sharded: facts.sharded,
    ...(download
      ? {
          downloadBase: options.downloadBase,
          downloadToken: newDownloadToken(),
          replicaSetNames: replicaSetNames(data),
          linkExpiresAt: expiresAt,
        }
      : {}),
  }
  return {
    id,
    groupId: source.groupId,
    clusterName: source.name,
    createdAt: now,
    doc,
    sim,
  }
}
