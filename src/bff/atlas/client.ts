import { Pool } from 'undici'
import type { z } from 'zod'

import {
  type AtlasResource,
  atlasApiVersions,
  mediaType,
} from '../../contract/atlas/versions'
import type { AtlasAuth } from '../config'
import { ApiProblem } from '../http/errors'
import { DigestSigner } from './digest'
import { OAuthTokenSource } from './oauth-token'
import {
  type RetryPolicy,
  RETRYABLE_STATUSES,
  defaultRetryPolicy,
  retryDelay,
} from './retry'
import { problemFromUpstream, unreachable } from './upstream-error'
import { ValidatedAnswers } from './validated-answers'

export const ATLAS_API_PREFIX = '/api/atlas/v2'

export type AtlasCall<T extends z.ZodType | undefined = undefined> = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Path after /api/atlas/v2, query string included. */
  path: string
  resource: AtlasResource
  body?: unknown
  /** Parses the success body; a mismatch is a 502, not a crash further on. */
  schema?: T
}

export type AtlasReply<T> = { status: number; body: T }

type RawReply = {
  status: number
  bytes: Buffer
  headers: Record<string, string | string[] | undefined>
}

export type UpstreamObserver = (
  method: string,
  status: number | 'error',
) => void

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The one door to Atlas (or the sandbox, through the same code path): versioned media types,
 * digest or OAuth auth, retried and coalesced reads, writes sent exactly once.
 */
export class AtlasClient {
  private readonly pool: Pool
  private readonly digest: DigestSigner | undefined
  private readonly tokens: OAuthTokenSource | undefined
  private readonly inflight = new Map<string, Promise<RawReply>>()
  private readonly validatedAnswers = new ValidatedAnswers()
  /** Writes sent to Atlas so far (whatever their outcome): what was read before may be stale. */
  writesSent = 0
  /** Atlas's clock minus ours, from its Date headers: rule checks use Atlas's now. */
  private clockOffsetMs = 0

  constructor(
    readonly baseUrl: string,
    auth: AtlasAuth,
    private readonly observe: UpstreamObserver = () => undefined,
    private readonly retryPolicy: RetryPolicy = defaultRetryPolicy,
  ) {
    this.pool = new Pool(baseUrl, {
      connections: 64,
      keepAliveTimeout: 30_000,
      pipelining: 1,
    })
    this.digest =
      auth.kind === 'apiKey'
        ? new DigestSigner(auth.publicKey, auth.privateKey)
        : undefined
    this.tokens =
      auth.kind === 'serviceAccount'
        ? new OAuthTokenSource(this.pool, auth.clientId, auth.clientSecret)
        : undefined
  }

  async request<T extends z.ZodType | undefined = undefined>(
    call: AtlasCall<T>,
  ): Promise<AtlasReply<T extends z.ZodType ? z.infer<T> : unknown>> {
    const method = call.method ?? 'GET'
    const raw =
      method === 'GET'
        ? await this.coalescedRead(call)
        : await this.sendWrite(method, call)
    return { status: raw.status, body: validated(raw, method, call) as never }
  }

  /**
   * A read to pass on as it is: the validated answer as JSON. Callers that shared one upstream
   * call, or got the same bytes as a recent one, share its validation and serialisation.
   */
  async readJson(
    call: AtlasCall<z.ZodType> & { schema: z.ZodType },
  ): Promise<Buffer> {
    const raw = await this.coalescedRead(call)
    if (raw.status < 400) {
      const known = this.validatedAnswers.find(call.schema, raw.bytes)
      if (known) return known
    }
    const json = Buffer.from(JSON.stringify(validated(raw, 'GET', call)))
    this.validatedAnswers.remember(call.schema, raw.bytes, json)
    return json
  }

  /** Now, by the upstream's clock (whole seconds; Date headers carry no more). */
  upstreamNow(): Date {
    return new Date(Date.now() + this.clockOffsetMs)
  }

  async close(): Promise<void> {
    await this.pool.close()
  }

  /** Identical concurrent reads share one upstream call. */
  private coalescedRead(
    call: AtlasCall<z.ZodType | undefined>,
  ): Promise<RawReply> {
    const key = `${call.resource} ${call.path}`
    const existing = this.inflight.get(key)
    if (existing) return existing
    const pending = this.readWithRetries(call).finally(() =>
      this.inflight.delete(key),
    )
    this.inflight.set(key, pending)
    return pending
  }

  private async readWithRetries(
    call: AtlasCall<z.ZodType | undefined>,
  ): Promise<RawReply> {
    for (let attempt = 1; ; attempt++) {
      let reply: RawReply | undefined
      let failure: unknown
      try {
        reply = await this.sendOnce('GET', call)
      } catch (error) {
        if (error instanceof ApiProblem) throw error
        failure = error
      }
      const retryable =
        reply === undefined || RETRYABLE_STATUSES.has(reply.status)
      if (!retryable && reply) return reply
      const retryAfter = reply?.headers['retry-after']
      const delay = retryDelay(
        this.retryPolicy,
        attempt,
        typeof retryAfter === 'string' ? retryAfter : undefined,
      )
      if (delay === undefined) {
        if (reply) return reply
        throw unreachable(failure, false)
      }
      await sleep(delay)
    }
  }

  private async sendWrite(
    method: string,
    call: AtlasCall<z.ZodType | undefined>,
  ): Promise<RawReply> {
    this.writesSent += 1
    try {
      return await this.sendOnce(method, call)
    } finally {
      // Counted again once answered: a read that began while the write ran is stale too.
      this.writesSent += 1
    }
  }

  /** One logical call; the digest or token handshake may add one more round trip. */
  private async sendOnce(
    method: string,
    call: AtlasCall<z.ZodType | undefined>,
  ): Promise<RawReply> {
    const path = `${ATLAS_API_PREFIX}${call.path}`
    const version = atlasApiVersions[call.resource]
    const headers: Record<string, string> = { accept: mediaType(version) }
    const body = call.body === undefined ? undefined : JSON.stringify(call.body)
    if (body !== undefined) headers['content-type'] = mediaType(version)

    let reply = await this.send(method, path, headers, body)
    if (reply.status === 401) {
      // The handshake: a challenge (digest) or an expired token. Atlas did nothing on a 401,
      // so sending again is safe even for a write.
      const challenge = reply.headers['www-authenticate']
      const retry =
        (this.digest &&
          typeof challenge === 'string' &&
          this.digest.accept(challenge)) ||
        (this.tokens !== undefined && (this.tokens.invalidate(), true))
      if (retry) reply = await this.send(method, path, headers, body)
    }
    return reply
  }

  private async send(
    method: string,
    path: string,
    baseHeaders: Record<string, string>,
    body: string | undefined,
  ): Promise<RawReply> {
    const headers = { ...baseHeaders }
    if (this.digest) {
      const signed = this.digest.sign(method, path)
      if (signed) headers.authorization = signed
    } else if (this.tokens) {
      headers.authorization = `Bearer ${await this.tokens.get()}`
    }
    try {
      const res = await this.pool.request({
        method: method,
        path,
        headers,
        ...(body === undefined ? {} : { body }),
        headersTimeout: 30_000,
        bodyTimeout: 30_000,
      })
      const bytes = Buffer.from(await res.body.arrayBuffer())
      this.observe(method, res.statusCode)
      const date = res.headers.date
      if (typeof date === 'string' && !Number.isNaN(Date.parse(date))) {
        // +500 ms: the header is truncated to the second, so aim for its middle.
        this.clockOffsetMs = Date.parse(date) + 500 - Date.now()
      }
      return { status: res.statusCode, bytes, headers: res.headers }
    } catch (error) {
      this.observe(method, 'error')
      if (method !== 'GET') throw unreachable(error, true)
      throw error
    }
  }
}

/** The answer's body parsed with the call's schema; an error status becomes its ApiProblem. */
function validated(
  raw: RawReply,
  method: string,
  call: AtlasCall<z.ZodType | undefined>,
): unknown {
  if (raw.status >= 400) {
    throw problemFromUpstream(raw.status, parseJson(raw.bytes), raw.headers)
  }
  const body = raw.bytes.length === 0 ? undefined : parseJson(raw.bytes)
  if (!call.schema) return body
  const parsed = call.schema.safeParse(body)
  if (parsed.success) return parsed.data
  throw new ApiProblem(
    502,
    'UPSTREAM_CONTRACT_VIOLATION',
    `Atlas's answer to ${method} ${call.path} does not match the documented shape: ${parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.')} ${i.message}`)
      .join('; ')}.`,
  )
}

function parseJson(bytes: Buffer): unknown {
  const text = bytes.toString('utf8')
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
