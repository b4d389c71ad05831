import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { verifyPassword } from '../auth/passwords'
import { listAudit } from '../db/audit-repo'
import { type BffDb, openBffDb } from '../db/db'
import { createSession, findSession } from '../db/sessions-repo'
import { findUser } from '../db/users-repo'
import { runUserCommand } from './user-commands'

let db: BffDb
const PASSWORD = 'cli password 123'

async function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runUserCommand(db, argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

beforeAll(async () => {
  db = openBffDb(':memory:')
  expect(
    (await run('add', 'cli-op', '--role', 'operator', '--password', PASSWORD))
      .code,
  ).toBe(0)
})
afterAll(() => {
  db.close()
})

describe('runUserCommand', () => {
  it('refuses bad input with a message and exit code 2 (usage) or 1 (refused)', async () => {
    const cases: [string[], number, RegExp][] = [
      [['add', 'bad name', '--role', 'viewer'], 2, /NAME must be 1–64 letters/],
      [['add', 'x'.repeat(65), '--role', 'viewer'], 2, /NAME must be/],
      [
        ['add', 'zed', '--role', 'root'],
        2,
        /ROLE.*must be one of viewer, operator, admin/,
      ],
      [['add', 'zed'], 2, /ROLE \(--role\) is missing/],
      [['add'], 2, /NAME is missing/],
      [['add', 'zed', 'extra', '--role', 'viewer'], 2, /unexpected: extra/],
      [
        ['add', 'zed', '--role', 'viewer', '--password', 'short'],
        2,
        /password must be at least 12/,
      ],
      [
        ['add', 'cli-op', '--role', 'viewer', '--password', PASSWORD],
        1,
        /already exists/,
      ],
      [['set-role', 'nobody', 'viewer'], 1, /There is no user nobody/],
      [['set-role', 'cli-op', 'superuser'], 2, /ROLE must be one of/],
      [['set-role', 'cli-op'], 2, /ROLE is missing/],
      [
        ['passwd', 'nobody', '--password', PASSWORD],
        1,
        /There is no user nobody/,
      ],
      [['frobnicate'], 2, /Unknown command: frobnicate/],
      [[], 2, /Which command\?/],
      [['list', '--colour'], 2, /Unknown option '--colour'/],
    ]
    for (const [args, code, message] of cases) {
      const result = await run(...args)
      expect(result.code, args.join(' ')).toBe(code)
      expect(result.err, args.join(' ')).toMatch(message)
    }
    expect(findUser(db, 'zed')).toBeUndefined()
    expect(findUser(db, 'cli-op')?.role).toBe('operator')
  })

  it('changes role and password, ending sessions, and audits without the password', async () => {
    const session = createSession(db, 'cli-op', Date.now(), 60_000)
    expect((await run('set-role', 'cli-op', 'admin')).out).toContain(
      'cli-op is now admin (was operator)',
    )
    expect(findSession(db, session.id, Date.now())).toBeUndefined()
    // The CLI may demote the last admin: it is the way back in, not the API.
    expect((await run('set-role', 'cli-op', 'viewer')).code).toBe(0)
    expect((await run('set-role', 'cli-op', 'viewer')).out).toContain(
      'nothing changed',
    )

    const newPassword = 'another cli password'
    expect(
      (await run('passwd', 'cli-op', '--password', newPassword)).code,
    ).toBe(0)
    const stored = findUser(db, 'cli-op')
    expect(await verifyPassword(newPassword, stored?.passwordHash ?? '')).toBe(
      true,
    )

    const entries = listAudit(db, { limit: 100 })
    expect(entries.map((e) => `${e.action} ${e.phase}`)).toContain(
      'user.create intent',
    )
    const text = JSON.stringify(entries)
    expect(text).not.toContain(PASSWORD)
    expect(text).not.toContain(newPassword)
  })

  it('prints the usage on help', async () => {
    const help = await run('--help')
    expect(help.code).toBe(0)
    expect(help.out).toContain('add NAME --role ROLE [--password PW]')
  })
})
