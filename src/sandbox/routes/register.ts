import type { FastifyInstance } from 'fastify'

import type { SandboxContext } from '../context'
import { registerClusterRoutes } from './clusters'
import { registerGroupRoutes } from './groups'

/** Every Atlas route the sandbox serves, in one list. */
export function registerAtlasRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
): void {
  registerGroupRoutes(app, ctx)
  registerClusterRoutes(app, ctx)
}
