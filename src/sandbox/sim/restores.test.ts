import { gunzipSync } from 'node:zlib'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RestoreJob } from '../../contract/atlas/restore-job'
import { restoreJobState } from '../../contract/rules/restore-job-state'
import {
  startTestSandbox,
  type TestSandbox,
} from '../../testing/sandbox-harness'
import { ANALYTICS, PAYMENTS } from '../atlas-test-kit'
import { DAY_MS, jobsPath, restoreKit } from './restore-test-kit'

// The clock's restore side over real HTTP: each delivery type's whole life, what a restore
// does to the target's data (lineage) and snapshots, the seeded past jobs, and restarts.

let sb: TestSandbox
const kit = restoreKit(() => sb)

beforeAll(async () => {
  sb = await startTestSandbox({ SANDBOX_RATE_CAPACITY: '100000' })
})
afterAll(async () => {
  await sb.close()
})

const toStaging = {
  targetGroupId: PAYMENTS,
  targetClusterName: 'payments-staging',
}

async function created(group: string, cluster: string, body: unknown) {
  const res = await kit.create(group, cluster, body)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body as RestoreJob & { id: string }
}

async function fetchUrl(url: string) {
  const res = await request(url)
  return {
    status: res.statusCode,
    headers: res.headers,
    body: Buffer.from(await res.body.arrayBuffer()),
  }
}

describe('automated restore', () => {
  it('runs created → in progress → finished, then the target holds the source as of the snapshot', async () => {
    const snapshot = await kit.latestCompleted(PAYMENTS, 'payments-rs')
    const job = await created(PAYMENTS, 'payments-rs', {
      deliveryType: 'automated',
      snapshotId: snapshot.id,
      ...toStaging,
    })
    // Created: nothing says finished (R10), no status field.
    expect(job).toMatchObject({
      deliveryType: 'automated',
      snapshotId: snapshot.id,
      ...toStaging,
      cancelled: false,
      failed: false,
      expired: false,
      timestamp: new Date(snapshot.createdAt)
        .toISOString()
        .replace('.000Z', 'Z'),
    })
    expect(job).not.toHaveProperty('status')
    expect(job).not.toHaveProperty('finishedAt')
    expect(restoreJobState(job)).toBe('inProgress')

    await kit.advance({ seconds: 10 })
    const running = await kit.job(PAYMENTS, 'payments-rs', job.id)
    expect(restoreJobState(running)).toBe('inProgress')

    await kit.advance({ minutes: 30 })
    const done = await kit.job(PAYMENTS, 'payments-rs', job.id)
    expect(restoreJobState(done)).toBe('completed')
    const finishedAt = Date.parse(done.finishedAt ?? '')
    const createdAt = parseInt(job.id.slice(0, 8), 16) * 1000
    // Scaled: a demo restore takes well under a minute.
    expect(finishedAt - createdAt).toBeGreaterThanOrEqual(15_000)
    expect(finishedAt - createdAt).toBeLessThanOrEqual(55_000)

    // DATA LINEAGE: staging's data since the finish is payments-rs as of the snapshot.
    const [now, from] = await kit.lineage(PAYMENTS, 'payments-staging')
    expect(now).toMatchObject({
      clusterName: 'payments-staging',
      from: new Date(finishedAt).toISOString(),
    })
    expect(from).toMatchObject({
      groupId: PAYMENTS,
      clusterName: 'payments-rs',
      to: new Date(snapshot.createdAt).toISOString(),
    })

    // R10: Atlas then takes a snapshot of the target, kept as long as its restore window (2 d).
    const after = (await kit.snapshots(PAYMENTS, 'payments-staging')).find(
      (s) => Date.parse(s.createdAt ?? '') === finishedAt,
    )
    // Taken by Atlas on its own, from no policy item: scheduled, without a frequency.
    expect(after).toMatchObject({
      snapshotType: 'scheduled',
      status: 'completed',
      policyItems: [],
    })
    expect(after?.frequencyType).toBeUndefined()
    expect(Date.parse(after?.expiresAt ?? '') - finishedAt).toBe(2 * DAY_MS)
  })
})

describe('pointInTime restore', () => {
  it('brings back the chosen instant (pointInTimeUTCSeconds)', async () => {
    const now = await kit.now()
    const instant = Math.floor(now / 1000) - 3 * 3600 - 17
    const job = await created(PAYMENTS, 'payments-rs', {
      deliveryType: 'pointInTime',
      ...toStaging,
      pointInTimeUTCSeconds: instant,
    })
    expect(job).toMatchObject({
      pointInTimeUTCSeconds: instant,
      desiredTimestamp: {
        date: new Date(instant * 1000).toISOString().replace('.000Z', 'Z'),
      },
    })
    expect(job).not.toHaveProperty('oplogTs')
    await kit.advance({ minutes: 30 })
    const done = await kit.job(PAYMENTS, 'payments-rs', job.id)
    expect(restoreJobState(done)).toBe('completed')
    const [, from] = await kit.lineage(PAYMENTS, 'payments-staging')
    expect(from).toMatchObject({
      clusterName: 'payments-rs',
      to: new Date(instant * 1000).toISOString(),
    })
    // The base snapshot is the last completed one before the instant.
    expect(Date.parse(done.timestamp ?? '')).toBeLessThanOrEqual(instant * 1000)
  })

  it('brings back the chosen oplog entry (oplogTs + oplogInc)', async () => {
    const now = await kit.now()
    const ts = Math.floor(now / 1000) - 26 * 3600
    const job = await created(PAYMENTS, 'payments-rs', {
      deliveryType: 'pointInTime',
      ...toStaging,
      oplogTs: ts,
      oplogInc: 7,
    })
    expect(job).toMatchObject({ oplogTs: ts, oplogInc: 7 })
    expect(job).not.toHaveProperty('pointInTimeUTCSeconds')
    await kit.advance({ minutes: 30 })
    const [own, from] = await kit.lineage(PAYMENTS, 'payments-staging')
    expect(own?.from).toBe(
      (await kit.job(PAYMENTS, 'payments-rs', job.id)).finishedAt?.replace(
        'Z',
        '.000Z',
      ),
    )
    expect(from).toMatchObject({
      clusterName: 'payments-rs',
      to: new Date(ts * 1000).toISOString(),
    })
  })
})

describe('download', () => {
  it('prepares a link to a .tar.gz, which stops working when it expires', async () => {
    const snapshot = await kit.latestCompleted(PAYMENTS, 'payments-rs')
    const job = await created(PAYMENTS, 'payments-rs', {
      deliveryType: 'download',
      snapshotId: snapshot.id,
    })
    expect(job).not.toHaveProperty('deliveryUrl')
    expect(job).not.toHaveProperty('targetClusterName')
    expect(restoreJobState(job)).toBe('inProgress')

    await kit.advance({ minutes: 30 })
    const ready = await kit.job(PAYMENTS, 'payments-rs', job.id)
    expect(restoreJobState(ready)).toBe('downloadReady')
    expect(ready.deliveryUrl).toHaveLength(1)
    expect(ready).not.toHaveProperty('components')
    const url = ready.deliveryUrl?.[0] ?? ''
    expect(url.startsWith(`${sb.url}/sandbox-downloads/`)).toBe(true)
    const file = await fetchUrl(url)
    expect(file.status).toBe(200)
    expect(file.headers['content-type']).toBe('application/gzip')
    const tar = gunzipSync(file.body)
    expect(tar.length % 512).toBe(0)
    expect(tar.subarray(0, 15).toString()).toBe('restoreInfo.txt')
    expect(tar.toString('utf8')).toContain(`snapshotId: ${snapshot.id}`)
    expect(
      (
        await fetchUrl(
          url.replace(/\/[0-9a-f]{24}\//, '/0123456789abcdef01234567/'),
        )
      ).status,
    ).toBe(404)

    // Four hours after the request the link expires.
    await kit.advance({ hours: 4 })
    const expired = await kit.job(PAYMENTS, 'payments-rs', job.id)
    expect(expired.expired).toBe(true)
    expect(restoreJobState(expired)).toBe('expired')
    expect((await fetchUrl(url)).status).toBe(410)
  })

  it('gives a sharded download one link per replica set', async () => {
    const snapshots = await kit.snapshots(ANALYTICS, 'warehouse-sharded')
    const snapshot = snapshots.find((s) => s.status === 'completed')
    const job = await created(ANALYTICS, 'warehouse-sharded', {
      deliveryType: 'download',
      snapshotId: snapshot?.id,
    })
    await kit.advance({ minutes: 30 })
    const ready = await kit.job(ANALYTICS, 'warehouse-sharded', job.id)
    const names = ready.components?.map((c) => c.replicaSetName)
    expect(names).toEqual([
      'warehouse-sharded-shard-0',
      'warehouse-sharded-shard-1',
      'warehouse-sharded-config-0',
    ])
    expect(ready.deliveryUrl).toEqual(
      ready.components?.map((c) => c.downloadUrl),
    )
    for (const url of ready.deliveryUrl ?? [])
      expect((await fetchUrl(url)).status).toBe(200)
  })
})

describe('seeded past jobs', () => {
  it('holds every end state, consistent with lineage and snapshots', async () => {
    expect((await sb.control('POST', '/reset')).status).toBe(200)
    const clusters: [string, string][] = [
      [PAYMENTS, 'payments-rs'],
      [PAYMENTS, 'payments-sharded'],
      [ANALYTICS, 'warehouse-sharded'],
      [ANALYTICS, 'events-nvme'],
    ]
    const jobs: RestoreJob[] = []
    for (const [group, cluster] of clusters) {
      const res = await kit.call('GET', jobsPath(group, cluster))
      jobs.push(...(res.body as { results: RestoreJob[] }).results)
    }
    const states = jobs
      .map((j) => `${j.deliveryType}:${restoreJobState(j)}`)
      .sort()
    expect(states).toEqual([
      'automated:cancelled',
      'automated:completed',
      'automated:failed',
      'download:downloadReady',
      'download:expired',
      'pointInTime:completed',
    ])

    // The completed automated restore made payments-staging a copy of payments-rs, and Atlas
    // took a snapshot of staging when it finished.
    const automated = jobs.find(
      (j) =>
        j.deliveryType === 'automated' && restoreJobState(j) === 'completed',
    )
    const [own, from] = await kit.lineage(PAYMENTS, 'payments-staging')
    expect(own?.from).toBe(automated?.finishedAt?.replace('Z', '.000Z'))
    expect(from).toMatchObject({
      clusterName: 'payments-rs',
      to: automated?.timestamp?.replace('Z', '.000Z'),
    })
    const staging = await kit.snapshots(PAYMENTS, 'payments-staging')
    expect(staging.some((s) => s.createdAt === automated?.finishedAt)).toBe(
      true,
    )
    // Its snapshot is still there.
    const rsSnapshots = await kit.snapshots(PAYMENTS, 'payments-rs')
    expect(rsSnapshots.some((s) => s.id === automated?.snapshotId)).toBe(true)

    // The point-in-time rollback of the warehouse: its own data as of the chosen instant.
    const pit = jobs.find((j) => j.deliveryType === 'pointInTime')
    const [, earlier] = await kit.lineage(ANALYTICS, 'warehouse-sharded')
    expect(earlier).toMatchObject({
      clusterName: 'warehouse-sharded',
      to: new Date((pit?.pointInTimeUTCSeconds ?? 0) * 1000).toISOString(),
    })

    // The ready download's links work; the failed restore left its target alone.
    const ready = jobs.find((j) => restoreJobState(j) === 'downloadReady')
    expect(ready?.components).toHaveLength(4)
    const path = new URL(ready?.deliveryUrl?.[0] ?? '').pathname
    expect((await fetchUrl(`${sb.url}${path}`)).status).toBe(200)
    const failing = await kit.lineage(
      '6650a1b2c3d4e5f600000003',
      'failing-restore-target',
    )
    expect(failing).toHaveLength(1)
  })
})

describe('restarts', () => {
  it('continues a job in progress after the sandbox restarts over the same DATA_DIR', async () => {
    const first = await startTestSandbox({ SANDBOX_RATE_CAPACITY: '100000' })
    const firstKit = restoreKit(() => first)
    await firstKit.advance({ days: 1 })
    const snapshot = await firstKit.latestCompleted(PAYMENTS, 'payments-rs')
    const res = await firstKit.create(PAYMENTS, 'payments-rs', {
      deliveryType: 'automated',
      snapshotId: snapshot.id,
      ...toStaging,
    })
    const job = res.body as RestoreJob & { id: string }
    await firstKit.advance({ seconds: 5 })
    await first.sandbox.close()

    const second = await startTestSandbox({
      DATA_DIR: first.dataDir,
      SANDBOX_RATE_CAPACITY: '100000',
    })
    try {
      const secondKit = restoreKit(() => second)
      const again = await secondKit.job(PAYMENTS, 'payments-rs', job.id)
      expect(restoreJobState(again)).toBe('inProgress')
      // The clock kept its offset: the job still finishes where it would have.
      expect((await secondKit.now()) - Date.now()).toBeGreaterThan(
        DAY_MS - 60_000,
      )
      await secondKit.advance({ minutes: 30 })
      const done = await secondKit.job(PAYMENTS, 'payments-rs', job.id)
      expect(restoreJobState(done)).toBe('completed')
      const [, from] = await secondKit.lineage(PAYMENTS, 'payments-staging')
      expect(from).toMatchObject({
        clusterName: 'payments-rs',
        to: new Date(snapshot.createdAt).toISOString(),
      })
    } finally {
      await second.close()
    }
  })
})
