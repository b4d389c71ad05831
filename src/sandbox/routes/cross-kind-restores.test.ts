import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type {
  FlexRestoreJob,
  FlexSnapshot,
} from '../../contract/atlas/flex-backup'
import type { BackupSchedule } from '../../contract/atlas/schedule'
import type {
  ServerlessRestoreJob,
  ServerlessSnapshot,
} from '../../contract/atlas/serverless'
import {
  type AtlasResponse,
  startTestSandbox,
  type TestSandbox,
} from '../../testing/sandbox-harness'
import { ANALYTICS, DEV_TOOLS, conforms, expectError } from '../atlas-test-kit'
import { restoreKit } from '../sim/restore-test-kit'
import { getCluster, putCluster } from '../state/clusters-repo'

// Rules that look across restores of every kind (dedicated, flex, serverless), over real HTTP:
// one restore at a time into a target, the R4 blackouts a restore leaves in its target's
// history, the snapshot that follows it (R10), and R3's 20 downloads per project.

let sb: TestSandbox
const kit = restoreKit(() => sb)

beforeAll(async () => {
  sb = await startTestSandbox({ SANDBOX_RATE_CAPACITY: '100000' })
})
afterAll(async () => {
  await sb.close()
})

type Page<T> = { results: T[] }
const flexBackup = (rest: string) =>
  `/groups/${ANALYTICS}/flexClusters/reports-flex/backup${rest}`

async function flexCall(
  method: 'GET' | 'POST',
  rest: string,
  body?: unknown,
): Promise<AtlasResponse> {
  return conforms(
    await sb.atlas({
      method,
      path: flexBackup(rest),
      version: '2024-11-13',
      body,
    }),
  )
}

async function flexSnapshotIds(): Promise<string[]> {
  const res = await flexCall('GET', '/snapshots')
  return (res.body as Page<FlexSnapshot & { id: string }>).results
    .filter((s) => s.status === 'COMPLETED')
    .map((s) => s.id)
}

/**
 * Fixture: continuous backup on events-nvme, the only 8.0 replica set a flex snapshot can go
 * to. Atlas turns it on through the cluster API, which the sandbox does not serve.
 */
function enableContinuousBackup(name: string): void {
  const { db } = sb.sandbox.ctx
  const cluster = getCluster(db, ANALYTICS, name)
  if (cluster?.kind !== 'dedicated') throw new Error(`${name} is not dedicated`)
  putCluster(db, { ...cluster, doc: { ...cluster.doc, pitEnabled: true } })
}

describe('a flex restore into a dedicated cluster', () => {
  beforeAll(() => kit.reset())

  it('holds the target (409) and leaves an R4 blackout in its history', async () => {
    enableContinuousBackup('events-nvme')
    const [snapshotId] = await flexSnapshotIds()
    const started = await flexCall('POST', '/restoreJobs', {
      snapshotId,
      targetDeploymentItemName: 'events-nvme',
    })
    expect(started.status, JSON.stringify(started.body)).toBe(200)
    const flex = started.body as FlexRestoreJob & { id: string }
    // The job's creation, to the second below it: its id starts with it.
    const start = parseInt(flex.id.slice(0, 8), 16)

    // One restore at a time into a target, whatever kind of restore holds it.
    const own = await kit.latestCompleted(ANALYTICS, 'events-nvme')
    const toItself = {
      targetGroupId: ANALYTICS,
      targetClusterName: 'events-nvme',
    }
    expectError(
      await kit.create(ANALYTICS, 'events-nvme', {
        deliveryType: 'automated',
        snapshotId: own.id,
        ...toItself,
      }),
      409,
      'TARGET_RESTORE_ALREADY_IN_PROGRESS',
      'targetClusterName',
    )
    const pit = (extra: Record<string, unknown>) =>
      kit.create(ANALYTICS, 'events-nvme', {
        deliveryType: 'pointInTime',
        ...toItself,
        ...extra,
      })
    await kit.advance({ seconds: 3 })
    // While the restore runs its blackout has no end (R4 answers before the 409).
    expectError(
      await pit({ pointInTimeUTCSeconds: start + 1 }),
      400,
      'POINT_IN_TIME_IN_RESTORE_BLACKOUT',
      'pointInTimeUTCSeconds',
    )

    await kit.advance({ minutes: 30 })
    const done = (await flexCall('GET', `/restoreJobs/${flex.id}`))
      .body as FlexRestoreJob
    expect(done.status).toBe('COMPLETED')
    const finished = Date.parse(done.restoreFinishedDate ?? '')
    // R10: the snapshot Atlas takes of the target once the restore completes ends the blackout.
    const after = (await kit.snapshots(ANALYTICS, 'events-nvme')).find(
      (s) => Date.parse(s.createdAt ?? '') === finished,
    )
    expect(after).toMatchObject({
      snapshotType: 'scheduled',
      status: 'completed',
    })
    expect(after?.frequencyType).toBeUndefined()
    const end = finished / 1000
    expectError(
      await pit({ pointInTimeUTCSeconds: end - 1 }),
      400,
      'POINT_IN_TIME_IN_RESTORE_BLACKOUT',
      'pointInTimeUTCSeconds',
    )
    expectError(
      await pit({ oplogTs: start + 1, oplogInc: 1 }),
      400,
      'POINT_IN_TIME_IN_RESTORE_BLACKOUT',
      'oplogTs',
    )
    // The snapshot's own instant is restorable again, and so is the second before the restore.
    await kit.acceptedThenCancelled(ANALYTICS, 'events-nvme', {
      deliveryType: 'pointInTime',
      ...toItself,
      pointInTimeUTCSeconds: end,
    })
    await kit.acceptedThenCancelled(ANALYTICS, 'events-nvme', {
      deliveryType: 'pointInTime',
      ...toItself,
      pointInTimeUTCSeconds: start - 1,
    })
  })
})

describe('a serverless restore into a dedicated cluster (reference 003)', () => {
  beforeAll(() => kit.reset())
  const serverless = `/groups/${DEV_TOOLS}/serverless/dev-serverless/backup`
  const serverlessCall = async (
    method: 'GET' | 'POST',
    rest: string,
    body?: unknown,
  ) => conforms(await sb.atlas({ method, path: `${serverless}${rest}`, body }))

  it('restores to a replica set on the same release, which takes no other restore meanwhile', async () => {
    const snapshots = await serverlessCall('GET', '/snapshots')
    const snap = (
      snapshots.body as Page<ServerlessSnapshot & { id: string }>
    ).results.find((s) => s.status === 'completed')
    const res = await serverlessCall('POST', '/restoreJobs', {
      deliveryType: 'automated',
      snapshotId: snap?.id,
      targetGroupId: ANALYTICS,
      targetClusterName: 'events-nvme',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const job = res.body as ServerlessRestoreJob & { id: string }

    // One restore at a time into a target, whatever kind of restore holds it.
    const own = await kit.latestCompleted(ANALYTICS, 'events-nvme')
    expectError(
      await kit.create(ANALYTICS, 'events-nvme', {
        deliveryType: 'automated',
        snapshotId: own.id,
        targetGroupId: ANALYTICS,
        targetClusterName: 'events-nvme',
      }),
      409,
      'TARGET_RESTORE_ALREADY_IN_PROGRESS',
      'targetClusterName',
    )
    const [flexSnapshot] = await flexSnapshotIds()
    expectError(
      await flexCall('POST', '/restoreJobs', {
        snapshotId: flexSnapshot,
        targetDeploymentItemName: 'events-nvme',
      }),
      409,
      'TARGET_RESTORE_ALREADY_IN_PROGRESS',
      'targetDeploymentItemName',
    )

    await kit.advance({ seconds: 45 })
    const done = (await serverlessCall('GET', `/restoreJobs/${job.id}`))
      .body as ServerlessRestoreJob
    const finishedAt = Date.parse(done.finishedAt ?? '')
    expect(finishedAt).toBeGreaterThan(0)
    // The dedicated cluster now holds the instance's data as of the snapshot...
    const [now, from] = await kit.lineage(ANALYTICS, 'events-nvme')
    expect(Date.parse(now?.from ?? '')).toBe(finishedAt)
    expect(from?.clusterName).toBe('dev-serverless')
    expect(Date.parse(from?.to ?? '')).toBe(Date.parse(snap?.createdAt ?? ''))
    // ...and Atlas snapshots it, kept as long as its restore window (R10, reference 000).
    const schedule = await sb.atlas({
      path: `/groups/${ANALYTICS}/clusters/events-nvme/backup/schedule`,
      version: '2024-08-05',
    })
    const days = (schedule.body as BackupSchedule).restoreWindowDays ?? 0
    const after = (await kit.snapshots(ANALYTICS, 'events-nvme')).find(
      (s) => Date.parse(s.createdAt ?? '') === finishedAt,
    )
    expect(after).toMatchObject({ snapshotType: 'scheduled', policyItems: [] })
    expect(after?.frequencyType).toBeUndefined()
    expect(Date.parse(after?.expiresAt ?? '') - finishedAt).toBe(
      days * 86_400_000,
    )
  })
})

describe('R3: 20 downloads per project, dedicated and flex together', () => {
  beforeAll(() => kit.reset())

  it('refuses the 21st download on either path when the other made some', async () => {
    const [firstFlex, secondFlex] = await flexSnapshotIds()
    const flexDownload = await flexCall('POST', '/download', {
      snapshotId: firstFlex,
    })
    expect(flexDownload.status, JSON.stringify(flexDownload.body)).toBe(200)
    const dedicated = await kit.completedOf(ANALYTICS, [
      'warehouse-sharded',
      'events-nvme',
    ])
    expect(dedicated.length).toBeGreaterThan(20)
    // One flex download and 19 dedicated ones: the project's 20.
    for (const { id, cluster } of dedicated.slice(0, 19)) {
      await kit.accepted(ANALYTICS, cluster, {
        deliveryType: 'download',
        snapshotId: id,
      })
    }
    const extra = dedicated[19]
    expectError(
      await kit.create(ANALYTICS, extra?.cluster ?? '', {
        deliveryType: 'download',
        snapshotId: extra?.id,
      }),
      409,
      'PROJECT_DOWNLOAD_LIMIT_REACHED',
      'deliveryType',
    )
    expectError(
      await flexCall('POST', '/download', { snapshotId: secondFlex }),
      409,
      'PROJECT_DOWNLOAD_LIMIT_REACHED',
      'deliveryType',
    )
  })
})
