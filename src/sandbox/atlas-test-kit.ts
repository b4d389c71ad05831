import { expect } from 'vitest'

import type { AtlasResponse } from '../testing/sandbox-harness'
import {
  expectConformsToSpec,
  specSkipReason,
} from '../testing/spec-conformance'

// Shared by every sandbox test (snapshots, schedule, restores, flex, serverless): the seeded
// ids, the check of each answer against the official spec when it is present, and the check of
// an ApiError.

export const PAYMENTS = '6650a1b2c3d4e5f600000001'
export const ANALYTICS = '6650a1b2c3d4e5f600000002'
export const DEV_TOOLS = '6650a1b2c3d4e5f600000003'
export const MISSING_ID = 'aaaaaaaaaaaaaaaaaaaaaaaa'

// ApiError.parameters: the spec types its items as objects while Atlas's own example holds
// strings and numbers (ATLAS-CONTRACT.md §8), as the sandbox's errors do: checked apart.
function withoutParameters(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('parameters' in body)) {
    return body
  }
  const { parameters, ...rest } = body
  expect(Array.isArray(parameters)).toBe(true)
  return rest
}

/** The answer, once checked against the official spec (when it is present). */
export function conforms(res: AtlasResponse): AtlasResponse {
  if (!specSkipReason()) {
    const type = res.headers['content-type']
    expectConformsToSpec({
      method: res.method,
      path: res.path,
      status: res.status,
      body: res.status >= 400 ? withoutParameters(res.body) : res.body,
      ...(typeof type === 'string' ? { contentType: type } : {}),
    })
  }
  return res
}

/** An ApiError with this status and errorCode, naming `field` in badRequestDetail. */
export function expectError(
  res: AtlasResponse,
  status: number,
  errorCode: string,
  field?: string,
): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  expect(res.body).toMatchObject({ error: status, errorCode })
  if (field !== undefined) {
    const body = res.body as {
      badRequestDetail?: { fields: { field: string }[] }
    }
    expect(body.badRequestDetail?.fields.map((f) => f.field)).toContain(field)
  }
}
