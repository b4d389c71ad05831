import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'

import {
  type JobRef,
  type LiveJob,
  jobKeyOf,
} from '../../contract/bff/job-events'
import { isTerminalState } from '../../contract/rules/restore-job-state'
import type { AtlasClient } from '../atlas/client'
import type { BffDb } from '../db/db'
import {
  findWatchedJob,
  listWatchedJobs,
  recordWatchedJob,
  updateWatchedJob,
} from '../db/watch-repo'
import { ApiProblem } from '../http/errors'
import type { Metrics } from '../http/metrics'
import { applyPoll } from './apply-poll'
import { JobPoller, type PollResult } from './job-poller'
import { fetchJob, jobStateOf, parseJobDoc } from './job-source'
import {
  defaultStreamOptions,
  JobStreams,
  type ResponseHeaders,
  type StreamOptions,
  sseFrame,
} from './job-streams'
import {
  type LiveJobData,
  iso,
  liveJobFromRow,
  newestFirst,
  objectIdMillis,
  toLiveJob,
} from './live-job'
import { defaultPollIntervals, type PollIntervals } from './poll-schedule'

export type JobHubOptions = {
  intervals?: Partial<PollIntervals>
  streams?: Partial<StreamOptions>
  /** How many finished jobs a stream without a job filter starts with, newest first. */
  recentFinished?: number
}

export type JobHubDeps = {
  db: BffDb
  atlas: AtlasClient
  metrics: Metrics
  now: () => number
}

export type StreamRequest = {
  job: JobRef | undefined
  lastEventId: string | undefined
  expiresAt: number
}

type Entry = { job: LiveJobData; seq: number; poller: JobPoller | undefined }

/**
 * Live restore jobs: one poller per unfinished job however many browsers watch it, their
 * states (R10) kept here and in watched_jobs, and every change pushed to the event streams.
 */
export class JobHub {
  readonly intervals: PollIntervals
  private readonly entries = new Map<string, Entry>()
  private readonly streams: JobStreams
  private readonly recentFinished: number
  // Event ids are `${bootId}.${seq}`: a Last-Event-ID from an earlier process means "resend all".
  private readonly bootId = randomBytes(4).toString('hex')
  private seq = 0
  private stopped = false

  constructor(
    private readonly deps: JobHubDeps,
    options: JobHubOptions = {},
  ) {
    this.intervals = { ...defaultPollIntervals, ...options.intervals }
    this.streams = new JobStreams(deps.metrics, deps.now, {
      ...defaultStreamOptions,
      ...options.streams,
    })
    this.recentFinished = options.recentFinished ?? 200
  }

  /** Loads every watched job and resumes polling the unfinished ones (after a restart too). */
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

  /** Ends every poller and event stream; answers that arrive later are dropped. */
  stop(): void {
    this.stopped = true
    for (const entry of this.entries.values()) entry.poller?.stop()
    this.streams.closeAll()
  }

  /** Watches a job recorded in watched_jobs; `doc`, if given, is its document from Atlas. */
  watch(ref: JobRef, doc?: unknown): void {
    const key = jobKeyOf(ref)
    if (this.stopped || this.entries.has(key)) return
    const now = this.deps.now()
    let row = findWatchedJob(
      this.deps.db,
      ref.kind,
      ref.groupId,
      ref.clusterName,
      ref.jobId,
    )
    if (!row) {
      recordWatchedJob(this.deps.db, {
        ...ref,
        createdAt: now,
        createdBy: null,
      })
      row = findWatchedJob(
        this.deps.db,
        ref.kind,
        ref.groupId,
        ref.clusterName,
        ref.jobId,
      )
    }
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
    // A fresh document needs no second look at once.
    if (!row.finished && !isTerminalState(entry.job.state))
      this.poll(entry, seeded ? this.intervals.fastMs : 0)
    this.publish(key, entry)
  }

  /**
   * Watches a job a browser asks for, which may have been started outside the console or
   * before it kept records: Atlas is asked first, so only real jobs get a poller.
   */
  async ensureWatched(ref: JobRef): Promise<void> {
    if (this.entries.has(jobKeyOf(ref))) return
    let doc: unknown
    try {
      doc = (await fetchJob(this.deps.atlas, ref)).doc
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 404) {
        throw new ApiProblem(
          404,
          'RESTORE_JOB_NOT_FOUND',
          `Atlas knows no restore job ${ref.jobId} of ${ref.clusterName} in project ${ref.groupId}.`,
          [{ field: 'job', description: 'no such restore job' }],
        )
      }
      throw error
    }
    // Atlas keeps no creation time (R10); its ObjectId does, by Atlas's clock.
    const skew = this.deps.atlas.upstreamNow().getTime() - Date.now()
    const createdAt = Math.min(
      this.deps.now(),
      objectIdMillis(ref.jobId) - skew,
    )
    recordWatchedJob(this.deps.db, { ...ref, createdAt, createdBy: null })
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

  /** Takes over a hijacked response: the states due now, then every change as it happens. */
  stream(
    raw: ServerResponse,
    headers: ResponseHeaders,
    request: StreamRequest,
  ): void {
    const key = request.job ? jobKeyOf(request.job) : undefined
    const since = this.seqOf(request.lastEventId)
    let due = key
      ? [this.entries.get(key)].filter((e) => e !== undefined)
      : this.recent()
    if (since !== undefined) due = due.filter((e) => e.seq > since)
    const frames = due.map((e) =>
      sseFrame({ type: 'job', job: toLiveJob(e.job) }),
    )
    // The id of the whole burst: the browser is now up to date as of this sequence number.
    const at = iso(this.deps.now())
    frames.push(
      sseFrame(
        { type: 'ready', at, jobs: due.length },
        `${this.bootId}.${this.seq}`,
      ),
    )
    this.streams.open(
      raw,
      headers,
      { jobKey: key, expiresAt: request.expiresAt },
      frames,
    )
  }

  private recent(): Entry[] {
    const sorted = [...this.entries.values()].sort((a, b) =>
      newestFirst(a.job, b.job),
    )
    let finished = 0
    return sorted.filter(
      (e) => e.job.watching || finished++ < this.recentFinished,
    )
  }

  private seqOf(lastEventId: string | undefined): number | undefined {
    const [boot, seq] = (lastEventId ?? '').split('.')
    const n = Number(seq)
    return boot === this.bootId && Number.isInteger(n) && n <= this.seq
      ? n
      : undefined
  }

  private poll(entry: Entry, delayMs: number): void {
    const { job } = entry
    const ref = {
      kind: job.kind,
      groupId: job.groupId,
      clusterName: job.clusterName,
      jobId: job.jobId,
    }
    const poller = new JobPoller(
      ref,
      {
        atlas: this.deps.atlas,
        now: this.deps.now,
        intervals: this.intervals,
        report: (_ref, result) => this.report(entry, result),
      },
      () => {
        this.deps.metrics.activePollers -= 1
      },
    )
    entry.poller = poller
    job.watching = true
    this.deps.metrics.activePollers += 1
    poller.start(delayMs)
  }

  private report(entry: Entry, result: PollResult) {
    const effect = applyPoll(entry.job, result, this.deps.now())
    if (effect.persist) this.persist(entry, effect.done)
    if (effect.publish) this.publish(jobKeyOf(entry.job), entry)
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

  private publish(key: string, entry: Entry): void {
    this.seq += 1
    entry.seq = this.seq
    const frame = sseFrame(
      { type: 'job', job: toLiveJob(entry.job) },
      `${this.bootId}.${this.seq}`,
    )
    this.streams.publish(key, frame)
  }
}
