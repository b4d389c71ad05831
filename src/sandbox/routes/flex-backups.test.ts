import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type {
  FlexRestoreJob,
  FlexSnapshot,
} from '../../contract/atlas/flex-backup'
import {
  type AtlasResponse,
  startTestSandbox,
  type TestSandbox,
} from '../../testing/sandbox-harness'
import {
  ANALYTICS,
  DEV_TOOLS,
  MISSING_ID,
  PAYMENTS,
  conforms,
  expectError,
} from '../atlas-test-kit'

// Flex backups (ops 27–32, R6) over real HTTP; every response is checked against the official
// spec when it is present.

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

type Snapshot = FlexSnapshot & { id: string }
type Job = FlexRestoreJob & { id: string }
type Page<T> = { results: T[]; totalCount: number }

let sb: TestSandbox

beforeAll(async () => {
  sb = await startTestSandbox({ SANDBOX_RATE_CAPACITY: '100000' })
})
afterAll(async () => {
  await sb.close()
})

const backup = (group: string, cluster: string, rest: string) =>
  `/groups/${group}/flexClusters/${cluster}/backup${rest}`

async function call(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<AtlasResponse> {
  return conforms(await sb.atlas({ method, path, version: '2024-11-13', body }))
}

async function snapshots(group: string, cluster: string) {
  const res = await call('GET', backup(group, cluster, '/snapshots'))
  expect(res.status).toBe(200)
  return res.body as Page<Snapshot>
}

async function latestSnapshot(group: string, cluster: string) {
  const found = (await snapshots(group, cluster)).results.find(
    (s) => s.status === 'COMPLETED',
  )
  if (!found) throw new Error(`no completed snapshot of ${cluster}`)
  return found
}

const advance = (body: Record<string, number>) =>
  sb.control('POST', '/clock/advance', body)

async function reset() {
  expect((await sb.control('POST', '/reset')).status).toBe(200)
}

async function getJob(group: string, cluster: string, id: string) {
  const res = await call('GET', backup(group, cluster, `/restoreJobs/${id}`))
  expect(res.status).toBe(200)
  return res.body as Job
}

describe('snapshots (27, 28)', () => {
  beforeAll(reset)

  it('lists the last 8 daily snapshots, newest first, and gets each', async () => {
    const page = await snapshots(ANALYTICS, 'reports-flex')
    expect(page.totalCount).toBe(8)
    const times = page.results.map((s) => Date.parse(s.scheduledTime ?? ''))
    times.slice(1).forEach((t, i) => expect((times[i] ?? 0) - t).toBe(DAY_MS))
    for (const s of page.results) {
      expect(['PENDING', 'QUEUED', 'RUNNING', 'COMPLETED']).toContain(s.status)
      expect(s.mongoDBVersion).toBe('8.0.4')
    }
    const one = page.results[1] as Snapshot
    const res = await call(
      'GET',
      backup(ANALYTICS, 'reports-flex', `/snapshots/${one.id}`),
    )
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      id: one.id,
      status: 'COMPLETED',
      scheduledTime: one.scheduledTime,
    })
    expect((res.body as Snapshot).finishTime).toBeDefined()
  })

  it('answers 404 for an unknown snapshot, cluster or project', async () => {
    expectError(
      await call(
        'GET',
        backup(ANALYTICS, 'reports-flex', `/snapshots/${MISSING_ID}`),
      ),
      404,
      'RESOURCE_NOT_FOUND',
    )
    expectError(
      await call('GET', backup(ANALYTICS, 'no-such-flex', '/snapshots')),
      404,
      'CLUSTER_NOT_FOUND',
    )
    expectError(
      await call('GET', backup(MISSING_ID, 'reports-flex', '/snapshots')),
      404,
      'RESOURCE_NOT_FOUND',
    )
  })

  it('refuses a malformed snapshot id and a dedicated cluster on the flex path', async () => {
    expectError(
      await call('GET', backup(ANALYTICS, 'reports-flex', '/snapshots/xyz')),
      400,
      'VALIDATION_ERROR',
      'snapshotId',
    )
    expectError(
      await call('GET', backup(ANALYTICS, 'events-nvme', '/snapshots')),
      400,
      'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API',
    )
    expectError(
      await call('GET', backup(ANALYTICS, 'events-nvme', '/restoreJobs')),
      400,
      'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API',
    )
  })

  it('keeps exactly the last 8 after ten days, one a day at the same time', async () => {
    const before = await snapshots(ANALYTICS, 'reports-flex')
    await advance({ days: 10 })
    const after = await snapshots(ANALYTICS, 'reports-flex')
    expect(after.totalCount).toBe(8)
    const oldIds = new Set(before.results.map((s) => s.id))
    expect(after.results.some((s) => oldIds.has(s.id))).toBe(false)
    const newest = Date.parse(after.results[0]?.scheduledTime ?? '')
    const oldBest = Date.parse(before.results[0]?.scheduledTime ?? '')
    expect(newest - oldBest).toBe(10 * DAY_MS)
    const now = Date.parse(
      ((await sb.control('GET', '/clock')).body as { now: string }).now,
    )
    expect(now - newest).toBeLessThan(DAY_MS)
    expect(after.results.every((s) => s.status === 'COMPLETED')).toBe(
      now - newest > 60_000,
    )
  })
})

describe('download (29) and the download link', () => {
  beforeAll(reset)

  it('returns a DOWNLOAD job whose link works four hours, then answers 410', async () => {
    const snap = await latestSnapshot(DEV_TOOLS, 'scratch-flex')
    const res = await call(
      'POST',
      backup(DEV_TOOLS, 'scratch-flex', '/download'),
      {
        snapshotId: snap.id,
      },
    )
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const job = res.body as Job
    expect(job).toMatchObject({
      deliveryType: 'DOWNLOAD',
      status: 'COMPLETED',
      snapshotId: snap.id,
      instanceName: 'scratch-flex',
      projectId: DEV_TOOLS,
    })
    const requested = Date.parse(job.restoreScheduledDate ?? '')
    expect(Date.parse(job.expirationDate ?? '') - requested).toBe(4 * HOUR_MS)
    const url = new URL(job.snapshotUrl ?? '')
    expect(url.pathname).toMatch(/^\/sandbox-downloads\/flex\//)

    const fresh = await request(url)
    expect(fresh.statusCode).toBe(200)
    expect(fresh.headers['content-type']).toContain('application/gzip')
    expect((await fresh.body.arrayBuffer()).byteLength).toBeGreaterThan(20)

    // R3: one download per snapshot while its link lives.
    expectError(
      await call('POST', backup(DEV_TOOLS, 'scratch-flex', '/download'), {
        snapshotId: snap.id,
      }),
      409,
      'SNAPSHOT_DOWNLOAD_IN_PROGRESS',
      'snapshotId',
    )

    await advance({ hours: 3, minutes: 59 })
    const late = await request(url)
    expect(late.statusCode).toBe(200)
    await late.body.dump()
    await advance({ minutes: 2 })
    const gone = await request(url)
    expect(gone.statusCode).toBe(410)
    await gone.body.dump()

    // The expired link frees the snapshot for a new download.
    const again = await call(
      'POST',
      backup(DEV_TOOLS, 'scratch-flex', '/download'),
      { snapshotId: snap.id },
    )
    expect(again.status).toBe(200)
  })

  it('serves the seeded download as expired, and 404 for a wrong token', async () => {
    const jobs = (
      await call('GET', backup(ANALYTICS, 'reports-flex', '/restoreJobs'))
    ).body as Page<Job>
    const seeded = jobs.results.find((j) => j.deliveryType === 'DOWNLOAD')
    const url = seeded?.snapshotUrl ?? ''
    const gone = await request(url)
    expect(gone.statusCode).toBe(410)
    await gone.body.dump()
    const wrong = await request(
      url.replace(/\/[0-9a-f]{32}\//, `/${'0'.repeat(32)}/`),
    )
    expect(wrong.statusCode).toBe(404)
    await wrong.body.dump()
  })

  it('refuses a missing or malformed snapshotId and an unknown snapshot', async () => {
    const path = backup(DEV_TOOLS, 'scratch-flex', '/download')
    expectError(
      await call('POST', path, {}),
      400,
      'VALIDATION_ERROR',
      'snapshotId',
    )
    expectError(
      await call('POST', path, { snapshotId: 'nope' }),
      400,
      'VALIDATION_ERROR',
      'snapshotId',
    )
    expectError(
      await call('POST', path, { snapshotId: MISSING_ID }),
      404,
      'RESOURCE_NOT_FOUND',
      'snapshotId',
    )
  })
})

describe('restore jobs (30, 31, 32)', () => {
  beforeAll(reset)

  it('lists the seeded jobs in their end states and gets one', async () => {
    const reports = (
      await call('GET', backup(ANALYTICS, 'reports-flex', '/restoreJobs'))
    ).body as Page<Job>
    expect(reports.results.map((j) => [j.deliveryType, j.status])).toEqual([
      ['DOWNLOAD', 'COMPLETED'],
      ['RESTORE', 'COMPLETED'],
    ])
    const scratch = (
      await call('GET', backup(DEV_TOOLS, 'scratch-flex', '/restoreJobs'))
    ).body as Page<Job>
    expect(scratch.results[0]).toMatchObject({
      deliveryType: 'RESTORE',
      status: 'FAILED',
    })
    const first = reports.results[1] as Job
    expect(await getJob(ANALYTICS, 'reports-flex', first.id)).toMatchObject({
      id: first.id,
      targetDeploymentItemName: 'scratch-flex',
      targetProjectId: DEV_TOOLS,
    })
    expectError(
      await call(
        'GET',
        backup(ANALYTICS, 'reports-flex', `/restoreJobs/${MISSING_ID}`),
      ),
      404,
      'RESOURCE_NOT_FOUND',
    )
  })

  it('takes a restore through PENDING, QUEUED, RUNNING to COMPLETED and moves the data', async () => {
    const snap = await latestSnapshot(ANALYTICS, 'reports-flex')
    const res = await call(
      'POST',
      backup(ANALYTICS, 'reports-flex', '/restoreJobs'),
      { snapshotId: snap.id, targetDeploymentItemName: 'events-nvme' },
    )
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const job = res.body as Job
    expect(job).toMatchObject({
      deliveryType: 'RESTORE',
      status: 'PENDING',
      snapshotId: snap.id,
      targetDeploymentItemName: 'events-nvme',
      targetProjectId: ANALYTICS,
    })
    expect(job.restoreScheduledDate).toBeDefined()
    expect(job.restoreFinishedDate).toBeUndefined()

    // The target is unavailable during a restore: a second one is refused.
    expectError(
      await call('POST', backup(DEV_TOOLS, 'scratch-flex', '/restoreJobs'), {
        snapshotId: (await latestSnapshot(DEV_TOOLS, 'scratch-flex')).id,
        targetDeploymentItemName: 'events-nvme',
        targetProjectId: ANALYTICS,
      }),
      409,
      'TARGET_RESTORE_ALREADY_IN_PROGRESS',
      'targetDeploymentItemName',
    )

    await advance({ seconds: 7 })
    expect((await getJob(ANALYTICS, 'reports-flex', job.id)).status).toBe(
      'QUEUED',
    )
    await advance({ seconds: 5 })
    expect((await getJob(ANALYTICS, 'reports-flex', job.id)).status).toBe(
      'RUNNING',
    )
    await advance({ seconds: 30 })
    const done = await getJob(ANALYTICS, 'reports-flex', job.id)
    expect(done.status).toBe('COMPLETED')
    expect(done.restoreFinishedDate).toBeDefined()

    const lineage = await sb.control('GET', `/lineage/${ANALYTICS}/events-nvme`)
    const { segments } = lineage.body as {
      segments: {
        groupId: string
        clusterName: string
        from: string
        to: string
      }[]
    }
    expect(segments[0]?.clusterName).toBe('events-nvme')
    // Since the restore finished (the job shows it to the second).
    const since = Date.parse(segments[0]?.from ?? '')
    expect(Math.floor(since / 1000) * 1000).toBe(
      Date.parse(done.restoreFinishedDate ?? ''),
    )
    expect(segments[1]).toMatchObject({
      groupId: ANALYTICS,
      clusterName: 'reports-flex',
    })
    expect(Date.parse(segments[1]?.to ?? '')).toBe(
      Date.parse(snap.scheduledTime ?? ''),
    )
    // R10: Atlas snapshots the target once the restore completes.
    const target = await sb.atlas({
      path: `/groups/${ANALYTICS}/clusters/events-nvme/backup/snapshots`,
    })
    const taken = (target.body as Page<{ createdAt: string }>).results
    expect(taken.map((t) => t.createdAt)).toContain(done.restoreFinishedDate)
  })

  it('fails the restore after a failNextRestore fault and leaves the target as it was', async () => {
    const fault = await sb.control('POST', '/faults', {
      kind: 'failNextRestore',
      path: 'flexClusters/scratch-flex/backup/restoreJobs$',
      times: 1,
    })
    expect(fault.status).toBe(200)
    const before = await sb.control('GET', `/lineage/${ANALYTICS}/reports-flex`)
    const snap = await latestSnapshot(DEV_TOOLS, 'scratch-flex')
    const res = await call(
      'POST',
      backup(DEV_TOOLS, 'scratch-flex', '/restoreJobs'),
      {
        snapshotId: snap.id,
        targetDeploymentItemName: 'reports-flex',
        targetProjectId: ANALYTICS,
      },
    )
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    await advance({ seconds: 45 })
    const job = await getJob(DEV_TOOLS, 'scratch-flex', (res.body as Job).id)
    expect(job.status).toBe('FAILED')
    expect(job.restoreFinishedDate).toBeUndefined()
    // The data is still the cluster's own stream of writes, from the same instant.
    type Lineage = { segments: { clusterName: string; from: string }[] }
    const after = await sb.control('GET', `/lineage/${ANALYTICS}/reports-flex`)
    const sinceOf = (body: unknown) =>
      (body as Lineage).segments.map((seg) => [seg.clusterName, seg.from])
    expect(sinceOf(after.body)).toEqual(sinceOf(before.body))
    expect(sinceOf(after.body)).toHaveLength(1)
  })
})

describe('restore refusals (31, R6)', () => {
  beforeAll(reset)
  let snapshotId = ''
  const create = (body: Record<string, unknown>) =>
    call('POST', backup(ANALYTICS, 'reports-flex', '/restoreJobs'), {
      snapshotId,
      ...body,
    })

  beforeAll(async () => {
    snapshotId = (await latestSnapshot(ANALYTICS, 'reports-flex')).id
  })

  it('refuses a sharded target', async () => {
    expectError(
      await create({ targetDeploymentItemName: 'warehouse-sharded' }),
      400,
      'INCOMPATIBLE_RESTORE_TARGET',
      'targetDeploymentItemName',
    )
  })

  it('refuses a target with encryption at rest', async () => {
    const res = await create({
      targetDeploymentItemName: 'ledger-archive',
      targetProjectId: PAYMENTS,
    })
    expectError(
      res,
      400,
      'INCOMPATIBLE_RESTORE_TARGET',
      'targetDeploymentItemName',
    )
    expect((res.body as { detail: string }).detail).toMatch(
      /encryption at rest/,
    )
  })

  it('refuses a target on another major version, and a serverless instance', async () => {
    const other = await create({ targetDeploymentItemName: 'legacy-reporting' })
    expectError(
      other,
      400,
      'INCOMPATIBLE_RESTORE_TARGET',
      'targetDeploymentItemName',
    )
    expect((other.body as { detail: string }).detail).toMatch(/8\.0.*5\.0/)
    expectError(
      await create({
        targetDeploymentItemName: 'dev-serverless',
        targetProjectId: DEV_TOOLS,
      }),
      400,
      'INCOMPATIBLE_RESTORE_TARGET',
      'targetDeploymentItemName',
    )
  })

  it('accepts a 64-character target name and refuses 65, and names missing fields', async () => {
    // 64 characters pass the pattern and then find no such cluster; 65 do not pass it.
    expectError(
      await create({ targetDeploymentItemName: 'a'.repeat(64) }),
      404,
      'CLUSTER_NOT_FOUND',
    )
    expectError(
      await create({ targetDeploymentItemName: 'a'.repeat(65) }),
      400,
      'VALIDATION_ERROR',
      'targetDeploymentItemName',
    )
    expectError(
      await create({}),
      400,
      'VALIDATION_ERROR',
      'targetDeploymentItemName',
    )
    expectError(
      await call('POST', backup(ANALYTICS, 'reports-flex', '/restoreJobs'), {
        targetDeploymentItemName: 'events-nvme',
      }),
      400,
      'VALIDATION_ERROR',
      'snapshotId',
    )
    expectError(
      await create({
        targetDeploymentItemName: 'events-nvme',
        targetProjectId: 'not-an-id',
      }),
      400,
      'VALIDATION_ERROR',
      'targetProjectId',
    )
  })

  it('answers 404 for an unknown snapshot, target project or target', async () => {
    expectError(
      await call('POST', backup(ANALYTICS, 'reports-flex', '/restoreJobs'), {
        snapshotId: MISSING_ID,
        targetDeploymentItemName: 'events-nvme',
      }),
      404,
      'RESOURCE_NOT_FOUND',
      'snapshotId',
    )
    expectError(
      await create({
        targetDeploymentItemName: 'events-nvme',
        targetProjectId: MISSING_ID,
      }),
      404,
      'RESOURCE_NOT_FOUND',
    )
    expectError(
      await create({ targetDeploymentItemName: 'no-such-cluster' }),
      404,
      'CLUSTER_NOT_FOUND',
    )
  })

  it('refuses the flex API for a dedicated source cluster', async () => {
    expectError(
      await call('POST', backup(ANALYTICS, 'events-nvme', '/restoreJobs'), {
        snapshotId,
        targetDeploymentItemName: 'events-nvme',
      }),
      400,
      'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API',
    )
  })

  it('refuses a flex restore into a cluster a dedicated restore is writing to', async () => {
    const dedicated = await sb.atlas({
      path: `/groups/${ANALYTICS}/clusters/events-nvme/backup/snapshots`,
    })
    const source = (
      dedicated.body as Page<{ id: string; status: string }>
    ).results.find((s) => s.status === 'completed')
    const started = await sb.atlas({
      method: 'POST',
      path: `/groups/${ANALYTICS}/clusters/events-nvme/backup/restoreJobs`,
      body: {
        deliveryType: 'automated',
        snapshotId: source?.id,
        targetGroupId: ANALYTICS,
        targetClusterName: 'events-nvme',
      },
    })
    expect(started.status, JSON.stringify(started.body)).toBe(200)
    expectError(
      await create({ targetDeploymentItemName: 'events-nvme' }),
      409,
      'TARGET_RESTORE_ALREADY_IN_PROGRESS',
    )
  })
})
