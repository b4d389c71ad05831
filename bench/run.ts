// `npm run bench`: prints one line per figure (name value unit, target, ratio) and writes
// bench/results.json. Timings are never asserted: these machines are shared and noisy, so
// ratios are measured side by side in one run and timings are medians over repeats.
// `npm run bench -- read lists` runs only those families (bundle, read, economy, lists, cold).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { bigListFigures } from './big-lists'
import { buildSpa, bundleFigures } from './bundle'
import { coldStartFigures } from './cold-start'
import { economyFigures } from './economy'
import { type Figure, formatFigure, round } from './figures'
import { ROOT } from './processes'
import { readPathFigures } from './read-path'

const families = ['bundle', 'read', 'economy', 'lists', 'cold'] as const
type Family = (typeof families)[number]

const asked = process.argv
  .slice(2)
  .filter((a): a is Family => (families as readonly string[]).includes(a))
const chosen = new Set<Family>(asked.length > 0 ? asked : families)

function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU'
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`
}

async function main(): Promise<void> {
  const started = performance.now()
  const figures: Figure[] = []
  const add = (more: Figure[]) => {
    for (const f of more) console.log(formatFigure(f))
    figures.push(...more)
  }
  const needsSpa =
    chosen.has('bundle') || chosen.has('lists') || chosen.has('cold')
  // Our own build directory: ./dist belongs to whoever else runs the product here.
  const distDir = needsSpa ? await buildSpa(ROOT) : ''
  try {
    if (chosen.has('bundle')) add(await bundleFigures(ROOT, distDir))
    if (chosen.has('read')) add(await readPathFigures())
    if (chosen.has('economy')) add(await economyFigures())
    if (chosen.has('lists')) add(await bigListFigures(distDir))
    if (chosen.has('cold')) add(await coldStartFigures(distDir))
  } finally {
    if (distDir) rmSync(distDir, { recursive: true, force: true })
  }
  const seconds = Math.round((performance.now() - started) / 1000)
  console.log(`(${figures.length} figures in ${seconds} s on ${machine()})`)
  const file = path.join(ROOT, 'bench', 'results.json')
  // A partial run keeps the other families' figures from the last run.
  const kept =
    chosen.size < families.length && existsSync(file)
      ? (
          JSON.parse(readFileSync(file, 'utf8')) as { figures: Figure[] }
        ).figures.filter((old) => !figures.some((f) => f.name === old.name))
      : []
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: machine(),
        seconds,
        figures: [
          ...kept,
          ...figures.map((f) => ({
            ...f,
            value: round(f.value),
            ...(f.ratio === undefined ? {} : { ratio: round(f.ratio) }),
          })),
        ],
      },
      null,
      2,
    )}\n`,
  )
}

main().then(
  // Servers and the browser are closed; anything left (a keep-alive socket) must not hold us.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
