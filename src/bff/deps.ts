import type { AtlasClient } from './atlas/client'
import type { BffConfig } from './config'
import type { BffDb } from './db/db'
import type { Metrics } from './http/metrics'
import type { JobHub } from './jobs/job-hub'

/** What the BFF's routes need, passed in so tests can build the app over any upstream. */
export type BffDeps = {
  config: BffConfig
  db: BffDb
  atlas: AtlasClient
  metrics: Metrics
  /** Live restore jobs: one poller per active job, pushed to browsers over SSE. */
  jobs: JobHub
  now: () => number
  secureCookies: boolean
}
