import type { FastifyInstance } from 'fastify'

import type { BffDeps } from '../deps'
import { registerAtlasReadRoutes } from './atlas-reads'
import { registerHealthRoutes } from './health'
import { registerSessionRoutes } from './session'

export function registerRoutes(app: FastifyInstance, deps: BffDeps): void {
  registerHealthRoutes(app, deps)
  registerSessionRoutes(app, deps)
  registerAtlasReadRoutes(app, deps)
}
