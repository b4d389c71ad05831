import type { FastifyInstance } from 'fastify'

import type { BffDeps } from '../deps'
import { registerAtlasReadRoutes } from './atlas-reads'
import { registerAuditRoutes } from './audit'
import { registerHealthRoutes } from './health'
import { registerRestoreWriteRoutes } from './restore-writes'
import { registerSessionRoutes } from './session'
import { registerUserRoutes } from './users'

export function registerRoutes(app: FastifyInstance, deps: BffDeps): void {
  registerHealthRoutes(app, deps)
  registerSessionRoutes(app, deps)
  registerAtlasReadRoutes(app, deps)
  registerAuditRoutes(app, deps)
  registerUserRoutes(app, deps)
  registerRestoreWriteRoutes(app, deps)
}
