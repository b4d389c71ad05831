import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestBff, type TestBff } from '../../testing/bff-harness'

let t: TestBff

beforeAll(async () => {
  t = await startTestBff()
})
afterAll(async () => {
  await t.close()
})

describe('sign-in and sessions', () => {
  it('signs in, reports the operator, and signs out', async () => {
    const browser = await t.browser()
    const signIn = await browser.signIn('operator')
    expect(signIn.status).toBe(200)
    expect(signIn.body).toMatchObject({ name: 'operator', role: 'operator' })
    const cookie = String(signIn.headers['set-cookie'])
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')

    expect((await browser.call('GET', '/api/session')).body).toMatchObject({
      name: 'operator',
      role: 'operator',
    })
    expect((await browser.call('DELETE', '/api/session')).status).toBe(204)
    expect((await browser.call('GET', '/api/session')).status).toBe(401)
  })

  it('refuses a wrong password with the field named, and an empty username', async () => {
    const browser = await t.browser()
    const wrong = await browser.signIn('admin', 'not the password')
    expect(wrong.status).toBe(401)
    expect(wrong.body).toMatchObject({
      errorCode: 'INVALID_CREDENTIALS',
      badRequestDetail: { fields: [{ field: 'password' }] },
    })
    expect((wrong.body as { requestId: string }).requestId).toMatch(
      /^[0-9a-f-]{36}$/,
    )
    const empty = await browser.call('POST', '/api/session', {
      username: '',
      password: 'x',
    })
    expect(empty.status).toBe(400)
    expect(empty.body).toMatchObject({
      badRequestDetail: { fields: [{ field: 'username' }] },
    })
  })

  it('slows down repeated failed sign-ins for a name', async () => {
    const browser = await t.browser()
    for (let i = 0; i < 3; i++) await browser.signIn('viewer', 'wrong')
    const started = performance.now()
    const fourth = await browser.signIn('viewer', 'wrong')
    expect(fourth.status).toBe(401)
    // The fourth attempt waits its 500 ms penalty before answering (a lower bound, not a limit).
    expect(performance.now() - started).toBeGreaterThanOrEqual(450)
  })

  it('answers 401 with the envelope to an anonymous read', async () => {
    const browser = await t.browser()
    const res = await browser.call('GET', '/api/atlas/v2/groups')
    expect(res.status).toBe(401)
    expect(res.body).toMatchObject({ error: 401, errorCode: 'UNAUTHENTICATED' })
  })

  it('refuses a mutating request from another origin, or without the CSRF token', async () => {
    const browser = await t.browser('admin')
    const crossSite = await browser.call('DELETE', '/api/session', undefined, {
      origin: 'https://evil.example',
    })
    expect(crossSite.status).toBe(403)
    expect(crossSite.body).toMatchObject({ errorCode: 'CROSS_SITE_REQUEST' })
    const token = browser.csrfToken
    browser.csrfToken = undefined
    const noToken = await browser.call('DELETE', '/api/session')
    expect(noToken.status).toBe(403)
    expect(noToken.body).toMatchObject({ errorCode: 'CSRF_TOKEN_MISMATCH' })
    browser.csrfToken = token
    expect((await browser.call('GET', '/api/session')).status).toBe(200)
  })

  it('sends the security headers on every response', async () => {
    const browser = await t.browser()
    const res = await browser.call('GET', '/healthz')
    expect(res.headers['content-security-policy']).toContain(
      "frame-ancestors 'none'",
    )
    expect(res.headers['content-security-policy']).toContain(
      "script-src 'self'",
    )
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
  })
})
