import type { SandboxClock } from './clock'
import type { SandboxConfig } from './config'
import type { FaultBoard } from './faults'
import type { RateLimiter } from './protocol/rate-limit'
import type { SandboxDb } from './state/db'

/** Everything a sandbox route or the simulation needs, passed explicitly. */
export type SandboxContext = {
  config: SandboxConfig
  db: SandboxDb
  clock: SandboxClock
  faults: FaultBoard
  rateLimiter: RateLimiter
  /** Runs the simulation (snapshots, expiry, restore progress) up to the clock's now. */
  simulate: () => void
}
