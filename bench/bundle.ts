import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from 'vite'

import { buildFloor } from './bundle-floor'
import { measureBundle } from './bundle-size'
import type { Figure } from './figures'

const ALL_ROUTES_BUDGET = 260 * 1024
const FLOOR_RATIO_TARGET = 1.15

/**
 * Builds the SPA into a directory of our own (several people share this machine: ./dist is
 * left alone) and returns it, for the bundle figures and for the pages the browser figures load.
 */
export async function buildSpa(root: string): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'bench-dist-'))
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    root,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  })
  return outDir
}

export async function bundleFigures(
  root: string,
  distDir: string,
): Promise<Figure[]> {
  const floorDir = mkdtempSync(path.join(tmpdir(), 'bench-floor-dist-'))
  await buildFloor(root, floorDir)
  const app = measureBundle(distDir)
  const floor = measureBundle(floorDir)
  const ratio = app.initialGzipBytes / floor.initialGzipBytes
  return [
    {
      name: 'bundle.initial.gzip',
      value: app.initialGzipBytes,
      unit: 'bytes',
      target: `<= ${FLOOR_RATIO_TARGET} x floor`,
      ratio,
      met: ratio <= FLOOR_RATIO_TARGET,
    },
    {
      name: 'bundle.floor.gzip',
      value: floor.initialGzipBytes,
      unit: 'bytes',
      note: 'react, react-dom, react-router, react-query, zod: a minimal app',
    },
    {
      name: 'bundle.all-routes.gzip',
      value: app.allRoutesGzipBytes,
      unit: 'bytes',
      target: `<= ${ALL_ROUTES_BUDGET} bytes`,
      ratio: app.allRoutesGzipBytes / ALL_ROUTES_BUDGET,
      met: app.allRoutesGzipBytes <= ALL_ROUTES_BUDGET,
    },
  ]
}
