import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestSandbox, type TestSandbox } from '../testing/sandbox-harness'

let sb: TestSandbox

beforeAll(async () => {
  sb = await startTestSandbox()
})
afterAll(async () => {
  await sb.close()
})

describe('sandbox protocol', () => {
  it('lists the seeded projects to a digest-authenticated client', async () => {
    const res = await sb.atlas({ path: '/groups' })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain(
      'application/vnd.atlas.2023-01-01+json',
    )
    const body = res.body as { results: { name: string }[]; totalCount: number }
    expect(body.results.map((g) => g.name)).toEqual([
      'analytics',
      'dev-tools',
      'payments-prod',
    ])
    expect(body.totalCount).toBe(3)
    expect(res.headers['ratelimit-limit']).toBe('100')
  })

  it('refuses a request without credentials with 401 and a digest challenge', async () => {
    const res = await sb.atlas({ path: '/groups', auth: 'none' })
    expect(res.status).toBe(401)
    expect(res.headers['www-authenticate']).toMatch(
      /^Digest realm="MMS Public API"/,
    )
    expect(res.body).toMatchObject({ error: 401, errorCode: 'UNAUTHORIZED' })
  })

  it('refuses a wrong private key', async () => {
    const res = await sb.atlas({
      path: '/groups',
      auth: { digest: ['bcsandbx', 'wrong'] },
    })
    expect(res.status).toBe(401)
  })

  it('refuses a missing or unknown API version with 406', async () => {
    const missing = await sb.atlas({
      path: '/groups',
      headers: { accept: 'application/json' },
    })
    expect(missing.status).toBe(406)
    expect(missing.body).toMatchObject({ errorCode: 'UNSUPPORTED_API_VERSION' })
    const unknown = await sb.atlas({ path: '/groups', version: '2019-01-01' })
    expect(unknown.status).toBe(406)
  })

  it('pages with itemsPerPage and pageNum, and omits totalCount when asked', async () => {
    const page = await sb.atlas({
      path: '/groups?itemsPerPage=2&pageNum=2&includeCount=false',
    })
    const body = page.body as {
      results: { name: string }[]
      totalCount?: number
    }
    expect(body.results.map((g) => g.name)).toEqual(['payments-prod'])
    expect(body.totalCount).toBeUndefined()
    const bad = await sb.atlas({ path: '/groups?itemsPerPage=501' })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({
      badRequestDetail: { fields: [{ field: 'itemsPerPage' }] },
    })
  })

  it('wraps in an envelope and pretty-prints on request', async () => {
    const res = await sb.atlas({ path: '/groups?envelope=true' })
    expect(res.body).toMatchObject({ status: 200, content: { totalCount: 3 } })
  })

  it('issues one-hour OAuth tokens for the service account and accepts them', async () => {
    const basic = Buffer.from(
      `${sb.sandbox.ctx.config.SANDBOX_CLIENT_ID}:${sb.sandbox.ctx.config.SANDBOX_CLIENT_SECRET}`,
    ).toString('base64')
    const res = await fetch(`${sb.url}/api/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    })
    expect(res.status).toBe(200)
    const token = (await res.json()) as {
      access_token: string
      expires_in: number
    }
    expect(token.expires_in).toBe(3600)
    const groups = await sb.atlas({
      path: '/groups',
      auth: { bearer: token.access_token },
    })
    expect(groups.status).toBe(200)
    const forged = await sb.atlas({
      path: '/groups',
      auth: { bearer: 'forged' },
    })
    expect(forged.status).toBe(401)
  })

  it('answers 404 RESOURCE_NOT_FOUND for an unknown project and 400 for a malformed id', async () => {
    const missing = await sb.atlas({ path: '/groups/0123456789abcdef01234567' })
    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({ errorCode: 'RESOURCE_NOT_FOUND' })
    const malformed = await sb.atlas({ path: '/groups/not-an-id' })
    expect(malformed.status).toBe(400)
    expect(malformed.body).toMatchObject({ errorCode: 'INVALID_GROUP_ID' })
  })

  it('rate limits per endpoint set and project with 429 and Retry-After', async () => {
    await sb.control('POST', '/rate-limit', { capacity: 2, refillPerMinute: 1 })
    try {
      expect((await sb.atlas({ path: '/groups' })).status).toBe(200)
      expect((await sb.atlas({ path: '/groups' })).status).toBe(200)
      const limited = await sb.atlas({ path: '/groups' })
      expect(limited.status).toBe(429)
      expect(limited.headers['retry-after']).toBe('60')
      expect(limited.body).toMatchObject({
        errorCode: 'RATE_LIMITED_TOKEN_BUCKET',
      })
      // A reset fills every bucket again.
      await sb.control('POST', '/reset')
      expect((await sb.atlas({ path: '/groups' })).status).toBe(200)
    } finally {
      await sb.control('POST', '/rate-limit', {
        capacity: 100,
        refillPerMinute: 100,
      })
    }
  })

  it('injects a 503 fault a set number of times', async () => {
    await sb.control('POST', '/faults', {
      path: '/groups$',
      kind: 'status',
      status: 503,
      times: 1,
    })
    expect((await sb.atlas({ path: '/groups' })).status).toBe(503)
    expect((await sb.atlas({ path: '/groups' })).status).toBe(200)
  })

  it('lists dedicated, flex and serverless deployments through their own APIs', async () => {
    const groups = (await sb.atlas({ path: '/groups' })).body as {
      results: { id: string; name: string }[]
    }
    const analytics = groups.results.find((g) => g.name === 'analytics')!
    const clusters = await sb.atlas({
      path: `/groups/${analytics.id}/clusters`,
      version: '2024-08-05',
    })
    expect(
      (clusters.body as { results: { name: string }[] }).results.map(
        (c) => c.name,
      ),
    ).toEqual(['events-nvme', 'legacy-reporting', 'warehouse-sharded'])
    const flex = await sb.atlas({
      path: `/groups/${analytics.id}/flexClusters/reports-flex`,
      version: '2024-11-13',
    })
    expect(flex.status).toBe(200)
    const wrongApi = await sb.atlas({
      path: `/groups/${analytics.id}/clusters/reports-flex`,
      version: '2024-08-05',
    })
    expect(wrongApi.body).toMatchObject({
      errorCode: 'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API',
    })
  })
})
