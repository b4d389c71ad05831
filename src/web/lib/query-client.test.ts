import { describe, expect, it } from 'vitest'

import { ApiError } from './api-error'
import { shouldRetry } from './query-client'

const answer = (status: number) =>
  new ApiError({ status, errorCode: 'X', detail: 'x' })

describe('the SPA retries a read once, when it may pass', () => {
  it('retries a dropped connection, Atlas trouble and a rate limit once', () => {
    for (const error of [
      new TypeError('network'),
      answer(0),
      answer(429),
      answer(502),
      answer(503),
    ]) {
      expect(shouldRetry(0, error)).toBe(true)
      expect(shouldRetry(1, error)).toBe(false)
    }
  })

  it('never retries a refusal: 400, 401 (it would outlive a sign-in), 403, 404', () => {
    for (const status of [400, 401, 403, 404, 409])
      expect(shouldRetry(0, answer(status))).toBe(false)
  })
})
