import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  startTestBff,
  type TestBff,
  type TestBrowser,
} from '../../testing/bff-harness'

// What the route fuzzers found, pinned down: requests Fastify refuses before any route runs
// get the envelope too, naming what is wrong.

let t: TestBff
let admin: TestBrowser

beforeAll(async () => {
  t = await startTestBff()
  admin = await t.browser('admin')
})
afterAll(async () => {
  await t.close()
})

const C = '/api/atlas/v2/groups/6650a1b2c3d4e5f600000001/clusters'

describe('requests refused before routing', () => {
  it('a path that does not decode: 400 naming the path', async () => {
    const res = await admin.call('GET', `${C}/%E0%A4%A/backup/snapshots`)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({
      error: 400,
      errorCode: 'MALFORMED_URL',
      badRequestDetail: { fields: [{ field: 'path' }] },
    })
    expect(typeof (res.body as { requestId?: unknown }).requestId).toBe(
      'string',
    )
  })

  it('an overlong path segment: 414 with the envelope', async () => {
    const res = await admin.call(
      'GET',
      `${C}/${'a'.repeat(200)}/backup/snapshots`,
    )
    expect(res.status).toBe(414)
    expect(res.body).toMatchObject({ error: 414, errorCode: 'URI_TOO_LONG' })
  })

  it('a body JSON.parse takes but Fastify refuses (__proto__): 400 naming the body', async () => {
    const res = await admin.call(
      'POST',
      `${C}/payments-rs/backup/snapshots`,
      undefined,
      {
        'content-type': 'application/json',
        'idempotency-key': 'malformed-proto-1',
      },
    )
    expect(res.status).toBe(400)
    const poisoned = await fetch(`${t.url}${C}/payments-rs/backup/snapshots`, {
      method: 'POST',
      headers: { origin: t.url, 'content-type': 'application/json' },
      body: '{"__proto__": {"x": 1}}',
    })
    expect(poisoned.status).toBe(400)
    expect(await poisoned.json()).toMatchObject({
      errorCode: 'MALFORMED_REQUEST',
      badRequestDetail: { fields: [{ field: 'body' }] },
    })
  })
})
