import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { request } from 'undici'

import { hashPassword } from '../bff/auth/passwords'
import { parseConfig } from '../bff/config'
import { type RunningBff, startBff } from '../bff/server'
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
  close: () => Promise<void>
}

/** Starts the sandbox and a BFF in front of it, each on a free loopback port. */
export async function startTestBff(
  env: Record<string, string> = {},
): Promise<TestBff> {
  const sandbox = await startTestSandbox()
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
  const bff = await startBff(config, {
    baseUrl: sandbox.url,
    auth: {
      kind: 'apiKey',
      publicKey: cfg.SANDBOX_PUBLIC_KEY,
      privateKey: cfg.SANDBOX_PRIVATE_KEY,
    },
    label: 'test sandbox',
  })
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

  return {
    url,
    bff,
    sandbox,
    browser,
    close: async () => {
      await bff.close()
      await sandbox.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
