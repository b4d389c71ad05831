import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { DEFAULT_SANDBOX_CREDENTIALS } from '../src/sandbox/config'
import { type Child, startNode } from './processes'

// The processes behind the read-path figures: an upstream (the sandbox, or a canned answer),
// and in front of it the BFF (`npm start`'s built server with the upstream as its Atlas)
// and the floor proxy. Each is a process of its own.

export const BFF_PASSWORD = 'bench-admin-password'
const keys = {
  ATLAS_PUBLIC_KEY: DEFAULT_SANDBOX_CREDENTIALS.publicKey,
  ATLAS_PRIVATE_KEY: DEFAULT_SANDBOX_CREDENTIALS.privateKey,
}

export type Proxies = {
  bff: Child
  floor: Child
  bffUrl: string
  floorUrl: string
}

export async function startProxies(
  upstreamUrl: string,
  dataDir: string,
): Promise<Proxies> {
  // LOG_LEVEL=warn: per-request info lines would measure the log pipe, not the read path.
  const bff = await startNode(
    ['scripts/start.mjs'],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: path.join(dataDir, 'no-spa'),
      LOG_LEVEL: 'warn',
      ATLAS_BASE_URL: upstreamUrl,
      ADMIN_PASSWORD: BFF_PASSWORD,
      ...keys,
    },
    /Backup Console is running at (http:\/\/[\d.:]+)/,
  )
  const floor = await startNode(
    ['--import', 'tsx', 'bench/floor-proxy.ts'],
    { UPSTREAM_URL: upstreamUrl, PORT: '0', ...keys },
    /floor proxy listening at (http:\/\/[\d.:]+)/,
  )
  return {
    bff,
    floor,
    bffUrl: bff.match[1] ?? '',
    floorUrl: floor.match[1] ?? '',
  }
}

export async function stopProxies(proxies: Proxies): Promise<void> {
  await Promise.all([proxies.bff.stop(), proxies.floor.stop()])
}

/** The sandbox as its own process; its rate limiter lifted, or a flood would be 429s. */
export async function startSandboxProcess(
  dataDir: string,
): Promise<{ child: Child; url: string }> {
  const child = await startNode(
    ['--import', 'tsx', 'src/sandbox/server.ts'],
    {
      DATA_DIR: dataDir,
      SANDBOX_PORT: '0',
      SANDBOX_RATE_CAPACITY: '1000000000',
      SANDBOX_RATE_REFILL_PER_MINUTE: '1000000000',
      SANDBOX_LOG_LEVEL: 'warn',
    },
    /Atlas sandbox listening at (http:\/\/[\d.:]+)\/api/,
  )
  return { child, url: child.match[1] ?? '' }
}

/** An upstream answering every GET with `body`. */
export async function startCannedUpstream(
  dataDir: string,
  body: string,
): Promise<{ child: Child; url: string }> {
  const file = path.join(dataDir, 'canned.json')
  writeFileSync(file, body)
  const child = await startNode(
    ['--import', 'tsx', 'bench/canned-upstream.ts'],
    { BODY_FILE: file },
    /canned upstream listening at (http:\/\/[\d.:]+)/,
  )
  return { child, url: child.match[1] ?? '' }
}

/** Temporary directories, removed together. */
export function tempDirs(prefix: string, names: readonly string[]) {
  const dirs = names.map((name) =>
    mkdtempSync(path.join(tmpdir(), `${prefix}-${name}-`)),
  )
  return {
    dirs,
    remove: () => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
    },
  }
}
