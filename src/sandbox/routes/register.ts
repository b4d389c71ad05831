import type { FastifyInstance } from 'fastify'

import type { SandboxContext } from '../context'
import { registerClusterRoutes } from './clusters'
import { registerFlexBackupRoutes } from './flex-backups'
import { registerGroupRoutes } from './groups'
import { registerRestoreJobRoutes } from './restore-jobs'
import { registerScheduleRoutes } from './schedule'
import { registerServerlessBackupRoutes } from './serverless-backups'
import { registerShardedSnapshotRoutes } from './sharded-snapshots'
import { registerSnapshotRoutes } from './snapshots'

/** Every Atlas route the sandbox serves, in one list. */
export function registerAtlasRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
): void {
  registerGroupRoutes(app, ctx)
  registerClusterRoutes(app, ctx)
  registerSnapshotRoutes(app, ctx)
  registerShardedSnapshotRoutes(app, ctx)
  registerScheduleRoutes(app, ctx)
  registerRestoreJobRoutes(app, ctx)
  registerFlexBackupRoutes(app, ctx)
  registerServerlessBackupRoutes(app, ctx)
}
