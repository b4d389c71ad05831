import { describe, expect, it } from 'vitest'
import { apiErrorSchema, fieldViolationSchema } from './api-error'

describe('apiErrorSchema', () => {
  it('parses the rate-limit example from the docs (§8)', () => {
    const body = {
      detail:
        'Rate limit exceeded for api/atlas/v2/orgs. Please retry after 55 seconds. Request capacity: 10. Refill rate: 5 per 60 seconds.',
      error: 429,
      errorCode: 'RATE_LIMITED_TOKEN_BUCKET',
      parameters: ['api/atlas/v2/orgs', 55, 10, 5, 60],
      reason: 'Too Many Requests',
    }
    expect(apiErrorSchema.parse(body)).toEqual(body)
  })

  it('parses a validation error with field paths', () => {
    const body = {
      error: 400,
      errorCode: 'VALIDATION_ERROR',
      detail: 'Invalid request.',
      reason: 'Bad Request',
      badRequestDetail: {
        fields: [
          {
            field: 'policies.0.policyItems.1.frequencyInterval',
            description: 'must be one of 1, 2, 4, 6, 8, 12',
          },
        ],
      },
    }
    const parsed = apiErrorSchema.parse(body)
    expect(parsed.badRequestDetail?.fields?.[0]?.field).toBe(
      'policies.0.policyItems.1.frequencyInterval',
    )
  })

  it('accepts nulls where the spec says nullable', () => {
    const result = apiErrorSchema.safeParse({
      error: 404,
      errorCode: 'RESOURCE_NOT_FOUND',
      detail: null,
      reason: null,
      badRequestDetail: null,
    })
    expect(result.success).toBe(true)
  })

  it('keeps unknown fields such as the BFF requestId', () => {
    const parsed = apiErrorSchema.parse({
      error: 500,
      errorCode: 'UNEXPECTED_ERROR',
      requestId: 'req-123',
    })
    expect(parsed).toHaveProperty('requestId', 'req-123')
  })

  it('requires error and errorCode', () => {
    expect(apiErrorSchema.safeParse({ error: 400 }).success).toBe(false)
    expect(
      apiErrorSchema.safeParse({ errorCode: 'VALIDATION_ERROR' }).success,
    ).toBe(false)
  })

  it('refuses a non-integer status', () => {
    expect(
      apiErrorSchema.safeParse({ error: 400.5, errorCode: 'X' }).success,
    ).toBe(false)
    expect(
      apiErrorSchema.safeParse({ error: '400', errorCode: 'X' }).success,
    ).toBe(false)
  })
})

describe('fieldViolationSchema', () => {
  it('requires both field and description', () => {
    expect(
      fieldViolationSchema.safeParse({ field: 'a', description: 'b' }).success,
    ).toBe(true)
    expect(fieldViolationSchema.safeParse({ field: 'a' }).success).toBe(false)
    expect(fieldViolationSchema.safeParse({ description: 'b' }).success).toBe(
      false,
    )
  })
})
