import autocannon from 'autocannon'
import { request } from 'undici'

// Load runs (autocannon's programmatic API) and the little HTTP the benchmarks need around them.

export type LoadResult = {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  total: number
  /** Connection errors, timeouts and non-2xx answers together. */
  errors: number
}

export async function load(
  url: string,
  options: {
    connections: number
    seconds: number
    headers?: Record<string, string>
    /** A path per request (n counts from 0), e.g. to keep identical reads from coalescing. */
    pathOf?: (n: number) => string
  },
): Promise<LoadResult> {
  let n = 0
  const { pathOf } = options
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers ?? {},
    timeout: 10,
    ...(pathOf
      ? {
          requests: [
            { setupRequest: (req) => ({ ...req, path: pathOf(n++) }) },
          ],
        }
      : {}),
  })
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  }
}

/** Signs in to a BFF and returns the session cookie. */
export async function signIn(
  bffUrl: string,
  username: string,
  password: string,
): Promise<string> {
  const res = await request(`${bffUrl}/api/session`, {
    method: 'POST',
    headers: { origin: bffUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  await res.body.text()
  const setCookie = res.headers['set-cookie']
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie
  if (res.statusCode !== 200 || !first)
    throw new Error(`sign-in as ${username} failed: ${res.statusCode}`)
  return first.split(';')[0] ?? ''
}

export async function getJson(
  url: string,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const res = await request(url, { headers })
  const text = await res.body.text()
  if (res.statusCode !== 200)
    throw new Error(`GET ${url}: ${res.statusCode} ${text}`)
  return JSON.parse(text) as unknown
}

/** The sum of bff_upstream_calls_total over every method and status, from GET /metrics. */
export async function upstreamCalls(bffUrl: string): Promise<number> {
  const res = await request(`${bffUrl}/metrics`)
  const text = await res.body.text()
  return text
    .split('\n')
    .filter((line) => line.startsWith('bff_upstream_calls_total{'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0)
}

/** The id of a project by name, through the BFF's read of GET /groups. */
export async function projectId(
  bffUrl: string,
  cookie: string,
  name: string,
): Promise<string> {
  const groups = (await getJson(`${bffUrl}/api/atlas/v2/groups`, {
    cookie,
  })) as {
    results: { id: string; name: string }[]
  }
  const id = groups.results.find((g) => g.name === name)?.id
  if (!id) throw new Error(`no project ${name}`)
  return id
}
