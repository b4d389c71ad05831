import fc from 'fast-check'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  startTestBff,
  TEST_PASSWORD,
  type TestBff,
} from '../../testing/bff-harness'
import { routesOf } from '../access-matrix-table'
import { hashPassword } from '../auth/passwords'
import { upsertUser } from '../db/users-repo'
import {
  check,
  FUZZ_RUNS,
  type FuzzInput,
  fuzzTimeout,
  loopbackAgents,
} from './fuzz-kit'
import { type FuzzContext, FUZZER, routeSpecs } from './route-specs'
import { FRESH_KEY } from './values'

// Runs the generators of route-specs.ts against a BFF and sandbox of their own, one route per
// test: every answer checked, every failure shrunk to a smallest input and reported with the
// seed that reproduces it.

type Credentials = { cookie: string; csrfToken: string }

async function signIn(url: string, name: string): Promise<Credentials> {
  const res = await request(`${url}/api/session`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/json' },
    body: JSON.stringify({ username: name, password: TEST_PASSWORD }),
  })
  const body = (await res.body.json()) as { csrfToken: string }
  const setCookie = res.headers['set-cookie']
  const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie)
  return { cookie: cookie.split(';')[0] ?? '', csrfToken: body.csrfToken }
}

async function ids(
  t: TestBff,
  path: string,
  version?: string,
): Promise<string[]> {
  const res = await t.sandbox.atlas({ path, ...(version ? { version } : {}) })
  const list = (res.body as { results?: { id: string }[] }).results ?? []
  return list.map((s) => s.id).slice(0, 30)
}

async function contextOf(t: TestBff): Promise<FuzzContext> {
  const groups = (await t.sandbox.atlas({ path: '/groups' })).body as {
    results: { id: string; name: string }[]
  }
  const id = (name: string) =>
    groups.results.find((g) => g.name === name)?.id ?? ''
  const g = {
    payments: id('payments-prod'),
    analytics: id('analytics'),
    devTools: id('dev-tools'),
  }
  const clock = (await t.sandbox.control('GET', '/clock')).body as {
    now: string
  }
  return {
    groups: g,
    snapshots: {
      rs: await ids(
        t,
        `/groups/${g.payments}/clusters/payments-rs/backup/snapshots?itemsPerPage=100`,
      ),
      sharded: await ids(
        t,
        `/groups/${g.payments}/clusters/payments-sharded/backup/snapshots/shardedClusters`,
      ),
      flex: await ids(
        t,
        `/groups/${g.analytics}/flexClusters/reports-flex/backup/snapshots`,
        '2024-11-13',
      ),
      serverless: await ids(
        t,
        `/groups/${g.devTools}/serverless/dev-serverless/backup/snapshots`,
      ),
    },
    nowSeconds: Math.floor(Date.parse(clock.now) / 1000),
  }
}

const runId = Date.now().toString(36)

/** A unique Idempotency-Key where the generator asked for a fresh one. */
function fresh(input: FuzzInput, n: number): FuzzInput {
  if (input.headers?.['idempotency-key'] !== FRESH_KEY) return input
  return {
    ...input,
    headers: { ...input.headers, 'idempotency-key': `fuzz-${runId}-${n}` },
  }
}

export function describeRouteFuzz(
  title: string,
  keys: readonly string[],
): void {
  describe(title, () => {
    let t: TestBff
    let ctx: FuzzContext
    let fuzzer: Credentials
    const agents = loopbackAgents(250)

    beforeAll(async () => {
      // Only the fuzzer moves things: no rate limit to trip, and created restores are watched
      // but not polled meanwhile.
      const hour = 3_600_000
      t = await startTestBff(
        {},
        {
          sandboxEnv: {
            SANDBOX_RATE_CAPACITY: '100000000',
            SANDBOX_RATE_REFILL_PER_MINUTE: '100000000',
            SANDBOX_TICK_MS: String(hour),
          },
          bff: {
            jobs: {
              intervals: {
                fastMs: hour,
                slowMs: hour,
                errorBaseMs: hour,
                backoffCapMs: hour,
              },
            },
          },
        },
      )
      upsertUser(
        t.bff.db,
        {
          name: FUZZER,
          role: 'admin',
          passwordHash: await hashPassword(TEST_PASSWORD),
        },
        Date.now(),
      )
      fuzzer = await signIn(t.url, FUZZER)
      ctx = await contextOf(t)
    })
    afterAll(async () => {
      await Promise.all(agents.map((a) => a.close()))
      await t.close()
    })

    it('has a generator for every mutating route this file fuzzes', () => {
      const mutating = routesOf(t.bff.app.printRoutes({ commonPrefix: false }))
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'GET')
        .map((r) => `${r.method} ${r.path}`)
      expect(
        mutating.filter((k) => !(k in routeSpecs)),
        'mutating routes without a fuzzer',
      ).toEqual([])
      for (const key of keys) expect(routeSpecs).toHaveProperty([key])
    })

    for (const key of keys) {
      it(
        `${key}: no 5xx, every refusal an envelope naming its field, no 400 reaching Atlas`,
        async () => {
          const spec = routeSpecs[key]
          if (!spec) throw new Error(`no fuzzer for ${key}`)
          const method = key.split(' ')[0] ?? 'GET'
          let sent = 0
          const seen = new Map<string, number>()
          await fc.assert(
            fc.asyncProperty(spec.input(ctx), async (generated) => {
              const n = sent++
              const input = fresh(
                spec.vary ? spec.vary(generated, n) : generated,
                n,
              )
              const as = spec.as ?? 'fuzzer'
              const headers =
                as === 'fuzzer'
                  ? {
                      cookie: fuzzer.cookie,
                      'x-csrf-token': fuzzer.csrfToken,
                      ...input.headers,
                    }
                  : input.headers
              const via =
                as === 'rotating' ? agents[n % agents.length] : undefined
              const { answer, problems } = await check(
                t.url,
                method,
                { ...input, ...(headers ? { headers } : {}) },
                via,
              )
              const code = (answer.body as { errorCode?: string } | undefined)
                ?.errorCode
              const outcome = `${answer.status} ${code ?? ''}`.trim()
              seen.set(outcome, (seen.get(outcome) ?? 0) + 1)
              expect(
                problems,
                `${method} ${input.path} ${JSON.stringify(input.body)}`,
              ).toEqual([])
            }),
            { numRuns: FUZZ_RUNS },
          )
          // FUZZ_STATS=1 shows what the inputs met, to keep the generators reaching past validation.
          if (process.env.FUZZ_STATS)
            console.log(
              key,
              JSON.stringify(
                Object.fromEntries([...seen].sort((a, b) => b[1] - a[1])),
              ),
            )
          // The fuzzer's own session must have survived its requests.
          const session = await request(`${t.url}/api/session`, {
            headers: { cookie: fuzzer.cookie },
          })
          await session.body.text()
          expect(session.statusCode).toBe(200)
        },
        fuzzTimeout(1, 150),
      )
    }
  })
}
