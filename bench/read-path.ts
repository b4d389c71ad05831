import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { DEFAULT_SANDBOX_CREDENTIALS } from '../src/sandbox/config'
import { type Figure, median, sleep } from './figures'
import { type LoadResult, load, projectId, signIn, upstreamCalls } from './load'
import { type Child, procStatusBytes, sampleRss, startNode } from './processes'

// The BFF's read path against its floor, side by side in one run: a signed-in, validated,
// schema-checked snapshot-list read through the BFF, and the same read through a bare
// node:http keep-alive passthrough to the same sandbox. Each runs in its own process, as does
// the sandbox, so the load generator here shares no event loop with them.

const THROUGHPUT_TARGET = 0.8
const RSS_TARGET = 150 * 2 ** 20
const REPEATS = 3
const RUN_SECONDS = 10
const RUN_CONNECTIONS = 50
const SOAK_SECONDS = 30
const SOAK_CONNECTIONS = 200
const PASSWORD = 'bench-admin-password'
const keys = {
  ATLAS_PUBLIC_KEY: DEFAULT_SANDBOX_CREDENTIALS.publicKey,
  ATLAS_PRIVATE_KEY: DEFAULT_SANDBOX_CREDENTIALS.privateKey,
}

type Stack = { sandbox: Child; bff: Child; floor: Child; dirs: string[] }

async function startStack(): Promise<Stack & { urls: Record<string, string> }> {
  const dirs = ['sandbox', 'bff'].map((name) =>
    mkdtempSync(path.join(tmpdir(), `bench-read-${name}-`)),
  )
  const [sandboxDir = '', bffDir = ''] = dirs
  // The rate limiter would answer a flood with 429s: lifted, so the figure is the code path's.
  const sandbox = await startNode(
    ['--import', 'tsx', 'src/sandbox/server.ts'],
    {
      DATA_DIR: sandboxDir,
      SANDBOX_PORT: '0',
      SANDBOX_RATE_CAPACITY: '1000000000',
      SANDBOX_RATE_REFILL_PER_MINUTE: '1000000000',
      SANDBOX_LOG_LEVEL: 'warn',
    },
    /Atlas sandbox listening at (http:\/\/[\d.:]+)\/api/,
  )
  const sandboxUrl = sandbox.match[1] ?? ''
  // LOG_LEVEL=warn: per-request info lines would measure the log pipe, not the read path.
  const bff = await startNode(
    ['--import', 'tsx', 'src/main.ts'],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: bffDir,
      STATIC_DIR: path.join(bffDir, 'no-spa'),
      LOG_LEVEL: 'warn',
      ATLAS_BASE_URL: sandboxUrl,
      ADMIN_PASSWORD: PASSWORD,
      ...keys,
    },
    /Backup Console is running at (http:\/\/[\d.:]+)/,
  )
  const floor = await startNode(
    ['--import', 'tsx', 'bench/floor-proxy.ts'],
    { UPSTREAM_URL: sandboxUrl, PORT: '0', ...keys },
    /floor proxy listening at (http:\/\/[\d.:]+)/,
  )
  return {
    sandbox,
    bff,
    floor,
    dirs,
    urls: {
      sandbox: sandboxUrl,
      bff: bff.match[1] ?? '',
      floor: floor.match[1] ?? '',
    },
  }
}

async function stopStack(stack: Stack): Promise<void> {
  await Promise.all([stack.floor.stop(), stack.bff.stop()])
  await stack.sandbox.stop()
  for (const dir of stack.dirs) rmSync(dir, { recursive: true, force: true })
}

function pick(runs: LoadResult[], key: keyof LoadResult): number {
  return median(runs.map((r) => r[key]))
}

export async function readPathFigures(): Promise<Figure[]> {
  const stack = await startStack()
  try {
    const { urls } = stack
    const cookie = await signIn(urls.bff ?? '', 'admin', PASSWORD)
    const groupId = await projectId(urls.bff ?? '', cookie, 'payments-prod')
    const read = `/api/atlas/v2/groups/${groupId}/clusters/payments-rs/backup/snapshots?itemsPerPage=50`
    const bffRun = (connections: number, seconds: number) =>
      load(`${urls.bff ?? ''}${read}`, {
        connections,
        seconds,
        headers: { cookie },
      })
    const floorRun = (connections: number, seconds: number) =>
      load(`${urls.floor ?? ''}${read}`, { connections, seconds })

    // Warm both (JIT, connection pools, the digest challenge), then alternate which goes first.
    await floorRun(RUN_CONNECTIONS, 2)
    await bffRun(RUN_CONNECTIONS, 2)
    const bffRuns: LoadResult[] = []
    const floorRuns: LoadResult[] = []
    const callsBefore = await upstreamCalls(urls.bff ?? '')
    for (let i = 0; i < REPEATS; i++) {
      const order = i % 2 === 0 ? ['floor', 'bff'] : ['bff', 'floor']
      for (const which of order) {
        if (which === 'bff') bffRuns.push(await bffRun(RUN_CONNECTIONS, RUN_SECONDS))
        else floorRuns.push(await floorRun(RUN_CONNECTIONS, RUN_SECONDS))
        await sleep(500)
      }
    }
    const bffCalls = (await upstreamCalls(urls.bff ?? '')) - callsBefore
    const bffTotal = bffRuns.reduce((sum, r) => sum + r.total, 0)

    const stopSampling = sampleRss(stack.bff.pid)
    const soak = await bffRun(SOAK_CONNECTIONS, SOAK_SECONDS)
    const peakRss = stopSampling()
    const hwm = procStatusBytes(stack.bff.pid, 'VmHWM')

    const rps = pick(bffRuns, 'requestsPerSecond')
    const floorRps = pick(floorRuns, 'requestsPerSecond')
    const p50 = pick(bffRuns, 'p50Ms')
    const p99 = pick(bffRuns, 'p99Ms')
    const floorP50 = pick(floorRuns, 'p50Ms')
    const floorP99 = pick(floorRuns, 'p99Ms')
    const how = `${RUN_CONNECTIONS} connections, median of ${REPEATS} x ${RUN_SECONDS} s`
    return [
      {
        name: 'read.bff.rps',
        value: rps,
        unit: 'req/s',
        target: `>= ${THROUGHPUT_TARGET} x floor`,
        ratio: rps / floorRps,
        met: rps / floorRps >= THROUGHPUT_TARGET,
        note: how,
      },
      { name: 'read.floor.rps', value: floorRps, unit: 'req/s', note: how },
      { name: 'read.bff.p50', value: p50, unit: 'ms', ratio: p50 / floorP50 },
      { name: 'read.floor.p50', value: floorP50, unit: 'ms' },
      { name: 'read.bff.p99', value: p99, unit: 'ms', ratio: p99 / floorP99 },
      { name: 'read.floor.p99', value: floorP99, unit: 'ms' },
      {
        name: 'read.bff.upstream-calls-per-request',
        value: bffCalls / Math.max(1, bffTotal),
        unit: 'calls',
        note: 'identical concurrent reads share one upstream call',
      },
      {
        name: 'load.200.errors',
        value: soak.errors,
        unit: 'responses',
        target: '0',
        met: soak.errors === 0,
        note: `${SOAK_CONNECTIONS} connections x ${SOAK_SECONDS} s, ${soak.total} requests, ${Math.round(soak.requestsPerSecond)} req/s`,
      },
      {
        name: 'load.200.peak-rss',
        value: peakRss / 2 ** 20,
        unit: 'MiB',
        target: `<= ${RSS_TARGET / 2 ** 20} MiB`,
        ratio: peakRss / RSS_TARGET,
        met: peakRss <= RSS_TARGET,
        note: `BFF process, sampled VmRSS; VmHWM since start ${Math.round(hwm / 2 ** 20)} MiB`,
      },
    ]
  } finally {
    await stopStack(stack)
  }
}
