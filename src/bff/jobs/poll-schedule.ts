// How often one restore job is polled. Jobs change most right after they start, so the first
// minute is polled fast; then the interval grows to a ceiling, and any change resets it.
// Rate limits (A5) and failures back off, doubling to a cap, never sooner than Retry-After.

export type PollIntervals = {
  /** Interval while the job has changed recently. */
  fastMs: number
  /** How long after a change (or the start) the fast interval holds. */
  fastForMs: number
  /** The ceiling the interval grows to while nothing changes. */
  slowMs: number
  /** Factor the interval grows by at each unchanged poll after the fast period. */
  growth: number
  /** First delay after a failure with no Retry-After. */
  errorBaseMs: number
  /** No failure backoff waits longer than this (unless Atlas's Retry-After says so). */
  backoffCapMs: number
  /** Backoffs are spread by up to this fraction, so pollers do not retry in step. */
  jitter: number
}

export const defaultPollIntervals: PollIntervals = {
  fastMs: 2_000,
  fastForMs: 60_000,
  slowMs: 10_000,
  growth: 1.5,
  errorBaseMs: 2_000,
  backoffCapMs: 60_000,
  jitter: 0.2,
}

export type PollOutcome =
  | { kind: 'ok'; changed: boolean }
  | { kind: 'rateLimited'; retryAfterMs: number | undefined }
  | { kind: 'failed' }

export class PollSchedule {
  private intervalMs: number
  private lastChangeAt: number
  private failures = 0

  constructor(
    private readonly intervals: PollIntervals,
    startedAt: number,
    private readonly random: () => number = Math.random,
  ) {
    this.intervalMs = intervals.fastMs
    this.lastChangeAt = startedAt
  }

  /** The delay before the next poll, given how this one went. */
  next(outcome: PollOutcome, now: number): number {
    const iv = this.intervals
    if (outcome.kind === 'ok') {
      this.failures = 0
      if (outcome.changed) this.lastChangeAt = now
      this.intervalMs =
        now - this.lastChangeAt < iv.fastForMs
          ? iv.fastMs
          : Math.min(
              iv.slowMs,
              Math.max(this.intervalMs, iv.fastMs) * iv.growth,
            )
      return this.intervalMs
    }
    this.failures += 1
    const base =
      outcome.kind === 'rateLimited' && outcome.retryAfterMs !== undefined
        ? outcome.retryAfterMs
        : Math.max(iv.errorBaseMs, this.intervalMs)
    const doubled = Math.min(iv.backoffCapMs, base * 2 ** (this.failures - 1))
    const jittered = doubled * (1 + this.random() * iv.jitter)
    const floor =
      outcome.kind === 'rateLimited' ? (outcome.retryAfterMs ?? 0) : 0
    return Math.round(Math.max(floor, Math.min(iv.backoffCapMs, jittered)))
  }
}

/** Retry-After in ms from an ApiProblem's headers (seconds, or an HTTP date). */
export function retryAfterMs(
  headers: Record<string, string>,
  now: number,
): number | undefined {
  const value = headers['Retry-After'] ?? headers['retry-after']
  if (value === undefined) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}
