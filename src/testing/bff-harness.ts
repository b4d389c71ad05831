import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { request } from 'undici'

import { hashPassword } from '../bff/auth/passwords'
import { parseConfig } from '../bff/config'
import { type BffOptions, type RunningBff, startBff } from '../bff/server'
import { upsertUser } from '../bff/db/users-repo'
import type { Role } from '../contract/rules/roles'
import { startTestSandbox, type TestSandbox } from './sandbox-harness'

export const TEST_PASSWORD = 'correct horse battery staple'

export type BffResponse = {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: unknown
  text: string
}

/** A browser-like client: keeps the session cookie and sends the CSRF token once signed in. */
export type TestBrowser = {
  csrfToken: string | undefined
  call: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<BffResponse>
  signIn: (username: string, password?: string) => Promise<BffResponse>
}

export type TestBff = {
  url: string
  bff: RunningBff
  sandbox: TestSandbox
  /** A new browser; `as` signs it in as a user of that role created for the test. */
  browser: (as?: Role) => Promise<TestBrowser>
  /** Closes the BFF and starts a new one on the same port, data dir and sandbox. */
  restart: () => Promise<void>
  close: () => Promise<void>
}

export type TestBffOptions = {
  /** The sandbox's environment, e.g. a long SANDBOX_TICK_MS so that only the test moves jobs. */
  sandboxEnv?: Record<string, string>
  /** Passed to startBff, e.g. fast job-poll intervals. */
  bff?: BffOptions
}

/** Starts the sandbox and a BFF in front of it, each on a free loopback port. */
export async function startTestBff(
  env: Record<string, string> = {},
  options: TestBffOptions = {},
): Promise<TestBff> {
  const sandbox = await startTestSandbox(options.sandboxEnv)
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bff-test-'))
  const config = parseConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    STATIC_DIR: path.join(dataDir, 'no-spa'),
    LOG_LEVEL: 'silent',
    ADMIN_PASSWORD: TEST_PASSWORD,
    ...env,
  })
  const cfg = sandbox.sandbox.ctx.config
  const upstream = {
    baseUrl: sandbox.url,
    auth: {
      kind: 'apiKey' as const,
      publicKey: cfg.SANDBOX_PUBLIC_KEY,
      privateKey: cfg.SANDBOX_PRIVATE_KEY,
    },
    label: 'test sandbox',
  }
  const bff = await startBff(config, upstream, options.bff)
  const url = bff.url
  const passwordHash = await hashPassword(TEST_PASSWORD)
  for (const role of ['viewer', 'operator'] as const) {
    upsertUser(bff.db, { name: role, role, passwordHash }, Date.now())
  }

  const browser = async (as?: Role): Promise<TestBrowser> => {
    let cookie: string | undefined
    const client: TestBrowser = {
      csrfToken: undefined,
      call: async (method, p, body, headers = {}) => {
        const res = await request(`${url}${p}`, {
          method: method as 'GET',
          headers: {
            origin: url,
            ...(cookie ? { cookie } : {}),
            ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
            ...(body === undefined
              ? {}
              : { 'content-type': 'application/json' }),
            ...headers,
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        })
        const setCookie = res.headers['set-cookie']
        const first = Array.isArray(setCookie) ? setCookie[0] : setCookie
        if (first) cookie = first.split(';')[0]
        const text = await res.body.text()
        let parsed: unknown
        try {
          parsed = text === '' ? undefined : JSON.parse(text)
        } catch {
          parsed = undefined
        }
        return {
          status: res.statusCode,
          headers: res.headers,
          body: parsed,
          text,
        }
      },
      signIn: async (username, password = TEST_PASSWORD) => {
        const res = await client.call('POST', '/api/session', {
          username,
          password,
        })
        if (res.status === 200)
          client.csrfToken = (res.body as { csrfToken: string }).csrfToken
        return res
      },
    }
    if (as) {
      const res = await client.signIn(as)
      if (res.status !== 200)
        throw new Error(`sign-in as ${as} failed: ${res.text}`)
    }
    return client
  }

  const t: TestBff = {
    url,
    bff,
    sandbox,
    browser,
    restart: async () => {
      await t.bff.close()
      const port = Number(new URL(url).port)
      t.bff = await startBff({ ...config, PORT: port }, upstream, options.bff)
    },
    close: async () => {
      await t.bff.close()
      await sandbox.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return t
}
