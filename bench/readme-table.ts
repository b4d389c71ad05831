// Prints bench/results.json as the README's Benchmarks table: `npx tsx bench/readme-table.ts`.
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { type Figure, round } from './figures'

const file = path.join(import.meta.dirname, 'results.json')
const results = JSON.parse(readFileSync(file, 'utf8')) as {
  date: string
  machine: string
  seconds: number
  figures: Figure[]
}

const cell = (text: string) => text.replaceAll('|', '\\|')
console.log(`Measured ${results.date.slice(0, 10)} on ${results.machine}.\n`)
console.log('| Figure | Value | Target | Ratio | |')
console.log('| --- | --: | --- | --: | --- |')
for (const f of results.figures) {
  const mark = f.met === undefined ? '' : f.met ? 'met' : '**missed**'
  console.log(
    `| \`${f.name}\` | ${round(f.value)} ${f.unit} | ${cell(f.target ?? '')} | ${
      f.ratio === undefined ? '' : f.ratio.toFixed(2)
    } | ${mark} |`,
  )
}
