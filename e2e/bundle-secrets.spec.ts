import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import { E2E_ADMIN_PASSWORD } from '../playwright.config'
import { expect, test } from './fixtures'

// The built SPA (what every browser downloads) must hold no credential of the server.
const SECRETS = [
  'b5c0a7e2-0d1f-4c3e-9a8b-5a6d7e8f9a0b', // the sandbox API key's private half
  'mdb_sa_sk_backup-console-sandbox-secret', // the sandbox service account's secret
  E2E_ADMIN_PASSWORD,
]

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? filesUnder(full) : [full]
  })
}

test('the built SPA carries no server credential', () => {
  const staticDir = path.resolve(process.env.STATIC_DIR ?? 'dist')
  const files = filesUnder(staticDir)
  expect(files.some((f) => f.endsWith('.js'))).toBe(true)
  const leaks = files.flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    return SECRETS.filter((s) => text.includes(s)).map(
      (s) => `${file}: ${s.slice(0, 4)}…`,
    )
  })
  expect(leaks).toEqual([])
})
