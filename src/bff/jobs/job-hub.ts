import type { ServerResponse } from 'node:http'

import {
  type JobRef,
  type LiveJob,
  jobKeyOf,
} from '../../contract/bff/job-events'
import { isTerminalState } from '../../contract/rules/restore-job-state'
import type { AtlasClient } from '../atlas/client'
import type { BffDb } from '../db/db'
import { listWatchedJobs, updateWatchedJob } from '../db/watch-repo'
import type { Metrics } from '../http/metrics'
import { applyPoll } from './apply-poll'
import { discoverJob, watchedRow } from './job-discovery'
import {
  type FeedEntry,
  type FeedOptions,
  JobFeed,
  type StreamRequest,
} from './job-feed'
import { JobPoller, type PollResult } from './job-poller'
import { jobStateOf, parseJobDoc } from './job-source'
import type { ResponseHeaders } from './job-streams'
import { iso, liveJobFromRow, newestFirst, toLiveJob } from './live-job'
import { defaultPollIntervals, type PollIntervals } from './poll-schedule'

export type JobHubOptions = FeedOptions & { intervals?: Partial<PollIntervals> }

export type JobHubDeps = {
  db: BffDb
  atlas: AtlasClient
  metrics: Metrics
  now: () => number
}

type Entry = FeedEntry & { poller: JobPoller | undefined }

/**
 * Live restore jobs: one poller per unfinished job however many browsers watch it, states
 * derived by R10, kept here and in watched_jobs (so a restart resumes), every change fed to
 * the event streams.
 */
export class JobHub {
  readonly intervals: PollIntervals
  private readonly entries = new Map<string, Entry>()
  private readonly feed: JobFeed
  private stopped = false

  constructor(
    private readonly deps: JobHubDeps,
    options: JobHubOptions = {},
  ) {
    this.intervals = { ...defaultPollIntervals, ...options.intervals }
    this.feed = new JobFeed(deps.metrics, deps.now, options)
  }

  /** Loads every watched job and resumes polling the unfinished ones. */
  start(): void {
    for (const row of listWatchedJobs(this.deps.db, false)) {
      const entry: Entry = {
        job: liveJobFromRow(row),
        seq: 0,
        poller: undefined,
      }
      this.entries.set(jobKeyOf(row), entry)
      if (!row.finished) this.poll(entry, 0)
    }
  }

  /** Ends every poller and event stream; answers still on their way are dropped. */
  stop(): void {
    this.stopped = true
    for (const entry of this.entries.values()) entry.poller?.stop()
    this.feed.closeAll()
  }

  /** Watches a job (restore creation calls this); `doc` is its document from Atlas, if known. */
  watch(ref: JobRef, doc?: unknown): void {
    const key = jobKeyOf(ref)
    if (this.stopped || this.entries.has(key)) return
    const now = this.deps.now()
    const row = watchedRow(this.deps.db, ref, now)
    if (!row) return
    const entry: Entry = { job: liveJobFromRow(row), seq: 0, poller: undefined }
    this.entries.set(key, entry)
    const seeded = doc === undefined ? undefined : parseJobDoc(ref.kind, doc)
    if (seeded) {
      const state = jobStateOf(ref.kind, seeded, this.deps.atlas.upstreamNow())
      Object.assign(entry.job, {
        doc: seeded,
        state,
        updatedAt: iso(now),
        checkedAt: iso(now),
      })
      this.persist(entry, isTerminalState(state))
    }
    // A document fresh from Atlas needs no second look at once.
    if (!row.finished && !isTerminalState(entry.job.state))
      this.poll(entry, seeded ? this.intervals.fastMs : 0)
    this.feed.publish(entry)
  }

  /** Watches a job a browser asks for; Atlas is asked first, so only real jobs get a poller. */
  async ensureWatched(ref: JobRef): Promise<void> {
    if (this.entries.has(jobKeyOf(ref))) return
    const doc = await discoverJob(
      this.deps.atlas,
      this.deps.db,
      ref,
      this.deps.now(),
    )
    this.watch(ref, doc)
  }

  /** Every watched job, newest first. */
  list(): LiveJob[] {
    return [...this.entries.values()]
      .map((e) => e.job)
      .sort(newestFirst)
      .map(toLiveJob)
  }

  /** Polls made for one job since this process started (fan-out figures, tests). */
  pollCount(ref: JobRef): number {
    return this.entries.get(jobKeyOf(ref))?.poller?.polls ?? 0
  }

  /** Takes over a hijacked response for GET /api/events. */
  stream(
    raw: ServerResponse,
    headers: ResponseHeaders,
    request: StreamRequest,
  ): void {
    this.feed.open(raw, headers, request, this.entries)
  }

  private poll(entry: Entry, delayMs: number): void {
    const { kind, groupId, clusterName, jobId } = entry.job
    const host = {
      atlas: this.deps.atlas,
      now: this.deps.now,
      intervals: this.intervals,
      report: (_ref: JobRef, result: PollResult) => this.report(entry, result),
    }
    const done = () => {
      this.deps.metrics.activePollers -= 1
    }
    entry.poller = new JobPoller(
      { kind, groupId, clusterName, jobId },
      host,
      done,
    )
    entry.job.watching = true
    this.deps.metrics.activePollers += 1
    entry.poller.start(delayMs)
  }

  private report(entry: Entry, result: PollResult) {
    const effect = applyPoll(entry.job, result, this.deps.now())
    if (effect.persist) this.persist(entry, effect.done)
    if (effect.publish) this.feed.publish(entry)
    return effect
  }

  private persist(entry: Entry, finished: boolean): void {
    const { job } = entry
    updateWatchedJob(this.deps.db, {
      ...job,
      lastState: job.state,
      lastDoc: job.doc,
      finished,
    })
  }
}
