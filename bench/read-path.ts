import { type Figure, median, sleep } from './figures'
import {
  type LoadResult,
  getJson,
  load,
  projectId,
  signIn,
  upstreamCalls,
} from './load'
import { procStatusBytes, sampleRss } from './processes'
import {
  BFF_PASSWORD,
  type Proxies,
  startCannedUpstream,
  startProxies,
  startSandboxProcess,
  stopProxies,
  tempDirs,
} from './read-stack'

// The BFF's read path against its floor, side by side in one run: a signed-in, validated,
// schema-checked snapshot-list read through the BFF, and the same read through a bare
// node:http keep-alive passthrough. Against the sandbox, identical concurrent reads through
// the BFF share one upstream call (the floor has no such thing); against a canned upstream
// with a distinct URL per request, nothing is shared and each shows its own cost.

const THROUGHPUT_TARGET = 0.8
const RSS_TARGET = 150 * 2 ** 20
const CONNECTIONS = 50
const SOAK_SECONDS = 30
const SOAK_CONNECTIONS = 200

type Side = (connections: number, seconds: number) => Promise<LoadResult>

/** Warms both, then `repeats` runs of each, alternating which goes first. */
async function sideBySide(
  bff: Side,
  floor: Side,
  repeats: number,
  seconds: number,
) {
  await floor(CONNECTIONS, 2)
  await bff(CONNECTIONS, 2)
  const bffRuns: LoadResult[] = []
  const floorRuns: LoadResult[] = []
  for (let i = 0; i < repeats; i++) {
    const order = i % 2 === 0 ? [floor, bff] : [bff, floor]
    for (const side of order) {
      const run = await side(CONNECTIONS, seconds)
      ;(side === bff ? bffRuns : floorRuns).push(run)
      await sleep(500)
    }
  }
  const m = (runs: LoadResult[], key: keyof LoadResult) =>
    median(runs.map((r) => r[key]))
  return {
    bff: {
      rps: m(bffRuns, 'requestsPerSecond'),
      p50: m(bffRuns, 'p50Ms'),
      p99: m(bffRuns, 'p99Ms'),
    },
    floor: {
      rps: m(floorRuns, 'requestsPerSecond'),
      p50: m(floorRuns, 'p50Ms'),
      p99: m(floorRuns, 'p99Ms'),
    },
    bffTotal: bffRuns.reduce((sum, r) => sum + r.total, 0),
  }
}

function sides(
  proxies: Proxies,
  cookie: string,
  path: string,
  unique: boolean,
) {
  const pathOf = unique
    ? (n: number) => `${path}&pageNum=${(n % 1_000_000) + 1}`
    : undefined
  const run =
    (url: string, headers: Record<string, string>): Side =>
    (connections, seconds) =>
      load(`${url}${path}`, {
        connections,
        seconds,
        headers,
        ...(pathOf ? { pathOf } : {}),
      })
  return {
    bff: run(proxies.bffUrl, { cookie }),
    floor: run(proxies.floorUrl, {}),
  }
}

function comparison(
  prefix: string,
  r: Awaited<ReturnType<typeof sideBySide>>,
  how: string,
): Figure[] {
  const ratio = r.bff.rps / r.floor.rps
  return [
    {
      name: `${prefix}.bff.rps`,
      value: r.bff.rps,
      unit: 'req/s',
      target: `>= ${THROUGHPUT_TARGET} x floor`,
      ratio,
      met: ratio >= THROUGHPUT_TARGET,
      note: how,
    },
    { name: `${prefix}.floor.rps`, value: r.floor.rps, unit: 'req/s' },
    {
      name: `${prefix}.bff.p50`,
      value: r.bff.p50,
      unit: 'ms',
      ratio: r.bff.p50 / r.floor.p50,
    },
    { name: `${prefix}.floor.p50`, value: r.floor.p50, unit: 'ms' },
    {
      name: `${prefix}.bff.p99`,
      value: r.bff.p99,
      unit: 'ms',
      ratio: r.bff.p99 / r.floor.p99,
    },
    { name: `${prefix}.floor.p99`, value: r.floor.p99, unit: 'ms' },
  ]
}

export async function readPathFigures(): Promise<Figure[]> {
  const temp = tempDirs('bench-read', ['sandbox', 'bff', 'canned', 'bff2'])
  const [sandboxDir = '', bffDir = '', cannedDir = '', bff2Dir = ''] = temp.dirs
  const sandbox = await startSandboxProcess(sandboxDir)
  const stopAll: (() => Promise<void>)[] = [() => sandbox.child.stop()]
  try {
    const proxies = await startProxies(sandbox.url, bffDir)
    stopAll.unshift(() => stopProxies(proxies))
    const cookie = await signIn(proxies.bffUrl, 'admin', BFF_PASSWORD)
    const idleRss = procStatusBytes(proxies.bff.pid, 'VmRSS')
    const groupId = await projectId(proxies.bffUrl, cookie, 'payments-prod')
    const path = `/api/atlas/v2/groups/${groupId}/clusters/payments-rs/backup/snapshots?itemsPerPage=50`

    const same = sides(proxies, cookie, path, false)
    const callsBefore = await upstreamCalls(proxies.bffUrl)
    const shared = await sideBySide(same.bff, same.floor, 3, 10)
    const calls = (await upstreamCalls(proxies.bffUrl)) - callsBefore

    const stopSampling = sampleRss(proxies.bff.pid)
    const soak = await same.bff(SOAK_CONNECTIONS, SOAK_SECONDS)
    const peakRss = stopSampling()
    const hwm = procStatusBytes(proxies.bff.pid, 'VmHWM')

    // The same read again, from an upstream that costs nothing, every URL distinct.
    const body = JSON.stringify(await getJson(`${proxies.floorUrl}${path}`))
    const canned = await startCannedUpstream(cannedDir, body)
    stopAll.push(() => canned.child.stop())
    const bare = await startProxies(canned.url, bff2Dir)
    stopAll.unshift(() => stopProxies(bare))
    const bareCookie = await signIn(bare.bffUrl, 'admin', BFF_PASSWORD)
    const distinct = sides(bare, bareCookie, path, true)
    const own = await sideBySide(distinct.bff, distinct.floor, 3, 5)

    return [
      ...comparison(
        'read',
        shared,
        `sandbox upstream, one URL, ${CONNECTIONS} connections, median of 3 x 10 s`,
      ),
      {
        name: 'read.bff.upstream-calls-per-request',
        value: calls / Math.max(1, shared.bffTotal),
        unit: 'calls',
        note: 'identical concurrent reads share one upstream call',
      },
      ...comparison(
        'read-own-cost',
        own,
        `canned upstream, a distinct URL per request (nothing shared), ${CONNECTIONS} connections, median of 3 x 5 s`,
      ),
      {
        name: 'load.200.errors',
        value: soak.errors,
        unit: 'responses',
        target: '0',
        met: soak.errors === 0,
        note: `${SOAK_CONNECTIONS} connections x ${SOAK_SECONDS} s through the BFF, ${soak.total} requests, ${Math.round(soak.requestsPerSecond)} req/s`,
      },
      {
        name: 'load.200.peak-rss',
        value: peakRss / 2 ** 20,
        unit: 'MiB',
        target: `<= ${RSS_TARGET / 2 ** 20} MiB`,
        ratio: peakRss / RSS_TARGET,
        met: peakRss <= RSS_TARGET,
        note: `BFF process (the built server, as npm start runs it), sampled VmRSS during the 200-connection run; idle after start ${Math.round(idleRss / 2 ** 20)} MiB, VmHWM ${Math.round(hwm / 2 ** 20)} MiB`,
      },
    ]
  } finally {
    for (const stop of stopAll) await stop()
    temp.remove()
  }
}
