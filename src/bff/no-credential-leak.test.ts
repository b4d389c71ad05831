import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEFAULT_SANDBOX_CREDENTIALS } from '../sandbox/config'

// The whole product as `npm start` runs it, logging at its most verbose: no secret may reach
// a response or a log line — not the Atlas keys, not a password, not a session cookie.
const root = path.resolve(import.meta.dirname, '../..')
const ADMIN_PASSWORD = 'leak-test-admin-password-42'
let product: ChildProcess
let output = ''
let url = ''
const dataDir = mkdtempSync(path.join(tmpdir(), 'leak-test-'))

beforeAll(async () => {
  product = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      SANDBOX_PORT: '0',
      DATA_DIR: dataDir,
      STATIC_DIR: path.join(dataDir, 'no-spa'),
      LOG_LEVEL: 'trace',
      ADMIN_PASSWORD,
    },
  })
  product.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  product.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  for (let i = 0; i < 300 && !url; i++) {
    url = /running at (http:\/\/\S+)/.exec(output)?.[1] ?? ''
    await new Promise((r) => setTimeout(r, 100))
  }
  if (!url) throw new Error(`the product did not start:\n${output}`)
})

afterAll(() => {
  product.kill('SIGTERM')
  rmSync(dataDir, { recursive: true, force: true })
})

describe('credentials stay secret', () => {
  it('appear in no response and no log line, whatever the operator does', async () => {
    const bodies: string[] = []
    const signIn = await request(`${url}/api/session`, {
      method: 'POST',
      headers: { origin: url, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    })
    const sessionBody = await signIn.body.text()
    bodies.push(sessionBody)
    const setCookie = String(signIn.headers['set-cookie'])
    const cookie = setCookie.split(';')[0] ?? ''
    const sessionId = cookie.split('=')[1] ?? ''
    const { csrfToken } = JSON.parse(sessionBody) as { csrfToken: string }
    const headers = { origin: url, cookie, 'x-csrf-token': csrfToken }
    for (const p of [
      '/api/atlas/v2/groups',
      '/api/overview',
      '/readyz',
      '/metrics',
      '/api/audit',
    ]) {
      const res = await request(`${url}${p}`, { headers })
      bodies.push(await res.body.text())
    }
    const failed = await request(`${url}/api/session`, {
      method: 'POST',
      headers: { origin: url, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'a-wrong-password' }),
    })
    bodies.push(await failed.body.text())
    await new Promise((r) => setTimeout(r, 200))

    expect(sessionId.length).toBeGreaterThan(20)
    const secrets = [
      DEFAULT_SANDBOX_CREDENTIALS.privateKey,
      DEFAULT_SANDBOX_CREDENTIALS.clientSecret,
      ADMIN_PASSWORD,
      'a-wrong-password',
      sessionId,
    ]
    for (const secret of secrets) {
      expect(bodies.filter((b) => b.includes(secret))).toEqual([])
      expect(
        output.includes(secret),
        `a log line holds ${secret.slice(0, 4)}…`,
      ).toBe(false)
    }
    // The trace log did record the requests: the check above looked at real lines.
    expect(output).toContain('/api/overview')
  })
})
