import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { type Page } from '@playwright/test'

import { expect, test } from './fixtures'
import { GROUPS } from './pages/restore-wizard'
import { RS, STAGING } from './restore-sandbox'

// Issue 8: a kill -9 of the BFF while a browser watches a restore. This spec runs its own
// sandbox and BFF (`npm start`'s server over that sandbox) so it can kill one and restart it on
// the same port and data directory; the page is never reloaded and must recover by itself.

const ROOT = path.resolve(import.meta.dirname, '..')
const PASSWORD = 'crash-admin-password'
const KEYS = {
  SANDBOX_PUBLIC_KEY: 'crashpub',
  SANDBOX_PRIVATE_KEY: 'crash-private-key-0000',
}

type Proc = { child: ChildProcess; url: string }

function start(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<Proc> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(
      () => reject(new Error(`not up:\n${output}`)),
      60_000,
    )
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000)
      const url = ready.exec(output)?.[1]
      if (url) {
        clearTimeout(timer)
        resolve({ child, url })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited (${code}):\n${output}`))
    })
  })
}

async function kill9(proc: Proc): Promise<void> {
  const { child } = proc
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

let dir: string
let sandbox: Proc
let bff: Proc
let port: number

function startBff(): Promise<Proc> {
  return start(
    ['scripts/start.mjs'],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dir, 'bff'),
      STATIC_DIR: path.resolve(ROOT, process.env.STATIC_DIR ?? 'dist'),
      LOG_LEVEL: 'warn',
      ADMIN_PASSWORD: PASSWORD,
      ATLAS_BASE_URL: sandbox.url,
      ATLAS_PUBLIC_KEY: KEYS.SANDBOX_PUBLIC_KEY,
      ATLAS_PRIVATE_KEY: KEYS.SANDBOX_PRIVATE_KEY,
    },
    /Backup Console is running at (http:\/\/[\d.:]+)/,
  )
}

async function startRestore(page: Page): Promise<string> {
  const api = `${bff.url}/api/atlas/v2/groups/${GROUPS.paymentsProd}/clusters/${RS}/backup`
  const session = await page.request.get(`${bff.url}/api/session`)
  const { csrfToken } = (await session.json()) as { csrfToken: string }
  const snapshots = await page.request.get(`${api}/snapshots`)
  const list = (await snapshots.json()) as {
    results: { id: string; status: string }[]
  }
  const snapshot = list.results.find((s) => s.status === 'completed')
  const res = await page.request.post(`${api}/restoreJobs`, {
    data: {
      deliveryType: 'automated',
      snapshotId: snapshot?.id,
      targetGroupId: GROUPS.paymentsProd,
      targetClusterName: STAGING,
      confirmTargetName: STAGING,
    },
    headers: {
      origin: bff.url,
      'x-csrf-token': csrfToken,
      'Idempotency-Key': randomUUID(),
    },
  })
  expect(res.ok(), await res.text()).toBe(true)
  return ((await res.json()) as { id: string }).id
}

test.describe('a kill -9 of the BFF', () => {
  test.beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'e2e-crash-'))
    sandbox = await start(
      ['--import', 'tsx', 'src/sandbox/server.ts'],
      {
        DATA_DIR: path.join(dir, 'sandbox'),
        SANDBOX_PORT: '0',
        SANDBOX_CONTROLS: '1',
        SANDBOX_LOG_LEVEL: 'warn',
        ...KEYS,
      },
      /Atlas sandbox listening at (http:\/\/[\d.:]+)\/api/,
    )
    port = await freePort()
    bff = await startBff()
  })

  test.afterAll(async () => {
    await kill9(bff)
    await kill9(sandbox)
    rmSync(dir, { recursive: true, force: true })
  })

  test('while a browser watches a restore: the page says so, and follows the job to its end once the BFF is back', async ({
    page,
    request,
  }) => {
    await page.goto(`${bff.url}/sign-in`)
    await page.getByLabel('Username').fill('admin')
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByText('Signed in as admin')).toBeVisible()

    const id = await startRestore(page)
    await page.goto(
      `${bff.url}/restores/dedicated/${GROUPS.paymentsProd}/${RS}/${id}`,
    )
    const state = page
      .getByRole('region', { name: 'State', exact: true })
      .getByRole('status')
    await expect(state).toContainText('In progress')

    await kill9(bff)
    const reconnecting = page
      .getByRole('status')
      .filter({ hasText: 'Reconnecting: updates are paused' })
    await expect(reconnecting).toBeVisible({ timeout: 20_000 })
    await expect(state).toContainText('In progress')

    bff = await startBff()
    await expect(reconnecting).toBeHidden({ timeout: 30_000 })
    const advanced = await request.post(
      `${sandbox.url}/sandbox/clock/advance`,
      { data: { minutes: 30 } },
    )
    expect(advanced.ok()).toBe(true)
    await expect(state).toContainText('Completed', { timeout: 30_000 })
    await expect(
      page.getByRole('region', { name: 'After the restore' }),
    ).toBeVisible()
  })
})
