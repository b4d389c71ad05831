import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { request } from 'undici'

import { type Figure, median, sleep } from './figures'
import { startNode } from './processes'

// Cold start: `node scripts/start.mjs` (what `npm start` runs; the SPA already built) over a
// fresh data directory, from the spawn to the first 200 from /readyz. That includes seeding
// the embedded sandbox and creating the first admin, as a first start does.

const REPEATS = 3

async function readyAfter(url: string, startedAt: number): Promise<number> {
  for (;;) {
    try {
      const res = await request(`${url}/readyz`)
      await res.body.text()
      if (res.statusCode === 200) return performance.now() - startedAt
    } catch {
      // Not listening yet.
    }
    await sleep(10)
  }
}

async function coldStart(distDir: string): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-cold-'))
  const startedAt = performance.now()
  const child = await startNode(
    ['scripts/start.mjs'],
    {
      PORT: '0',
      SANDBOX_PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // Set elsewhere than ./dist, so start.mjs serves this build and never builds.
      STATIC_DIR: distDir,
      ADMIN_PASSWORD: 'bench-admin-password',
      LOG_LEVEL: 'warn',
    },
    /Backup Console is running at (http:\/\/[\d.:]+)/,
    120_000,
  )
  try {
    return await readyAfter(child.match[1] ?? '', startedAt)
  } finally {
    await child.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function coldStartFigures(distDir: string): Promise<Figure[]> {
  const times: number[] = []
  for (let i = 0; i < REPEATS; i++) times.push(await coldStart(distDir))
  return [
    {
      name: 'cold-start.ready',
      value: median(times),
      unit: 'ms',
      note: `spawn of node scripts/start.mjs to the first 200 from /readyz, fresh DATA_DIR, median of ${REPEATS} (${times.map((t) => Math.round(t)).join(', ')})`,
    },
  ]
}
