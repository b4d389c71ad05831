import type { ServerResponse } from 'node:http'

import type { JobEvent } from '../../contract/bff/job-events'
import type { Metrics } from '../http/metrics'
import { iso } from './live-job'

export type StreamOptions = {
  /** One shared timer beats every stream, however many there are. */
  heartbeatMs: number
  /** A browser that lets this much pile up unread is cut off; it reconnects and catches up. */
  maxBufferedBytes: number
}

export const defaultStreamOptions: StreamOptions = {
  heartbeatMs: 15_000,
  maxBufferedBytes: 1024 * 1024,
}

export type ResponseHeaders = Record<
  string,
  string | number | string[] | undefined
>

type Client = {
  raw: ServerResponse
  /** Only this job's events, or every job's when undefined. */
  jobKey: string | undefined
  /** The session's end: the stream ends with it. */
  expiresAt: number
}

/** One Server-Sent Event; `id` lets the browser say where it left off (Last-Event-ID). */
export function sseFrame(event: JobEvent, id?: string): string {
  const idLine = id === undefined ? '' : `id: ${id}\n`
  return `${idLine}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`
}

/** The open event streams. Each event is serialised once and written to every stream. */
export class JobStreams {
  private readonly clients = new Set<Client>()
  private heartbeat: NodeJS.Timeout | undefined

  constructor(
    private readonly metrics: Metrics,
    private readonly now: () => number,
    private readonly options: StreamOptions,
  ) {}

  get size(): number {
    return this.clients.size
  }

  /** Takes over a hijacked response: headers, the frames due at connection, then live ones. */
  open(
    raw: ServerResponse,
    headers: ResponseHeaders,
    client: { jobKey: string | undefined; expiresAt: number },
    initial: string[],
  ): void {
    // The headers the app's hooks set (request id, security headers) go out as well.
    for (const [name, value] of Object.entries(headers))
      if (value !== undefined) raw.setHeader(name, value)
    raw.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      // Tells nginx and the like not to hold events back in a buffer.
      'x-accel-buffering': 'no',
      // The socket closes with the stream, so a graceful shutdown need not wait out keep-alive.
      connection: 'close',
    })
    raw.socket?.setNoDelay(true)
    const entry: Client = { raw, ...client }
    this.clients.add(entry)
    this.metrics.sseClients += 1
    raw.on('close', () => this.drop(entry))
    raw.write(`retry: 3000\n\n${initial.join('')}`)
    this.heartbeat ??= setInterval(() => this.beat(), this.options.heartbeatMs)
    this.heartbeat.unref()
  }

  publish(jobKey: string, frame: string): void {
    for (const client of this.clients) {
      if (client.jobKey === undefined || client.jobKey === jobKey)
        this.write(client, frame)
    }
  }

  closeAll(): void {
    for (const client of this.clients) this.end(client)
  }

  private write(client: Client, text: string): void {
    if (client.raw.writableLength > this.options.maxBufferedBytes) {
      this.end(client)
      return
    }
    client.raw.write(text)
  }

  private end(client: Client): void {
    client.raw.end()
    this.drop(client)
  }

  private drop(client: Client): void {
    if (!this.clients.delete(client)) return
    this.metrics.sseClients -= 1
    if (this.clients.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat)
      this.heartbeat = undefined
    }
  }

  private beat(): void {
    const now = this.now()
    const frame = sseFrame({ type: 'heartbeat', at: iso(now) })
    for (const client of this.clients) {
      if (client.expiresAt <= now) this.end(client)
      else this.write(client, frame)
    }
  }
}
