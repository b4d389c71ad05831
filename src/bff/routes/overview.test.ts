import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import {
  CONTINUOUS_BACKUP_RPO_SECONDS,
  type Overview,
  type OverviewRow,
  overviewSchema,
} from '../../contract/bff/overview'
import {
  startTestBff,
  type TestBff,
  type TestBrowser,
} from '../../testing/bff-harness'

let t: TestBff
let viewer: TestBrowser

const PAYMENTS = '6650a1b2c3d4e5f600000001'
const ANALYTICS = '6650a1b2c3d4e5f600000002'

beforeAll(async () => {
  t = await startTestBff()
  viewer = await t.browser('viewer')
})
afterAll(async () => {
  await t.close()
})
afterEach(async () => {
  await t.sandbox.control('DELETE', '/faults')
})

// As the SPA's first load and its Refresh ask: a fresh composition, never a kept one.
const FRESH = { 'cache-control': 'no-cache' }

async function overview(): Promise<Overview> {
  const res = await viewer.call('GET', '/api/overview', undefined, FRESH)
  expect(res.status, res.text).toBe(200)
  return overviewSchema.parse(res.body)
}

function row(o: Overview, name: string): OverviewRow {
  const found = o.rows.find((r) => r.name === name)
  if (!found) throw new Error(`no row for ${name}`)
  return found
}

describe('GET /api/overview', () => {
  it('has one row per seeded deployment, with its backup health', async () => {
    const o = await overview()
    expect(o.rows.map((r) => r.name).sort()).toEqual(
      [
        'dev-serverless',
        'events-nvme',
        'failing-restore-target',
        'ledger-archive',
        'legacy-reporting',
        'payments-rs',
        'payments-sharded',
        'payments-staging',
        'reports-flex',
        'scratch-flex',
        'warehouse-sharded',
      ].sort(),
    )
    expect(o.projectErrors).toEqual([])

    expect(row(o, 'legacy-reporting')).toMatchObject({
      kind: 'dedicated',
      backupEnabled: false,
      problems: ['backup-off'],
      latestSnapshot: null,
      rpoSeconds: null,
    })
    const rs = row(o, 'payments-rs')
    expect(rs).toMatchObject({
      groupId: PAYMENTS,
      projectName: 'payments-prod',
      kind: 'dedicated',
      clusterType: 'REPLICASET',
      tier: 'M30',
      mongoDBVersion: '7.0.14',
      pitEnabled: true,
      restoreWindowDays: 7,
      rpoSeconds: CONTINUOUS_BACKUP_RPO_SECONDS,
      rpoBasis: 'continuous',
      activeRestores: 0,
      problems: [],
      error: null,
    })
    expect(rs.nextSnapshot).not.toBeNull()

    const sharded = row(o, 'payments-sharded')
    expect(sharded).toMatchObject({ clusterType: 'SHARDED', tier: 'M40' })
    expect(sharded.latestSnapshot?.status).toBe('completed')
    expect(sharded.latestSnapshot?.id).toMatch(/^[a-f0-9]{24}$/)

    const staging = row(o, 'payments-staging')
    expect(staging).toMatchObject({
      pitEnabled: false,
      restoreWindowDays: null,
      rpoBasis: 'snapshot',
    })
    // Not continuous: the RPO is the age of the latest completed snapshot, by Atlas's clock.
    const age =
      (Date.parse(o.fetchedAt) -
        Date.parse(staging.lastCompletedSnapshotAt ?? '')) /
      1000
    expect(Math.abs((staging.rpoSeconds ?? 0) - age)).toBeLessThan(5)

    expect(row(o, 'reports-flex')).toMatchObject({
      kind: 'flex',
      tier: 'FLEX',
      backupEnabled: true,
      nextSnapshot: null,
    })
    expect(row(o, 'reports-flex').lastCompletedSnapshotAt).not.toBeNull()
    expect(row(o, 'dev-serverless')).toMatchObject({
      kind: 'serverless',
      tier: 'SERVERLESS',
      projectName: 'dev-tools',
    })
    expect(row(o, 'events-nvme').tier).toBe('M40_NVME')

    expect(o.summary).toMatchObject({
      clusters: 11,
      backupOff: 1,
      unreachable: 0,
    })
    expect(o.summary.stale).toBe(
      o.rows.filter((r) => r.problems.includes('stale')).length,
    )
  })

  it('counts a restore job in progress on its cluster (R10)', async () => {
    const base = `/groups/${PAYMENTS}/clusters/payments-staging/backup`
    const snapshots = await t.sandbox.atlas({
      path: `${base}/snapshots?itemsPerPage=1`,
    })
    const snapshotId = (snapshots.body as { results: { id: string }[] })
      .results[0]?.id
    const created = await t.sandbox.atlas({
      method: 'POST',
      path: `${base}/restoreJobs`,
      body: { deliveryType: 'download', snapshotId },
    })
    expect(created.status).toBe(200)
    const o = await overview()
    expect(row(o, 'payments-staging').activeRestores).toBe(1)
    expect(o.summary.activeRestores).toBeGreaterThanOrEqual(1)
  })

  it('keeps a row whose upstream reads fail, marked unreachable', async () => {
    await t.sandbox.control('POST', '/faults', {
      path: `/clusters/payments-staging/backup/snapshots$`,
      kind: 'status',
      status: 500,
    })
    const o = await overview()
    const staging = row(o, 'payments-staging')
    expect(staging.problems).toContain('unreachable')
    expect(staging.error).toContain('Injected fault')
    // What could be read stays: the list's facts and the schedule.
    expect(staging).toMatchObject({ tier: 'M10', backupEnabled: true })
    expect(staging.nextSnapshot).not.toBeNull()
    expect(staging.latestSnapshot).toBeNull()
    expect(row(o, 'payments-rs').problems).toEqual([])
    expect(o.summary.unreachable).toBe(1)
  })

  it('reports a project whose deployments cannot be listed, and shows the rest', async () => {
    await t.sandbox.control('POST', '/faults', {
      path: `/groups/${ANALYTICS}/clusters$`,
      kind: 'status',
      status: 500,
    })
    const o = await overview()
    expect(o.projectErrors).toEqual([
      expect.objectContaining({ groupId: ANALYTICS, projectName: 'analytics' }),
    ])
    expect(o.rows.map((r) => r.name)).not.toContain('events-nvme')
    // The project's Flex clusters come from another list, which still answered.
    expect(row(o, 'reports-flex').kind).toBe('flex')
    expect(row(o, 'payments-rs').problems).toEqual([])
  })

  it('passes a 503 or a 429 on the project list on to the SPA', async () => {
    await t.sandbox.control('POST', '/faults', {
      path: '/api/atlas/v2/groups$',
      kind: 'status',
      status: 503,
    })
    const unavailable = await viewer.call(
      'GET',
      '/api/overview',
      undefined,
      FRESH,
    )
    expect(unavailable.status).toBe(503)
    expect(unavailable.body).toMatchObject({
      error: 503,
      errorCode: 'SERVICE_UNAVAILABLE',
    })
    await t.sandbox.control('DELETE', '/faults')

    await t.sandbox.control('POST', '/faults', {
      path: '/api/atlas/v2/groups$',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 120,
    })
    const limited = await viewer.call('GET', '/api/overview', undefined, FRESH)
    expect(limited.status).toBe(429)
    expect(limited.body).toMatchObject({
      errorCode: 'RATE_LIMITED_TOKEN_BUCKET',
    })
    expect(limited.headers['retry-after']).toBe('120')
  })

  it('needs a session', async () => {
    const anonymous = await t.browser()
    expect((await anonymous.call('GET', '/api/overview')).status).toBe(401)
  })
})

/** Calls to Atlas so far, from the BFF's own metrics. */
async function upstreamGets(): Promise<number> {
  const res = await fetch(`${t.url}/metrics`)
  const text = await res.text()
  return [
    ...text.matchAll(/bff_upstream_calls_total\{method="GET"[^}]*\} (\d+)/g),
  ]
    .map((m) => Number(m[1]))
    .reduce((a, b) => a + b, 0)
}

describe('GET /api/overview: kept for a few seconds', () => {
  it('answers polls from a composition of the last seconds, and composes anew when asked', async () => {
    const first = await overview()
    const before = await upstreamGets()
    const polled = await viewer.call('GET', '/api/overview')
    expect(polled.status).toBe(200)
    expect(overviewSchema.parse(polled.body).fetchedAt).toBe(first.fetchedAt)
    expect(await upstreamGets()).toBe(before)

    // A Refresh (no-cache) goes to Atlas; and its answer is kept in turn.
    await overview()
    const afterRefresh = await upstreamGets()
    expect(afterRefresh).toBeGreaterThan(before)
    await viewer.call('GET', '/api/overview')
    expect(await upstreamGets()).toBe(afterRefresh)
  })

  it('composes anew after the BFF sent Atlas a write', async () => {
    const operator = await t.browser('operator')
    await overview()
    const base = `/api/atlas/v2/groups/${PAYMENTS}/clusters/payments-staging/backup`
    // The second newest: an earlier test has a download of the newest.
    const list = await operator.call('GET', `${base}/snapshots?itemsPerPage=2`)
    const snapshotId = (list.body as { results: { id: string }[] }).results[1]
      ?.id
    const created = await operator.call(
      'POST',
      `${base}/restoreJobs`,
      { deliveryType: 'download', snapshotId },
      { 'idempotency-key': 'overview-after-write-1' },
    )
    expect(created.status, created.text).toBe(200)
    const before = await upstreamGets()
    const polled = await viewer.call('GET', '/api/overview')
    const after = overviewSchema.parse(polled.body)
    expect(await upstreamGets()).toBeGreaterThan(before)
    expect(
      row(after, 'payments-staging').activeRestores,
    ).toBeGreaterThanOrEqual(1)
  })

  it('never keeps an incomplete composition', async () => {
    await t.sandbox.control('POST', '/faults', {
      path: `/groups/${ANALYTICS}/clusters$`,
      kind: 'status',
      status: 500,
    })
    const failed = await overview()
    expect(failed.projectErrors).toHaveLength(1)
    await t.sandbox.control('DELETE', '/faults')
    const polled = await viewer.call('GET', '/api/overview')
    expect(overviewSchema.parse(polled.body).projectErrors).toEqual([])
  })
})

describe('GET /api/overview: an outage is never papered over', () => {
  it('forgets the kept composition when a fresh one fails', async () => {
    await overview()
    await t.sandbox.control('POST', '/faults', {
      path: '/api/atlas/v2/groups$',
      kind: 'status',
      status: 503,
    })
    const refreshed = await viewer.call(
      'GET',
      '/api/overview',
      undefined,
      FRESH,
    )
    expect(refreshed.status).toBe(503)
    const polled = await viewer.call('GET', '/api/overview')
    expect(polled.status).toBe(503)
  })
})
