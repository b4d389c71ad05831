import type { JobRef } from '../../contract/bff/job-events'
import type { AtlasClient } from '../atlas/client'
import { ApiProblem } from '../http/errors'
import { type FetchedJob, fetchJob } from './job-source'
import {
  type PollIntervals,
  type PollOutcome,
  PollSchedule,
  retryAfterMs,
} from './poll-schedule'

export type PollResult =
  { ok: true; fetched: FetchedJob } | { ok: false; problem: ApiProblem }

/** What the poller's owner does with each answer: whether it changed, whether to go on. */
export type PollVerdict = { changed: boolean; done: boolean }

export type PollerHost = {
  atlas: AtlasClient
  now: () => number
  intervals: PollIntervals
  report: (ref: JobRef, result: PollResult) => PollVerdict
}

function asProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error
  return new ApiProblem(
    502,
    'UPSTREAM_UNREACHABLE',
    `Atlas could not be reached (${error instanceof Error ? error.message : String(error)}).`,
  )
}

/**
 * Polls one restore job until it finishes, on its own adaptive schedule. There is one per
 * job, never one per browser: browsers hear about changes from the hub.
 */
export class JobPoller {
  /** Polls started, for the fan-out figures (one upstream read each). */
  polls = 0
  private timer: NodeJS.Timeout | undefined
  private stopped = false
  private readonly schedule: PollSchedule

  constructor(
    readonly ref: JobRef,
    private readonly host: PollerHost,
    private readonly onDone: () => void,
  ) {
    this.schedule = new PollSchedule(host.intervals, host.now())
  }

  get active(): boolean {
    return !this.stopped
  }

  start(delayMs = 0): void {
    this.plan(delayMs)
  }

  stop(): void {
    if (this.stopped) return
    this.stopped = true
    clearTimeout(this.timer)
    this.onDone()
  }

  private plan(delayMs: number): void {
    if (this.stopped) return
    this.timer = setTimeout(() => void this.tick(), delayMs)
  }

  private async tick(): Promise<void> {
    if (this.stopped) return
    this.polls += 1
    let result: PollResult
    try {
      result = { ok: true, fetched: await fetchJob(this.host.atlas, this.ref) }
    } catch (error) {
      result = { ok: false, problem: asProblem(error) }
    }
    // Stopped while the answer was on its way (shutdown): the database may be closed.
    if (this.stopped) return
    let verdict: PollVerdict
    try {
      verdict = this.host.report(this.ref, result)
    } catch {
      // The owner could not record the answer (say, a busy database): try again later.
      verdict = { changed: false, done: false }
      result = { ok: false, problem: asProblem(new Error('not recorded')) }
    }
    if (verdict.done) {
      this.stop()
      return
    }
    const now = this.host.now()
    const outcome: PollOutcome = result.ok
      ? { kind: 'ok', changed: verdict.changed }
      : result.problem.status === 429
        ? {
            kind: 'rateLimited',
            retryAfterMs: retryAfterMs(result.problem.headers, now),
          }
        : { kind: 'failed' }
    this.plan(this.schedule.next(outcome, now))
  }
}
