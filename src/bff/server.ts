import type { FastifyInstance } from 'fastify'
import path from 'node:path'

import { buildApp } from './app'
import { AtlasClient } from './atlas/client'
import { ensureFirstAdmin } from './bootstrap'
import type { AtlasAuth, BffConfig } from './config'
import { type BffDb, openBffDb } from './db/db'
import { Metrics } from './http/metrics'

export type Upstream = { baseUrl: string; auth: AtlasAuth; label: string }

export type RunningBff = {
  app: FastifyInstance
  url: string
  db: BffDb
  atlas: AtlasClient
  /** Set on the first start when ADMIN_PASSWORD was not given. */
  generatedAdminPassword: string | undefined
  close: () => Promise<void>
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1'])

/** Opens the database, builds the app and listens. Closing finishes in-flight requests first. */
export async function startBff(
  config: BffConfig,
  upstream: Upstream,
): Promise<RunningBff> {
  const db = openBffDb(path.join(config.dataDir, 'bff.sqlite'))
  const metrics = new Metrics()
  const atlas = new AtlasClient(
    upstream.baseUrl,
    upstream.auth,
    (method, status) => metrics.recordUpstream(method, status),
  )
  const admin = await ensureFirstAdmin(db, config.ADMIN_PASSWORD, Date.now())
  const secureCookies =
    config.COOKIE_SECURE === 'auto'
      ? !LOOPBACK_HOSTS.has(config.HOST)
      : config.COOKIE_SECURE === 'true'
  const app = await buildApp({
    config,
    db,
    atlas,
    metrics,
    now: Date.now,
    secureCookies,
  })
  const url = await app.listen({ port: config.PORT, host: config.HOST })
  return {
    app,
    url,
    db,
    atlas,
    generatedAdminPassword: admin.password,
    close: async () => {
      await app.close()
      await atlas.close()
      db.close()
    },
  }
}
