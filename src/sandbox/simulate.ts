import type { SandboxContext } from './context'
import { flexRestoreStep, flexSnapshotStep } from './sim/flex-backups'
import { advanceRestoreJobs } from './sim/restores'
import { takeScheduledSnapshots } from './sim/scheduled-snapshots'
import { copySnapshots } from './sim/snapshot-copies'
import {
  serverlessRestoreStep,
  serverlessSnapshotStep,
} from './sim/serverless-backups'

/** One step of the simulation: brings a part of the world up to `now` (sandbox ms). */
export type SimulationStep = (ctx: SandboxContext, now: number) => void

// Order matters: snapshots are taken before restores look for the snapshot that follows them.
const steps: SimulationStep[] = [
  takeScheduledSnapshots,
  copySnapshots,
  flexSnapshotStep,
  serverlessSnapshotStep,
  advanceRestoreJobs,
  flexRestoreStep,
  serverlessRestoreStep,
]

/** Runs every step in one transaction, so a crash never leaves half a tick applied. */
export function runSimulation(ctx: SandboxContext): void {
  const now = ctx.clock.now()
  ctx.db.transaction(() => {
    for (const step of steps) step(ctx, now)
  })()
}
