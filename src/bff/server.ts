import type { FastifyInstance } from 'fastify'
import path from 'node:path'

import { buildApp } from './app'
import { AtlasClient } from './atlas/client'
import { ensureFirstAdmin } from './bootstrap'
import type { AtlasAuth, BffConfig } from './config'
import { type BffDb, openBffDb } from './db/db'
import { Metrics } from './http/metrics'
import { JobHub, type JobHubOptions } from './jobs/job-hub'

export type Upstream = { baseUrl: string; auth: AtlasAuth; label: string }

/** Knobs for tests: e.g. fast job-poll intervals. */
export type BffOptions = { jobs?: JobHubOptions }

export type RunningBff = {
  app: FastifyInstance
  url: string
  db: BffDb
  atlas: AtlasClient
  jobs: JobHub
  /** Set on the first start when ADMIN_PASSWORD was not given. */
  generatedAdminPassword: string | undefined
  close: () => Promise<void>
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1'])

/** Opens the database, builds the app and listens. Closing finishes in-flight requests first. */
export async function startBff(
  config: BffConfig,
  upstream: Upstream,
  options: BffOptions = {},
): Promise<RunningBff> {
  const db = openBffDb(path.join(config.dataDir, 'bff.sqlite'))
  const metrics = new Metrics()
  const atlas = new AtlasClient(
    upstream.baseUrl,
    upstream.auth,
    (method, status) => metrics.recordUpstream(method, status),
  )
  const jobs = new JobHub({ db, atlas, metrics, now: Date.now }, options.jobs)
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
    jobs,
    now: Date.now,
    secureCookies,
  })
  const url = await app.listen({ port: config.PORT, host: config.HOST })
  // Resumes watching the jobs a previous run left unfinished.
  jobs.start()
  return {
    app,
    url,
    db,
    atlas,
    jobs,
    generatedAdminPassword: admin.password,
    close: async () => {
      jobs.stop()
      await app.close()
      await atlas.close()
      db.close()
    },
  }
}
