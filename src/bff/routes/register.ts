import type { FastifyInstance } from 'fastify'

import type { BffDeps } from '../deps'
import { registerAtlasReadRoutes } from './atlas-reads'
import { registerAuditRoutes } from './audit'
import { registerEventRoutes } from './events'
import { registerFlexWriteRoutes } from './flex-writes'
import { registerHealthRoutes } from './health'
import { registerOverviewRoutes } from './overview'
import { registerRestoreJobsOverviewRoutes } from './restore-jobs-overview'
import { registerRestoreWriteRoutes } from './restore-writes'
import { registerScheduleWriteRoutes } from './schedule-writes'
import { registerServerlessWriteRoutes } from './serverless-writes'
import { registerSessionRoutes } from './session'
import { registerSnapshotWriteRoutes } from './snapshot-writes'
import { registerUserRoutes } from './users'

export function registerRoutes(app: FastifyInstance, deps: BffDeps): void {
  registerHealthRoutes(app, deps)
  registerSessionRoutes(app, deps)
  registerAtlasReadRoutes(app, deps)
  registerAuditRoutes(app, deps)
  registerUserRoutes(app, deps)
  registerOverviewRoutes(app, deps)
  registerRestoreWriteRoutes(app, deps)
  registerSnapshotWriteRoutes(app, deps)
  registerScheduleWriteRoutes(app, deps)
  registerFlexWriteRoutes(app, deps)
  registerServerlessWriteRoutes(app, deps)
  registerEventRoutes(app, deps)
  registerRestoreJobsOverviewRoutes(app, deps)
}
