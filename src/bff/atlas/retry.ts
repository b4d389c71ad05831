// A5: reads are retried on 429/502/503/504 and network errors, with exponential backoff and
// full jitter, waiting at least Retry-After. Writes are never retried blindly.
export const RETRYABLE_STATUSES = new Set([429, 502, 503, 504])

export type RetryPolicy = {
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** Above this Retry-After we give up at once and let the caller show it. */
  maxRetryAfterMs: number
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 10_000,
}

/** Delay before attempt `attempt + 1` (attempt counts from 1), or undefined to stop. */
export function retryDelay(
  policy: RetryPolicy,
  attempt: number,
  retryAfterHeader: string | undefined,
  random: () => number = Math.random,
): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined
  const backoff = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** (attempt - 1),
  )
  const jittered = random() * backoff
  if (retryAfterHeader === undefined) return jittered
  const retryAfterMs = Number(retryAfterHeader) * 1000
  if (!Number.isFinite(retryAfterMs)) return jittered
  if (retryAfterMs > policy.maxRetryAfterMs) return undefined
  return retryAfterMs + jittered
}
