import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { request } from 'undici'

import { DigestSigner } from '../bff/atlas/digest'
import { mediaType } from '../contract/atlas/versions'
import { parseSandboxConfig } from '../sandbox/config'
import { createSandbox, type Sandbox } from '../sandbox/sandbox'

export type TestSandbox = {
  url: string
  sandbox: Sandbox
  dataDir: string
  /** Calls the sandbox's Atlas API over real HTTP with digest auth (unless auth: 'none'). */
  atlas: (options: AtlasCall) => Promise<AtlasResponse>
  /** Calls a /sandbox/ control. */
  control: (
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ) => Promise<AtlasResponse>
  close: () => Promise<void>
}

export type AtlasCall = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Path after /api/atlas/v2, with query string if any. */
  path: string
  version?: string
  body?: unknown
  auth?: 'digest' | 'none' | { bearer: string } | { digest: [string, string] }
  headers?: Record<string, string>
}

export type AtlasResponse = {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: unknown
  /** The full path requested, for conformance checks. */
  path: string
  method: string
}

/** Starts a sandbox on a free loopback port over a fresh data directory. */
export async function startTestSandbox(
  env: Record<string, string> = {},
): Promise<TestSandbox> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-test-'))
  const config = parseSandboxConfig({
    DATA_DIR: dataDir,
    SANDBOX_CONTROLS: '1',
    SANDBOX_LOG_LEVEL: 'silent',
    SANDBOX_TICK_MS: '60000',
    ...env,
  })
  const sandbox = createSandbox(config)
  const url = await sandbox.listen(0, '127.0.0.1')
  const signer = new DigestSigner(
    config.SANDBOX_PUBLIC_KEY,
    config.SANDBOX_PRIVATE_KEY,
  )

  async function send(
    method: string,
    fullPath: string,
    headers: Record<string, string>,
    body: unknown,
  ) {
    const res = await request(`${url}${fullPath}`, {
      method: method as 'GET',
      headers,
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
    const text = await res.body.text()
    let parsed: unknown = text
    try {
      parsed = text === '' ? undefined : JSON.parse(text)
    } catch {
      // Not JSON: keep the text.
    }
    return {
      status: res.statusCode,
      headers: res.headers,
      body: parsed,
      path: fullPath,
      method,
    }
  }

  async function atlas(call: AtlasCall): Promise<AtlasResponse> {
    const method = call.method ?? 'GET'
    const fullPath = `/api/atlas/v2${call.path}`
    const headers: Record<string, string> = {
      accept: mediaType(call.version ?? '2023-01-01'),
      ...(call.body !== undefined
        ? { 'content-type': mediaType(call.version ?? '2023-01-01') }
        : {}),
      ...call.headers,
    }
    const auth = call.auth ?? 'digest'
    if (typeof auth === 'object' && 'bearer' in auth) {
      headers.authorization = `Bearer ${auth.bearer}`
    }
    const digest =
      auth === 'digest'
        ? signer
        : typeof auth === 'object' && 'digest' in auth
          ? new DigestSigner(auth.digest[0], auth.digest[1])
          : undefined
    if (digest) {
      const signed = digest.sign(method, fullPath)
      if (signed) headers.authorization = signed
    }
    let response = await send(method, fullPath, headers, call.body)
    if (
      digest &&
      response.status === 401 &&
      digest.accept(String(response.headers['www-authenticate'] ?? ''))
    ) {
      headers.authorization = digest.sign(method, fullPath) ?? ''
      response = await send(method, fullPath, headers, call.body)
    }
    return response
  }

  return {
    url,
    sandbox,
    dataDir,
    atlas,
    control: (method, controlPath, body) =>
      send(
        method,
        `/sandbox${controlPath}`,
        body === undefined ? {} : { 'content-type': 'application/json' },
        body,
      ),
    close: async () => {
      await sandbox.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
