import { AtlasError } from './api-error'

// A5: a token bucket per (endpoint set, project). Each request takes one token; tokens refill
// continuously up to the capacity. Real time, not the sandbox clock: advancing simulated days
// must not refill a client's bucket.
type Bucket = { tokens: number; updatedAt: number }

export type RateLimitDecision = { limit: number; remaining: number }

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    private capacity: number,
    private refillPerMinute: number,
  ) {}

  configure(capacity: number, refillPerMinute: number): void {
    this.capacity = capacity
    this.refillPerMinute = refillPerMinute
    this.buckets.clear()
  }

  /** Every bucket full again (a reset of the sandbox). */
  refill(): void {
    this.buckets.clear()
  }

  /** Takes a token or throws the 429 Atlas sends. */
  take(
    endpointSet: string,
    scope: string,
    nowMs: number = Date.now(),
  ): RateLimitDecision {
    const key = `${endpointSet}|${scope}`
    const bucket = this.buckets.get(key) ?? {
      tokens: this.capacity,
      updatedAt: nowMs,
    }
    const refill = ((nowMs - bucket.updatedAt) / 60_000) * this.refillPerMinute
    bucket.tokens = Math.min(this.capacity, bucket.tokens + refill)
    bucket.updatedAt = nowMs
    this.buckets.set(key, bucket)
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(
        1,
        Math.ceil(((1 - bucket.tokens) / this.refillPerMinute) * 60),
      )
      throw new AtlasError(
        429,
        'RATE_LIMITED_TOKEN_BUCKET',
        `Rate limit exceeded for ${endpointSet}. Please retry after ${retryAfter} seconds. Request capacity: ${this.capacity}. Refill rate: ${this.refillPerMinute} per 60 seconds.`,
        [endpointSet, retryAfter, this.capacity, this.refillPerMinute, 60],
        [],
        {
          'Retry-After': String(retryAfter),
          'RateLimit-Limit': String(this.capacity),
          'RateLimit-Remaining': '0',
        },
      )
    }
    bucket.tokens -= 1
    return { limit: this.capacity, remaining: Math.floor(bucket.tokens) }
  }
}

/** Groups paths into endpoint sets the way Atlas meters them. */
export function endpointSetOf(method: string, path: string): string {
  const write = method !== 'GET'
  if (/\/backup\/restoreJobs/.test(path))
    return write ? 'backup-restore-write' : 'backup-restore-read'
  if (/\/backup\//.test(path)) return write ? 'backup-write' : 'backup-read'
  if (/\/(clusters|flexClusters|serverless)/.test(path)) return 'clusters-read'
  return 'groups-read'
}
