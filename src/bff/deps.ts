import type { AtlasClient } from './atlas/client'
import type { BffConfig } from './config'
import type { BffDb } from './db/db'
import type { Metrics } from './http/metrics'

/** What the BFF's routes need, passed in so tests can build the app over any upstream. */
export type BffDeps = {
  config: BffConfig
  db: BffDb
  atlas: AtlasClient
  metrics: Metrics
  now: () => number
  secureCookies: boolean
}
