import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  startTestSandbox,
  type TestSandbox,
} from '../../testing/sandbox-harness'
import {
  ANALYTICS,
  DEV_TOOLS,
  MISSING_ID,
  PAYMENTS,
  expectError,
} from '../atlas-test-kit'
import { alignedSecond, restoreKit, toStaging } from '../sim/restore-test-kit'

// Restore jobs of dedicated clusters over real HTTP, continued: the R4 window and blackout,
// R3 download limits, one restore at a time into a target (409), cancel (21) and failures.

let sb: TestSandbox
const kit = restoreKit(() => sb)

beforeAll(async () => {
  sb = await startTestSandbox({ SANDBOX_RATE_CAPACITY: '100000' })
})
afterAll(async () => {
  await sb.close()
})

describe('create (19): R4 restore window and blackout', () => {
  beforeAll(() => kit.reset())
  const pit = (extra: Record<string, unknown>) => ({
    deliveryType: 'pointInTime',
    ...toStaging,
    ...extra,
  })

  it('accepts the first second of the window and refuses the one before it (7 days on payments-rs)', async () => {
    // The window of payments-rs starts 7 days before now, on the second (R4).
    const start = async () => (await alignedSecond(sb)) - 7 * 86_400
    let first = await start()
    expectError(
      await kit.create(
        PAYMENTS,
        'payments-rs',
        pit({ pointInTimeUTCSeconds: first - 1 }),
      ),
      400,
      'POINT_IN_TIME_OUTSIDE_RESTORE_WINDOW',
      'pointInTimeUTCSeconds',
    )
    first = await start()
    expectError(
      await kit.create(
        PAYMENTS,
        'payments-rs',
        pit({ oplogTs: first - 1, oplogInc: 5 }),
      ),
      400,
      'POINT_IN_TIME_OUTSIDE_RESTORE_WINDOW',
      'oplogTs',
    )
    await kit.acceptedThenCancelled(
      PAYMENTS,
      'payments-rs',
      pit({ pointInTimeUTCSeconds: await start() }),
    )
    await kit.acceptedThenCancelled(
      PAYMENTS,
      'payments-rs',
      pit({ oplogTs: await start(), oplogInc: 5 }),
    )
  })

  it('refuses an instant in the future', async () => {
    const now = await kit.now()
    expectError(
      await kit.create(
        PAYMENTS,
        'payments-rs',
        pit({ pointInTimeUTCSeconds: Math.floor(now / 1000) + 60 }),
      ),
      400,
      'POINT_IN_TIME_OUTSIDE_RESTORE_WINDOW',
      'pointInTimeUTCSeconds',
    )
  })

  it('refuses instants between a restore into the source and the snapshot taken after it', async () => {
    const own = await kit.latestCompleted(PAYMENTS, 'payments-rs')
    const startedAt = await kit.now()
    const restore = await kit.accepted(PAYMENTS, 'payments-rs', {
      deliveryType: 'automated',
      snapshotId: own.id,
      targetGroupId: PAYMENTS,
      targetClusterName: 'payments-rs',
    })
    const inside = Math.ceil(startedAt / 1000) + 1
    await kit.advance({ seconds: 3 })
    // While the restore runs, the blackout has no end yet.
    expectError(
      await kit.create(
        PAYMENTS,
        'payments-rs',
        pit({ pointInTimeUTCSeconds: inside }),
      ),
      400,
      'POINT_IN_TIME_IN_RESTORE_BLACKOUT',
      'pointInTimeUTCSeconds',
    )

    await kit.advance({ minutes: 30 })
    const done = await kit.job(PAYMENTS, 'payments-rs', restore.id)
    const finished = Date.parse(done.finishedAt ?? '')
    // The first snapshot after the restore (newest first: a scheduled one may follow it).
    const after = (await kit.snapshots(PAYMENTS, 'payments-rs'))
      .filter((s) => Date.parse(s.createdAt ?? '') >= finished)
      .at(-1)
    expect(after?.status).toBe('completed')
    const end = Date.parse(after?.createdAt ?? '') / 1000

    expectError(
      await kit.create(
        PAYMENTS,
        'payments-rs',
        pit({ pointInTimeUTCSeconds: inside }),
      ),
      400,
      'POINT_IN_TIME_IN_RESTORE_BLACKOUT',
      'pointInTimeUTCSeconds',
    )
    expectError(
      await kit.create(
        PAYMENTS,
        'payments-rs',
        pit({ oplogTs: end - 1, oplogInc: 1 }),
      ),
      400,
      'POINT_IN_TIME_IN_RESTORE_BLACKOUT',
      'oplogTs',
    )
    // The snapshot's own instant is restorable again, and so is the second before the restore.
    await kit.acceptedThenCancelled(
      PAYMENTS,
      'payments-rs',
      pit({ pointInTimeUTCSeconds: end }),
    )
    await kit.acceptedThenCancelled(
      PAYMENTS,
      'payments-rs',
      pit({ pointInTimeUTCSeconds: Math.floor(startedAt / 1000) - 1 }),
    )
  })
})

describe('create (19): R3 download limits', () => {
  beforeAll(() => kit.reset())

  it('allows one download per snapshot at a time, again once its link expired', async () => {
    const [first, second] = await kit.snapshots(PAYMENTS, 'payments-rs')
    await kit.accepted(PAYMENTS, 'payments-rs', {
      deliveryType: 'download',
      snapshotId: first?.id,
    })
    expectError(
      await kit.create(PAYMENTS, 'payments-rs', {
        deliveryType: 'download',
        snapshotId: first?.id,
      }),
      409,
      'SNAPSHOT_DOWNLOAD_IN_PROGRESS',
      'snapshotId',
    )
    await kit.accepted(PAYMENTS, 'payments-rs', {
      deliveryType: 'download',
      snapshotId: second?.id,
    })
    await kit.advance({ hours: 4, minutes: 1 })
    await kit.accepted(PAYMENTS, 'payments-rs', {
      deliveryType: 'download',
      snapshotId: first?.id,
    })
  })

  it('allows 20 downloads per project at a time, not 21', async () => {
    const ids = await kit.completedOf(ANALYTICS, [
      'warehouse-sharded',
      'events-nvme',
    ])
    expect(ids.length).toBeGreaterThan(20)
    for (const { id, cluster } of ids.slice(0, 20)) {
      await kit.accepted(ANALYTICS, cluster, {
        deliveryType: 'download',
        snapshotId: id,
      })
    }
    const extra = ids[20]
    expectError(
      await kit.create(ANALYTICS, extra?.cluster ?? '', {
        deliveryType: 'download',
        snapshotId: extra?.id,
      }),
      409,
      'PROJECT_DOWNLOAD_LIMIT_REACHED',
      'deliveryType',
    )
    // Another project is not affected (the first test's downloads hold the two newest
    // snapshots of payments-rs, so an older one).
    const older = (await kit.snapshots(PAYMENTS, 'payments-rs')).filter(
      (s) => s.status === 'completed',
    )[3]
    await kit.accepted(PAYMENTS, 'payments-rs', {
      deliveryType: 'download',
      snapshotId: older?.id,
    })
  })
})

describe('create (19): one restore at a time into a target (409)', () => {
  beforeAll(() => kit.reset())

  it('refuses a second restore onto a target while one runs, and takes it after', async () => {
    const rs = await kit.latestCompleted(PAYMENTS, 'payments-rs')
    const first = await kit.accepted(PAYMENTS, 'payments-rs', {
      deliveryType: 'automated',
      snapshotId: rs.id,
      ...toStaging,
    })
    expectError(
      await kit.create(PAYMENTS, 'payments-rs', {
        deliveryType: 'automated',
        snapshotId: rs.id,
        ...toStaging,
      }),
      409,
      'TARGET_RESTORE_ALREADY_IN_PROGRESS',
      'targetClusterName',
    )
    const now = await kit.now()
    expectError(
      await kit.create(PAYMENTS, 'payments-rs', {
        deliveryType: 'pointInTime',
        ...toStaging,
        pointInTimeUTCSeconds: Math.floor(now / 1000) - 3600,
      }),
      409,
      'TARGET_RESTORE_ALREADY_IN_PROGRESS',
      'targetClusterName',
    )
    // A download has no target: it is not held up.
    await kit.accepted(PAYMENTS, 'payments-rs', {
      deliveryType: 'download',
      snapshotId: rs.id,
    })

    await kit.advance({ minutes: 30 })
    expect(
      (await kit.job(PAYMENTS, 'payments-rs', first.id)).finishedAt,
    ).toBeDefined()
    await kit.accepted(PAYMENTS, 'payments-rs', {
      deliveryType: 'automated',
      snapshotId: rs.id,
      ...toStaging,
    })
  })
})

describe('cancel (21)', () => {
  beforeAll(() => kit.reset())

  it('cancels a job in progress: 204, cancelled, and it never finishes', async () => {
    const rs = await kit.latestCompleted(PAYMENTS, 'payments-rs')
    const before = await kit.lineage(PAYMENTS, 'payments-staging')
    const job = await kit.accepted(PAYMENTS, 'payments-rs', {
      deliveryType: 'automated',
      snapshotId: rs.id,
      ...toStaging,
    })
    const res = await kit.cancel(PAYMENTS, 'payments-rs', job.id)
    expect(res.status).toBe(204)
    expect(res.body).toBeUndefined()
    await kit.advance({ minutes: 30 })
    const after = await kit.job(PAYMENTS, 'payments-rs', job.id)
    expect(after.cancelled).toBe(true)
    expect(after.finishedAt).toBeUndefined()
    const after2 = await kit.lineage(PAYMENTS, 'payments-staging')
    expect(after2.map((s) => [s.clusterName, s.from])).toEqual(
      before.map((s) => [s.clusterName, s.from]),
    )
    // Cancelled is finished: nothing left to cancel.
    expectError(
      await kit.cancel(PAYMENTS, 'payments-rs', job.id),
      405,
      'RESTORE_JOB_ALREADY_FINISHED',
    )
  })

  it('refuses with 405 to cancel a finished job or a ready download', async () => {
    const rs = await kit.latestCompleted(PAYMENTS, 'payments-rs')
    const restore = await kit.accepted(PAYMENTS, 'payments-rs', {
      deliveryType: 'automated',
      snapshotId: rs.id,
      ...toStaging,
    })
    const download = await kit.accepted(PAYMENTS, 'payments-rs', {
      deliveryType: 'download',
      snapshotId: rs.id,
    })
    await kit.advance({ minutes: 30 })
    expectError(
      await kit.cancel(PAYMENTS, 'payments-rs', restore.id),
      405,
      'RESTORE_JOB_ALREADY_FINISHED',
    )
    expectError(
      await kit.cancel(PAYMENTS, 'payments-rs', download.id),
      405,
      'RESTORE_JOB_ALREADY_FINISHED',
    )
  })

  it('refuses with 405 to cancel a sharded restore once it has started, not while it waits', async () => {
    const snap = await kit.latestCompleted(PAYMENTS, 'payments-sharded')
    const body = {
      deliveryType: 'automated',
      snapshotId: snap.id,
      targetGroupId: PAYMENTS,
      targetClusterName: 'payments-sharded',
    }
    await kit.acceptedThenCancelled(PAYMENTS, 'payments-sharded', body)
    const running = await kit.accepted(PAYMENTS, 'payments-sharded', body)
    await kit.advance({ seconds: 8 })
    expectError(
      await kit.cancel(PAYMENTS, 'payments-sharded', running.id),
      405,
      'ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED',
    )
    // A sharded download being prepared can be cancelled (the newest snapshot has the seeded
    // download, so another one).
    const older = (await kit.snapshots(PAYMENTS, 'payments-sharded')).filter(
      (s) => s.status === 'completed',
    )[2]
    const download = await kit.accepted(PAYMENTS, 'payments-sharded', {
      deliveryType: 'download',
      snapshotId: older?.id,
    })
    await kit.advance({ seconds: 8 })
    expect(
      (await kit.cancel(PAYMENTS, 'payments-sharded', download.id)).status,
    ).toBe(204)
  })

  it('answers 404 for an unknown job', async () => {
    expectError(
      await kit.cancel(PAYMENTS, 'payments-rs', MISSING_ID),
      404,
      'RESOURCE_NOT_FOUND',
    )
  })
})

describe('failures', () => {
  beforeAll(() => kit.reset())

  it('fails every restore onto failing-restore-target, leaving its data as it was', async () => {
    const rs = await kit.latestCompleted(PAYMENTS, 'payments-rs')
    const before = await kit.lineage(DEV_TOOLS, 'failing-restore-target')
    const job = await kit.accepted(PAYMENTS, 'payments-rs', {
      deliveryType: 'automated',
      snapshotId: rs.id,
      targetGroupId: DEV_TOOLS,
      targetClusterName: 'failing-restore-target',
    })
    expect(job.failed).toBe(false)
    await kit.advance({ minutes: 30 })
    const done = await kit.job(PAYMENTS, 'payments-rs', job.id)
    expect(done).toMatchObject({
      failed: true,
      cancelled: false,
      expired: false,
    })
    expect(done.finishedAt).toBeUndefined()
    const after = await kit.lineage(DEV_TOOLS, 'failing-restore-target')
    expect(after.map((s) => [s.clusterName, s.from])).toEqual(
      before.map((s) => [s.clusterName, s.from]),
    )
  })

  it('fails the next restore after a failNextRestore fault, and only that one', async () => {
    const fault = await sb.control('POST', '/faults', {
      kind: 'failNextRestore',
      path: '/backup/restoreJobs$',
      method: 'POST',
      times: 1,
    })
    expect(fault.status).toBe(200)
    const rs = await kit.latestCompleted(PAYMENTS, 'payments-rs')
    const doomed = await kit.accepted(PAYMENTS, 'payments-rs', {
      deliveryType: 'automated',
      snapshotId: rs.id,
      ...toStaging,
    })
    await kit.advance({ minutes: 30 })
    expect((await kit.job(PAYMENTS, 'payments-rs', doomed.id)).failed).toBe(
      true,
    )
    const fine = await kit.accepted(PAYMENTS, 'payments-rs', {
      deliveryType: 'automated',
      snapshotId: rs.id,
      ...toStaging,
    })
    await kit.advance({ minutes: 30 })
    const done = await kit.job(PAYMENTS, 'payments-rs', fine.id)
    expect(done.failed).toBe(false)
    expect(done.finishedAt).toBeDefined()
  })
})
