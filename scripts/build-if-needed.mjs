// Builds what `npm start` runs when it is missing or older than any of its sources: the SPA
// (dist/) and the server (dist-server/main.js).
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js')
const shared = ['vite.config.ts', 'package.json', 'src/contract']
const spaSources = [...shared, 'index.html', 'public', 'src/web']
const serverSources = [...shared, 'src/main.ts', 'src/bff', 'src/sandbox']

export const SERVER_ENTRY = path.join(root, 'dist-server', 'main.js')

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

const isStale = (built, sources) =>
  !existsSync(built) ||
  statSync(built).mtimeMs <= Math.max(...sources.map(newestMtime))

function viteBuild(args, what) {
  console.log(`Building ${what} (vite build)…`)
  const result = spawnSync(process.execPath, [vite, 'build', ...args], {
    cwd: root,
    stdio: 'inherit',
  })
  if (result.status !== 0) {
    console.error('The build failed; see the output above.')
    process.exit(result.status ?? 1)
  }
}

export function buildSpaIfNeeded() {
  // A caller that points STATIC_DIR elsewhere serves its own build: leave dist/ alone.
  if (
    process.env.STATIC_DIR &&
    path.resolve(process.env.STATIC_DIR) !== path.join(root, 'dist')
  ) {
    return
  }
  if (isStale(path.join(root, 'dist', 'index.html'), spaSources))
    viteBuild([], 'the web app')
}

export function buildServerIfNeeded() {
  if (!isStale(SERVER_ENTRY, serverSources)) return
  // Built aside and moved in file by file (a rename replaces atomically), so servers starting
  // side by side never import a half-written module.
  // Aside at the same depth as dist-server/, so the source map's relative paths still hold.
  const outDir = path.join(root, 'dist-server')
  mkdirSync(outDir, { recursive: true })
  const aside = mkdtempSync(path.join(root, '.dist-server-'))
  try {
    viteBuild(
      ['--ssr', 'src/main.ts', '--outDir', aside, '--emptyOutDir'],
      'the server',
    )
    for (const name of ['main.js.map', 'main.js']) {
      renameSync(path.join(aside, name), path.join(outDir, name))
    }
  } finally {
    rmSync(aside, { recursive: true, force: true })
  }
}

export function buildIfNeeded() {
  buildSpaIfNeeded()
  buildServerIfNeeded()
}
