import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { canPerform } from '../contract/rules/roles'
import {
  startTestBff,
  TEST_PASSWORD,
  type TestBff,
} from '../testing/bff-harness'
import {
  type Access,
  C,
  type Route,
  accessOf,
  bodies,
  queries,
  routeActions,
  routesOf,
  samplePath,
} from './access-matrix-table'

// Issue 4: "Every /api route checks its role; unauthenticated → 401, wrong role → 403", and
// CSRF on every mutating request. The routes come from the running app itself, so a route
// added later is tested too; what each needs is in access-matrix-table.ts.

// Cross-site comes in two forms: a foreign Origin, and (from browsers that send no Origin)
// Sec-Fetch-Site: cross-site; and a same-site request that lacks the session's CSRF token.
type Identity =
  | 'anonymous'
  | 'viewer'
  | 'operator'
  | 'admin'
  | 'cross-site'
  | 'cross-site-fetch'
  | 'no-csrf-token'
const identities: Identity[] = [
  'anonymous',
  'viewer',
  'operator',
  'admin',
  'cross-site',
  'cross-site-fetch',
  'no-csrf-token',
]
type Credentials = { cookie: string; csrfToken: string }

let t: TestBff
let calls = 0
const sessions = new Map<string, Credentials>()

async function send(
  method: string,
  path: string,
  options: {
    credentials?: Credentials
    origin?: string | null
    fetchSite?: string
    csrf?: boolean
    body?: unknown
  },
) {
  const body = options.body
  const res = await request(`${t.url}${path}`, {
    method: method as 'GET',
    headers: {
      ...(options.origin === null ? {} : { origin: options.origin ?? t.url }),
      ...(options.fetchSite ? { 'sec-fetch-site': options.fetchSite } : {}),
      ...(options.credentials
        ? {
            cookie: options.credentials.cookie,
            ...(options.csrf === false
              ? {}
              : { 'x-csrf-token': options.credentials.csrfToken }),
          }
        : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method === 'GET' ? {} : { 'idempotency-key': `matrix-${++calls}` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  // Status and headers are enough; an event stream would never end, so stop reading.
  const json = String(res.headers['content-type']).startsWith(
    'application/json',
  )
  let text = ''
  if (json) text = await res.body.text()
  else res.body.on('error', () => undefined).destroy()
  const errorCode = json
    ? (JSON.parse(text || '{}') as { errorCode?: string }).errorCode
    : undefined
  return {
    status: res.statusCode,
    errorCode,
    setCookie: res.headers['set-cookie'],
  }
}

async function signIn(username: string): Promise<Credentials> {
  const res = await request(`${t.url}/api/session`, {
    method: 'POST',
    headers: { origin: t.url, 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  })
  const body = (await res.body.json()) as { csrfToken: string }
  const setCookie = res.headers['set-cookie']
  const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie)
  expect(res.statusCode).toBe(200)
  return { cookie: cookie.split(';')[0] ?? '', csrfToken: body.csrfToken }
}

beforeAll(async () => {
  t = await startTestBff()
  for (const role of ['viewer', 'operator', 'admin']) {
    sessions.set(role, await signIn(role))
  }
})
afterAll(async () => {
  await t.close()
})

type Expectation = { status: 401 | 403; errorCode: string } | 'allowed'

function expectation(
  access: Access,
  who: Identity,
  method: string,
): Expectation {
  if ((who === 'cross-site' || who === 'cross-site-fetch') && method !== 'GET')
    return { status: 403, errorCode: 'CROSS_SITE_REQUEST' }
  if (who === 'no-csrf-token' && method !== 'GET')
    return { status: 403, errorCode: 'CSRF_TOKEN_MISMATCH' }
  if (access === 'public') return 'allowed'
  if (who === 'anonymous') return { status: 401, errorCode: 'UNAUTHENTICATED' }
  if (access === 'signedIn') return 'allowed'
  const role =
    who === 'viewer' || who === 'operator' || who === 'admin' ? who : 'admin'
  return canPerform(role, access).ok
    ? 'allowed'
    : { status: 403, errorCode: 'INSUFFICIENT_ROLE' }
}

describe('access matrix: every /api route × every kind of caller', () => {
  let routes: Route[] = []

  it('finds every route of the app, and knows what each needs', () => {
    routes = routesOf(t.bff.app.printRoutes({ commonPrefix: false })).filter(
      (r) => r.path.startsWith('/api/'),
    )
    for (const route of routes) {
      expect(
        t.bff.app.hasRoute({ method: route.method, url: route.path }),
        `${route.method} ${route.path} read from printRoutes`,
      ).toBe(true)
    }
    const keys = routes.map((r) => `${r.method} ${r.path}`)
    expect(keys).toContain('POST /api/session')
    expect(keys).toContain(`GET ${C}/backup/snapshots`)
    const unclassified = routes.filter((r) => accessOf(r) === undefined)
    expect(
      unclassified.map((r) => `${r.method} ${r.path}`),
      'routes missing from routeActions in access-matrix.test.ts',
    ).toEqual([])
    const gone = Object.keys(routeActions).filter((k) => !keys.includes(k))
    expect(gone, 'routeActions entries the app no longer has').toEqual([])
  })

  it('answers each caller as its role allows, and never with a 5xx', async () => {
    expect(routes.length).toBeGreaterThan(20)
    const failures: string[] = []
    for (const route of routes) {
      const access = accessOf(route) ?? 'signedIn'
      const key = `${route.method} ${route.path}`
      const path = `${samplePath(route.path)}${queries[key] ?? ''}`
      for (const who of identities) {
        const role =
          who === 'anonymous' || who === 'viewer' || who === 'operator'
            ? who
            : 'admin'
        // Signing out would end the session the other rows use: give it its own.
        const credentials =
          who === 'anonymous'
            ? undefined
            : key === 'DELETE /api/session'
              ? await signIn(role)
              : sessions.get(role)
        const res = await send(route.method, path, {
          ...(credentials ? { credentials } : {}),
          ...(who === 'cross-site' ? { origin: 'https://evil.example' } : {}),
          ...(who === 'cross-site-fetch'
            ? { origin: null, fetchSite: 'cross-site' }
            : {}),
          ...(who === 'no-csrf-token' ? { csrf: false } : {}),
          ...(route.method === 'GET' || route.method === 'DELETE'
            ? {}
            : { body: bodies[key] ?? {} }),
        })
        const want = expectation(access, who, route.method)
        const got = `${res.status} ${res.errorCode ?? ''}`.trim()
        const wrong =
          res.status >= 500 ||
          (want === 'allowed'
            ? res.status === 401 || res.status === 403
            : res.status !== want.status || res.errorCode !== want.errorCode)
        if (wrong) {
          const wanted =
            want === 'allowed'
              ? 'neither 401/403 nor 5xx'
              : `${want.status} ${want.errorCode}`
          failures.push(`${key} as ${who}: got ${got}, want ${wanted}`)
        }
      }
    }
    expect(failures).toEqual([])
  })
})
