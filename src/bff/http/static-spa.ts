import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { existsSync } from 'node:fs'
import path from 'node:path'

/** Serves the built SPA; client-side routes get index.html. Returns false when not built. */
export async function registerSpa(
  app: FastifyInstance,
  staticDir: string,
): Promise<boolean> {
  if (!existsSync(path.join(staticDir, 'index.html'))) return false
  await app.register(fastifyStatic, {
    root: staticDir,
    index: false,
    wildcard: false,
    // Hashed assets never change; index.html must always be revalidated.
    setHeaders: (res, filePath) => {
      res.setHeader(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      )
    },
  })
  return true
}
