import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paginatedGroupsSchema } from '../../contract/atlas/group'
import {
  startTestSandbox,
  type TestSandbox,
} from '../../testing/sandbox-harness'
import { ApiProblem } from '../http/errors'
import { AtlasClient } from './client'

let sb: TestSandbox
let calls: { method: string; status: number | 'error' }[] = []

const fastRetries = {
  maxAttempts: 4,
  baseDelayMs: 5,
  maxDelayMs: 20,
  maxRetryAfterMs: 2_000,
}

function apiKeyClient(privateKey = sb.sandbox.ctx.config.SANDBOX_PRIVATE_KEY) {
  return new AtlasClient(
    sb.url,
    {
      kind: 'apiKey',
      publicKey: sb.sandbox.ctx.config.SANDBOX_PUBLIC_KEY,
      privateKey,
    },
    (method, status) => calls.push({ method, status }),
    fastRetries,
  )
}

beforeAll(async () => {
  sb = await startTestSandbox()
})
afterAll(async () => {
  await sb.close()
})

describe('the Atlas client', () => {
  it('authenticates with digest, reusing the challenge after the first call', async () => {
    const client = apiKeyClient()
    calls = []
    const first = await client.request({
      path: '/groups',
      resource: 'projects',
      schema: paginatedGroupsSchema,
    })
    expect(first.body.results).toHaveLength(3)
    await client.request({
      path: '/groups?pageNum=1',
      resource: 'projects',
      schema: paginatedGroupsSchema,
    })
    // 401 challenge + 200, then a single 200.
    expect(calls.map((c) => c.status)).toEqual([401, 200, 200])
    await client.close()
  })

  it('authenticates with a service account token', async () => {
    const cfg = sb.sandbox.ctx.config
    const client = new AtlasClient(sb.url, {
      kind: 'serviceAccount',
      clientId: cfg.SANDBOX_CLIENT_ID,
      clientSecret: cfg.SANDBOX_CLIENT_SECRET,
    })
    const res = await client.request({
      path: '/groups',
      resource: 'projects',
      schema: paginatedGroupsSchema,
    })
    expect(res.body.totalCount).toBe(3)
    await client.close()
  })

  it('reports refused credentials as a server problem, not as the operator signed out', async () => {
    const client = apiKeyClient('wrong-private-key')
    const error = await client
      .request({ path: '/groups', resource: 'projects' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiProblem)
    expect(error).toMatchObject({
      status: 502,
      errorCode: 'UPSTREAM_UNAUTHORIZED',
    })
    await client.close()
  })

  it('coalesces identical concurrent reads into one upstream call', async () => {
    const client = apiKeyClient()
    await client.request({ path: '/groups', resource: 'projects' })
    calls = []
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        client.request({
          path: '/groups?itemsPerPage=2',
          resource: 'projects',
        }),
      ),
    )
    expect(results).toHaveLength(50)
    expect(calls).toHaveLength(1)
    await client.close()
  })

  it('retries reads through 503s and 429s, honouring Retry-After', async () => {
    const client = apiKeyClient()
    await client.request({ path: '/groups', resource: 'projects' })
    await sb.control('POST', '/faults', {
      path: '/groups$',
      kind: 'status',
      status: 503,
      times: 2,
    })
    await sb.control('POST', '/faults', {
      path: '/groups$',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    })
    calls = []
    const res = await client.request({
      path: '/groups',
      resource: 'projects',
      schema: paginatedGroupsSchema,
    })
    expect(res.body.totalCount).toBe(3)
    expect(calls.map((c) => c.status)).toEqual([503, 503, 429, 200])
    await client.close()
  })

  it('never retries a write, and passes its refusal on with Atlas code and fields', async () => {
    const client = apiKeyClient()
    await client.request({ path: '/groups', resource: 'projects' })
    const groupId = '6650a1b2c3d4e5f600000001'
    await sb.control('POST', '/faults', {
      path: 'backup/snapshots$',
      method: 'POST',
      kind: 'status',
      status: 503,
      times: 1,
    })
    calls = []
    const error = await client
      .request({
        method: 'POST',
        path: `/groups/${groupId}/clusters/payments-rs/backup/snapshots`,
        resource: 'snapshots',
        body: { description: 'x', retentionInDays: 1 },
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 503 })
    expect(calls).toHaveLength(1)
    await sb.control('DELETE', '/faults')
  })
})
