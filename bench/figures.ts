// One figure per printed line: `name value unit  (target …  ratio …)`. Timings are never
// asserted: these machines are shared and noisy, so ratios are measured side by side in one run
// and timings are medians over repeats.

export type Figure = {
  name: string
  value: number
  unit: string
  /** Human-readable target, e.g. "<= 1.15 x floor". */
  target?: string
  /** value / the reference the target compares it with (floor, budget, first run). */
  ratio?: number
  /** Whether the ratio (or value) meets the target; undefined when there is none. */
  met?: boolean
  note?: string
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** Rounds for display and for results.json: whole numbers above 100, else 2 decimals. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value
  return Math.abs(value) >= 100
    ? Math.round(value)
    : Math.round(value * 100) / 100
}

export function formatFigure(f: Figure): string {
  const extra = [
    f.target ? `target ${f.target}` : '',
    f.ratio !== undefined ? `ratio ${f.ratio.toFixed(2)}` : '',
    f.met === undefined ? '' : f.met ? 'ok' : 'MISSED',
  ]
    .filter(Boolean)
    .join('  ')
  const note = f.note ? `  # ${f.note}` : ''
  return `${f.name} ${round(f.value)} ${f.unit}${extra ? `  (${extra})` : ''}${note}`
}

export const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms))
