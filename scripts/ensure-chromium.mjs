// E2E tests drive Debian's Chromium: Playwright cannot download its own browser here.
// When it is missing and we are root with apt, install it; otherwise say what to install.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (existsSync(chromium)) process.exit(0)

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = spawnSync('which', ['apt-get']).status === 0
if (!isRoot || !hasApt || process.env.CHROMIUM_PATH) {
  console.error(
    `Chromium was not found at ${chromium}.\n` +
      'Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`), or set ' +
      'CHROMIUM_PATH to a Chromium or Chrome binary.',
  )
  process.exit(1)
}

console.log('Chromium is missing: installing Debian’s chromium package…')
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
for (const args of [
  ['update'],
  ['install', '-y', '--no-install-recommends', 'chromium'],
]) {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env })
  if (result.status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed; install chromium by hand.`)
    process.exit(1)
  }
}
if (!existsSync(chromium)) {
  console.error(`apt installed chromium but ${chromium} does not exist.`)
  process.exit(1)
}
