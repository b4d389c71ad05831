import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { request } from 'undici'

import type { TestSandbox } from './sandbox-harness'

// The BFF as a process of its own (`src/main.ts`, as `npm start` runs it, with the test sandbox
// as its Atlas), for what an in-process BFF cannot show: a kill -9 and a restart over the same
// data directory.

const ROOT = path.resolve(import.meta.dirname, '..', '..')
export const PROCESS_ADMIN_PASSWORD = 'process-admin-password'

export type BffProcess = {
  url: string
  child: ChildProcess
  /** SIGKILL: no shutdown hook runs, as after a crash or an OOM kill. */
  kill9: () => Promise<void>
  stop: () => Promise<void>
}

export async function startBffProcess(
  sandbox: TestSandbox,
  dataDir: string,
  port = 0,
): Promise<BffProcess> {
  const cfg = sandbox.sandbox.ctx.config
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        STATIC_DIR: path.join(dataDir, 'no-spa'),
        LOG_LEVEL: 'silent',
        ADMIN_PASSWORD: PROCESS_ADMIN_PASSWORD,
        ATLAS_BASE_URL: sandbox.url,
        ATLAS_PUBLIC_KEY: cfg.SANDBOX_PUBLIC_KEY,
        ATLAS_PRIVATE_KEY: cfg.SANDBOX_PRIVATE_KEY,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => resolve()),
  )
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(
      () => reject(new Error(`BFF not up:\n${output}`)),
      30_000,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Backup Console is running at (http:\/\/[\d.:]+)/.exec(
        output,
      )
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`BFF exited (${code}):\n${output}`))
    })
  })
  const running = () => child.exitCode === null && child.signalCode === null
  return {
    url,
    child,
    kill9: async () => {
      if (running()) child.kill('SIGKILL')
      await exited
    },
    stop: async () => {
      if (running()) child.kill('SIGTERM')
      await exited
    },
  }
}

export type Signed = { cookie: string; csrfToken: string }

export async function signInAdmin(url: string): Promise<Signed> {
  const res = await request(`${url}/api/session`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/json' },
    body: JSON.stringify({
      username: 'admin',
      password: PROCESS_ADMIN_PASSWORD,
    }),
  })
  const body = (await res.body.json()) as { csrfToken: string }
  const setCookie = res.headers['set-cookie']
  const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie)
  return { cookie: cookie.split(';')[0] ?? '', csrfToken: body.csrfToken }
}

/** A JSON call as the signed-in browser makes it. */
export async function callJson(
  url: string,
  who: Signed,
  method: string,
  p: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const res = await request(`${url}${p}`, {
    method: method as 'GET',
    headers: {
      origin: url,
      cookie: who.cookie,
      'x-csrf-token': who.csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.body.text()
  return {
    status: res.statusCode,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  }
}
