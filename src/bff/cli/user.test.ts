import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { auditPageSchema } from '../../contract/bff/audit'
import { startTestBff, type TestBff } from '../../testing/bff-harness'

// The CLI runs as `npm run user` would run it, as a child process, on the data directory of a
// BFF that is running meanwhile: what it writes must hold for sign-in at once.

let t: TestBff
let dataDir: string
const TSX = path.resolve('node_modules/.bin/tsx')
const CLI = path.resolve('src/bff/cli/user.ts')
const PASSWORD = 'cli password 123'

type Run = { code: number; stdout: string; stderr: string }

function user(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [CLI, ...args],
      { env: { ...process.env, DATA_DIR: dataDir, ...env } },
      (error, stdout, stderr) => {
        const code = error ? Number(error.code ?? 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

const generated = (out: string) =>
  /\(shown only once\): (\S+)/.exec(out)?.[1] ?? ''

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'bff-cli-'))
  t = await startTestBff({ DATA_DIR: dataDir })
})
afterAll(async () => {
  await t.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('npm run user', () => {
  it('adds a user who signs in to the running BFF; a new role ends their session', async () => {
    const added = await user([
      'add',
      'cli-op',
      '--role',
      'operator',
      '--password',
      PASSWORD,
    ])
    expect(added).toMatchObject({ code: 0 })
    expect(added.stdout).toContain('Added cli-op with the role operator')
    expect(added.stdout).not.toContain(PASSWORD)

    const browser = await t.browser()
    expect((await browser.signIn('cli-op', PASSWORD)).body).toMatchObject({
      name: 'cli-op',
      role: 'operator',
    })

    const demoted = await user(['set-role', 'cli-op', 'viewer'])
    expect(demoted.code).toBe(0)
    expect(demoted.stdout).toContain('cli-op is now viewer (was operator)')
    expect((await browser.call('GET', '/api/session')).status).toBe(401)
    expect((await browser.signIn('cli-op', PASSWORD)).body).toMatchObject({
      role: 'viewer',
    })

    const listed = await user(['list'])
    expect(listed.code).toBe(0)
    expect(listed.stdout).toMatch(/^cli-op\s+viewer\s+\d{4}-/m)
    expect(listed.stdout).toMatch(/^admin\s+admin\s/m)

    const admin = await t.browser('admin')
    const audit = auditPageSchema.parse(
      (await admin.call('GET', '/api/audit?action=user.update')).body,
    )
    expect(audit.entries[1]).toMatchObject({
      phase: 'intent',
      target: 'cli-op',
      details: { role: { before: 'operator', after: 'viewer' } },
    })
    expect(audit.entries[1]?.actor).toMatch(/^cli/)
  })

  it('generates and prints a password when none is given, for add and passwd', async () => {
    const added = await user(['add', 'gen.user', '--role', 'viewer'])
    expect(added.code).toBe(0)
    const first = generated(added.stdout)
    expect(first.length).toBeGreaterThanOrEqual(12)
    const browser = await t.browser()
    expect((await browser.signIn('gen.user', first)).status).toBe(200)

    const changed = await user(['passwd', 'gen.user'])
    expect(changed.code).toBe(0)
    const second = generated(changed.stdout)
    expect(second).not.toBe(first)
    expect((await browser.call('GET', '/api/session')).status).toBe(401)
    expect((await browser.signIn('gen.user', first)).status).toBe(401)
    expect((await browser.signIn('gen.user', second)).status).toBe(200)
  })

  it('exits non-zero with a message on bad input (more cases in user-commands.test.ts)', async () => {
    const [usage, exists] = await Promise.all([
      user(['add', 'bad name', '--role', 'viewer']),
      user(['add', 'cli-op', '--role', 'viewer', '--password', PASSWORD]),
    ])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/NAME must be 1–64 letters/)
    expect(usage.stderr).toContain('Usage: npm run user')
    expect(exists.code).toBe(1)
    expect(exists.stderr).toMatch(/A user named cli-op already exists/)
  })

  it('stops with the variable named when the configuration is bad', async () => {
    const run = await user(['list'], { DATA_DIR: '', PORT: 'eighty' })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('PORT')
  })
})
