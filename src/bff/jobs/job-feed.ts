import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'

import { type JobRef, jobKeyOf } from '../../contract/bff/job-events'
import type { Metrics } from '../http/metrics'
import {
  defaultStreamOptions,
  JobStreams,
  type ResponseHeaders,
  type StreamOptions,
  sseFrame,
} from './job-streams'
import { type LiveJobData, iso, newestFirst, toLiveJob } from './live-job'

/** A job as the feed knows it: its state and the number of its latest event. */
export type FeedEntry = { job: LiveJobData; seq: number }

export type StreamRequest = {
  job: JobRef | undefined
  lastEventId: string | undefined
  expiresAt: number
}

export type FeedOptions = {
  streams?: Partial<StreamOptions>
  /** How many finished jobs a stream without a job filter starts with, newest first. */
  recentFinished?: number
}

/**
 * Numbers every job event and hands it to the open streams. Event ids are `${bootId}.${seq}`,
 * so a browser reconnecting with a Last-Event-ID of this process gets only what it missed,
 * and one from an earlier process (or none) gets every current state.
 */
export class JobFeed {
  private readonly streams: JobStreams
  private readonly recentFinished: number
  private readonly bootId = randomBytes(4).toString('hex')
  private seq = 0

  constructor(
    metrics: Metrics,
    private readonly now: () => number,
    options: FeedOptions = {},
  ) {
    this.streams = new JobStreams(metrics, now, {
      ...defaultStreamOptions,
      ...options.streams,
    })
    this.recentFinished = options.recentFinished ?? 200
  }

  publish(entry: FeedEntry): void {
    this.seq += 1
    entry.seq = this.seq
    const frame = sseFrame(
      { type: 'job', job: toLiveJob(entry.job) },
      `${this.bootId}.${this.seq}`,
    )
    this.streams.publish(jobKeyOf(entry.job), frame)
  }

  /** Takes over a hijacked response: the states due now, then every change as it happens. */
  open(
    raw: ServerResponse,
    headers: ResponseHeaders,
    request: StreamRequest,
    entries: Map<string, FeedEntry>,
  ): void {
    const key = request.job ? jobKeyOf(request.job) : undefined
    const since = this.seqOf(request.lastEventId)
    let due = key
      ? [entries.get(key)].filter((e) => e !== undefined)
      : this.recent(entries)
    if (since !== undefined) due = due.filter((e) => e.seq > since)
    const frames = due.map((e) =>
      sseFrame({ type: 'job', job: toLiveJob(e.job) }),
    )
    // The burst's id: once it is read, the browser is up to date as of this number.
    frames.push(
      sseFrame(
        { type: 'ready', at: iso(this.now()), jobs: due.length },
        `${this.bootId}.${this.seq}`,
      ),
    )
    const client = { jobKey: key, expiresAt: request.expiresAt }
    this.streams.open(raw, headers, client, frames)
  }

  closeAll(): void {
    this.streams.closeAll()
  }

  /** Every job still watched, and the newest of the finished ones. */
  private recent(entries: Map<string, FeedEntry>): FeedEntry[] {
    const sorted = [...entries.values()].sort((a, b) =>
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
}
