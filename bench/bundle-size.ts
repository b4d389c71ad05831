import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

type ManifestChunk = {
  file: string
  isEntry?: boolean
  imports?: string[]
}

export type BundleFigures = {
  initialGzipBytes: number
  allRoutesGzipBytes: number
}

function gzipBytes(distDir: string, file: string): number {
  return gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length
}

/** Gzip size of the JS the first page load fetches (entry + static imports) and of all JS. */
export function measureBundle(distDir: string): BundleFigures {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>

  const initial = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (!chunk || initial.has(chunk.file)) return
    initial.add(chunk.file)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  for (const [key, chunk] of Object.entries(manifest)) {
    if (chunk.isEntry) visit(key)
  }

  const allJs = new Set(
    Object.values(manifest)
      .map((c) => c.file)
      .filter((f) => f.endsWith('.js')),
  )
  const sum = (files: Iterable<string>) =>
    [...files].reduce((total, f) => total + gzipBytes(distDir, f), 0)
  return {
    initialGzipBytes: sum([...initial].filter((f) => f.endsWith('.js'))),
    allRoutesGzipBytes: sum(allJs),
  }
}
