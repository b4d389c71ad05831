import type { FastifyInstance } from 'fastify'

import { buildSandboxApp } from './app'
import { SandboxClock } from './clock'
import type { SandboxConfig } from './config'
import type { SandboxContext } from './context'
import { FaultBoard } from './faults'
import { RateLimiter } from './protocol/rate-limit'
import { registerControlRoutes } from './routes/controls'
import { seedIfEmpty } from './seed'
import { runSimulation } from './simulate'
import { openSandboxDb } from './state/db'

export type Sandbox = {
  app: FastifyInstance
  ctx: SandboxContext
  /** Listens and starts the clock; resolves to the base URL. */
  listen: (port?: number, host?: string) => Promise<string>
  close: () => Promise<void>
}

/** Opens (and on first start seeds) the sandbox state and builds its HTTP app. */
export function createSandbox(config: SandboxConfig): Sandbox {
  const db = openSandboxDb(config.dbFile)
  const clock = new SandboxClock(db)
  const ctx: SandboxContext = {
    config,
    db,
    clock,
    faults: new FaultBoard(),
    rateLimiter: new RateLimiter(
      config.SANDBOX_RATE_CAPACITY,
      config.SANDBOX_RATE_REFILL_PER_MINUTE,
    ),
    simulate: () => runSimulation(ctx),
  }
  seedIfEmpty(ctx)
  ctx.simulate()

  const app = buildSandboxApp(ctx)
  if (config.SANDBOX_CONTROLS) registerControlRoutes(app, ctx)

  let timer: NodeJS.Timeout | undefined
  return {
    app,
    ctx,
    listen: async (port = config.SANDBOX_PORT, host = config.SANDBOX_HOST) => {
      const address = await app.listen({ port, host })
      timer = setInterval(() => {
        try {
          ctx.simulate()
        } catch (error) {
          app.log.error(error, 'simulation step failed')
        }
      }, config.SANDBOX_TICK_MS)
      timer.unref()
      return address
    },
    close: async () => {
      if (timer) clearInterval(timer)
      await app.close()
      db.close()
    },
  }
}
