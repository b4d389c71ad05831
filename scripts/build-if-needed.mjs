// Builds the SPA when dist/ is missing or older than any of its sources.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const sources = [
  'index.html',
  'vite.config.ts',
  'public',
  'src/web',
  'src/contract',
]

function newestMtime(entry) {
  const full = path.join(root, entry)
  if (!existsSync(full)) return 0
  const stat = statSync(full)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(full).reduce(
    (newest, name) => Math.max(newest, newestMtime(path.join(entry, name))),
    stat.mtimeMs,
  )
}

export function buildIfNeeded() {
  // A caller that points STATIC_DIR elsewhere serves its own build: leave dist/ alone.
  if (
    process.env.STATIC_DIR &&
    path.resolve(process.env.STATIC_DIR) !== path.join(root, 'dist')
  ) {
    return
  }
  const built = path.join(root, 'dist', 'index.html')
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0
  const changedAt = Math.max(...sources.map(newestMtime))
  if (builtAt > changedAt) return
  console.log('Building the web app (vite build)…')
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
    { cwd: root, stdio: 'inherit' },
  )
  if (result.status !== 0) {
    console.error('The build failed; see the output above.')
    process.exit(result.status ?? 1)
  }
}
