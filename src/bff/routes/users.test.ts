import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { auditPageSchema } from '../../contract/bff/audit'
import { userListSchema, userSchema } from '../../contract/bff/users'
import {
  startTestBff,
  type TestBff,
  type TestBrowser,
} from '../../testing/bff-harness'

let t: TestBff
let admin: TestBrowser

const SECRET = 'a new long password 1'

beforeAll(async () => {
  t = await startTestBff()
  admin = await t.browser('admin')
})
afterAll(async () => {
  await t.close()
})

describe('/api/users', () => {
  it('lists the accounts, without password hashes', async () => {
    const res = await admin.call('GET', '/api/users')
    expect(res.status).toBe(200)
    const { users } = userListSchema.parse(res.body)
    expect(users.map((u) => [u.name, u.role])).toEqual([
      ['admin', 'admin'],
      ['operator', 'operator'],
      ['viewer', 'viewer'],
    ])
    expect(res.text).not.toContain('scrypt')
  })

  it('creates a user who can then sign in, and audits it without the password', async () => {
    const created = await admin.call('POST', '/api/users', {
      name: 'carol.ops',
      role: 'operator',
      password: SECRET,
    })
    expect(created.status).toBe(201)
    expect(userSchema.parse(created.body)).toMatchObject({
      name: 'carol.ops',
      role: 'operator',
    })
    const carol = await t.browser()
    expect((await carol.signIn('carol.ops', SECRET)).body).toMatchObject({
      role: 'operator',
    })

    const again = await admin.call('POST', '/api/users', {
      name: 'carol.ops',
      role: 'viewer',
      password: SECRET,
    })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({
      errorCode: 'USER_EXISTS',
      badRequestDetail: { fields: [{ field: 'name' }] },
    })

    const audit = await admin.call('GET', '/api/audit?action=user.create')
    const entries = auditPageSchema.parse(audit.body).entries
    expect(entries.map((e) => e.phase)).toEqual(['outcome', 'intent'])
    expect(entries[1]).toMatchObject({
      actor: 'admin',
      target: 'carol.ops',
      details: { name: 'carol.ops', role: 'operator' },
    })
    expect(entries[0]).toMatchObject({ outcome: 'succeeded' })
    expect(audit.text).not.toContain(SECRET)
    const stored = t.bff.db.prepare('SELECT details FROM audit').all()
    expect(JSON.stringify(stored)).not.toContain(SECRET)
  })

  it('refuses bad bodies, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'dave', role: 'viewer', password: 'short' }, 'password'],
      [{ name: 'da ve', role: 'viewer', password: SECRET }, 'name'],
      [{ name: 'x'.repeat(65), role: 'viewer', password: SECRET }, 'name'],
      [{ name: 'dave', role: 'root', password: SECRET }, 'role'],
      [{ name: 'dave', role: 'viewer' }, 'password'],
    ]
    for (const [body, field] of cases) {
      const res = await admin.call('POST', '/api/users', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body).toMatchObject({
        badRequestDetail: { fields: [expect.objectContaining({ field })] },
      })
      expect(res.text).not.toContain(SECRET)
    }
    const names = userListSchema
      .parse((await admin.call('GET', '/api/users')).body)
      .users.map((u) => u.name)
    expect(names).not.toContain('dave')
  })

  it('changes a role or a password and ends that user’s sessions', async () => {
    await admin.call('POST', '/api/users', {
      name: 'erin',
      role: 'viewer',
      password: SECRET,
    })
    const erin = await t.browser()
    await erin.signIn('erin', SECRET)
    expect((await erin.call('GET', '/api/session')).status).toBe(200)

    const promoted = await admin.call('PATCH', '/api/users/erin', {
      role: 'operator',
    })
    expect(promoted.status).toBe(200)
    expect(promoted.body).toMatchObject({ name: 'erin', role: 'operator' })
    expect((await erin.call('GET', '/api/session')).status).toBe(401)

    const newPassword = 'another password 42'
    const changed = await admin.call('PATCH', '/api/users/erin', {
      password: newPassword,
    })
    expect(changed.status).toBe(200)
    expect((await erin.signIn('erin', SECRET)).status).toBe(401)
    expect((await erin.signIn('erin', newPassword)).body).toMatchObject({
      role: 'operator',
    })

    const audit = await admin.call('GET', '/api/audit?action=user.update')
    const intents = auditPageSchema
      .parse(audit.body)
      .entries.filter((e) => e.phase === 'intent')
    expect(intents.map((e) => e.details)).toEqual([
      { name: 'erin', passwordChanged: true },
      {
        name: 'erin',
        role: { before: 'viewer', after: 'operator' },
        passwordChanged: false,
      },
    ])
    expect(audit.text).not.toContain(newPassword)
  })

  it('refuses an empty change, an unknown user and demoting the last admin', async () => {
    const empty = await admin.call('PATCH', '/api/users/erin', {})
    expect(empty.status).toBe(400)
    const missing = await admin.call('PATCH', '/api/users/nobody', {
      role: 'viewer',
    })
    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({ errorCode: 'USER_NOT_FOUND' })
    const badName = await admin.call('PATCH', '/api/users/bad%20name', {
      role: 'viewer',
    })
    expect(badName.status).toBe(400)
    expect(badName.body).toMatchObject({
      badRequestDetail: { fields: [{ field: 'name' }] },
    })
    const lastAdmin = await admin.call('PATCH', '/api/users/admin', {
      role: 'operator',
    })
    expect(lastAdmin.status).toBe(409)
    expect(lastAdmin.body).toMatchObject({
      errorCode: 'LAST_ADMIN',
      badRequestDetail: { fields: [{ field: 'role' }] },
    })
    expect((await admin.call('GET', '/api/session')).status).toBe(200)
  })

  it('is for admins only', async () => {
    for (const role of ['viewer', 'operator'] as const) {
      const browser = await t.browser(role)
      expect((await browser.call('GET', '/api/users')).status).toBe(403)
      const create = await browser.call('POST', '/api/users', {
        name: 'sneaky',
        role: 'admin',
        password: SECRET,
      })
      expect(create.status).toBe(403)
      expect(create.body).toMatchObject({ errorCode: 'INSUFFICIENT_ROLE' })
      const patch = await browser.call('PATCH', `/api/users/${role}`, {
        role: 'admin',
      })
      expect(patch.status).toBe(403)
    }
  })
})
