// `npm run bench`: prints one line per figure (name value unit, target, ratio) and writes
// bench/results.json. Timings are never asserted: these machines are shared and noisy.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { measureBundle } from './bundle-size'

type Figure = {
  name: string
  value: number
  unit: string
  target?: string
  ratio?: number
}

const root = path.resolve(import.meta.dirname, '..')

function buildSpa(): void {
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
    { cwd: root, stdio: 'ignore' },
  )
  if (result.status !== 0) throw new Error('vite build failed')
}

function printFigure(f: Figure): void {
  const extra = [
    f.target ? `target ${f.target}` : '',
    f.ratio !== undefined ? `ratio ${f.ratio.toFixed(2)}` : '',
  ]
    .filter(Boolean)
    .join('  ')
  console.log(`${f.name} ${f.value} ${f.unit}${extra ? `  (${extra})` : ''}`)
}

buildSpa()
const bundle = measureBundle(path.join(root, 'dist'))
const allRoutesTarget = 260 * 1024
const figures: Figure[] = [
  {
    name: 'bundle.initial.gzip',
    value: bundle.initialGzipBytes,
    unit: 'bytes',
  },
  {
    name: 'bundle.all-routes.gzip',
    value: bundle.allRoutesGzipBytes,
    unit: 'bytes',
    target: `<= ${allRoutesTarget} bytes`,
    ratio: bundle.allRoutesGzipBytes / allRoutesTarget,
  },
]

figures.forEach(printFigure)
writeFileSync(
  path.join(root, 'bench', 'results.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
      figures,
    },
    null,
    2,
  )}\n`,
)
