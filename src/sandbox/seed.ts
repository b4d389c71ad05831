import { clusterSchema } from '../contract/atlas/cluster'
import { backupScheduleSchema } from '../contract/atlas/schedule'
import { defaultPolicy } from '../contract/rules/policy-default'
import type { SandboxContext } from './context'
import {
  ORG_ID,
  RESTORE_OUTCOME_TAG,
  type SeedCluster,
  type SeedDedicated,
  seedClusters,
  seedGroups,
} from './seed-organisation'
import { seedRestoreJobs } from './seed-restores'
import { seedFlexBackups } from './sim/flex-backups'
import { seedServerlessBackups } from './sim/serverless-backups'
import { putCluster, putGroup } from './state/clusters-repo'
import { addLineageSegment } from './state/lineage-repo'
import { putSchedule } from './state/schedules-repo'
import { newObjectId } from './state/ids'
import { setCursor } from './state/settings-repo'

const DAY_MS = 86_400_000

/** Steps other parts of the sandbox add to the seed (past restore jobs, flex snapshots…). */
export type SeedStep = (ctx: SandboxContext, now: number) => void
const extraSeedSteps: SeedStep[] = [
  seedRestoreJobs,
  seedFlexBackups,
  seedServerlessBackups,
]

function groupIdOf(name: string): string {
  const group = seedGroups.find((g) => g.name === name)
  if (!group) throw new Error(`seed: unknown group ${name}`)
  return group.id
}

/** Replica sets and (non-global) sharded clusters have one zone, shared by every shard. */
function zoneIdOf(groupId: string, c: SeedDedicated): string {
  const n = seedClusters.indexOf(c)
  return `${groupId.slice(0, 16)}${String(n).padStart(8, '0')}`
}

function dedicatedDoc(c: SeedDedicated, groupId: string, createdAt: number) {
  const major = c.mongoDBVersion.split('.').slice(0, 2).join('.')
  const replicationSpecs = Array.from({ length: c.shards }, () => ({
    id: newObjectId(createdAt),
    zoneId: zoneIdOf(groupId, c),
    zoneName: 'Zone 1',
    regionConfigs: [
      {
        providerName: 'AWS',
        regionName: c.region,
        priority: 7,
        electableSpecs: {
          instanceSize: c.instanceSize,
          nodeCount: 3,
          diskSizeGB: 40,
        },
      },
    ],
  }))
  return {
    id: newObjectId(createdAt),
    groupId,
    name: c.name,
    clusterType: c.shards > 1 ? 'SHARDED' : 'REPLICASET',
    stateName: 'IDLE',
    paused: false,
    backupEnabled: c.backupEnabled,
    pitEnabled: c.pitEnabled,
    retainBackups: false,
    mongoDBVersion: c.mongoDBVersion,
    mongoDBMajorVersion: major,
    versionReleaseSystem: 'LTS',
    encryptionAtRestProvider: c.encryption ?? 'NONE',
    ...(c.shards > 1 ? { configServerType: 'DEDICATED' } : {}),
    terminationProtectionEnabled: false,
    createDate: new Date(createdAt).toISOString(),
    tags: c.restoresFail ? [{ key: RESTORE_OUTCOME_TAG, value: 'fail' }] : [],
    connectionStrings: {
      standardSrv: `mongodb+srv://${c.name}.sandbox.mongodb.net`,
    },
    replicationSpecs,
  }
}

function seedCluster(ctx: SandboxContext, c: SeedCluster, now: number): void {
  const groupId = groupIdOf(c.group)
  const createdAt = now - c.createdDaysAgo * DAY_MS
  const createDate = new Date(createdAt).toISOString()
  if (c.kind === 'dedicated') {
    const doc = clusterSchema.parse(dedicatedDoc(c, groupId, createdAt))
    putCluster(ctx.db, { kind: 'dedicated', groupId, name: c.name, doc })
    const policy = defaultPolicy({ nvme: c.instanceSize.endsWith('_NVME') })
    const items = policy.policies[0]?.policyItems ?? []
    const schedule = backupScheduleSchema.parse({
      clusterId: doc.id,
      clusterName: c.name,
      referenceHourOfDay: policy.referenceHourOfDay,
      referenceMinuteOfHour: policy.referenceMinuteOfHour,
      restoreWindowDays: c.restoreWindowDays ?? policy.restoreWindowDays,
      autoExportEnabled: false,
      useOrgAndGroupNamesInExportPrefix: false,
      copyPolicyItemsEnabled: false,
      copySettings: c.legacyCopy
        ? [
            {
              zoneId: zoneIdOf(groupId, c),
              cloudProvider: 'AWS',
              regionName: c.legacyCopy.regionName,
              shouldCopyOplogs: false,
              frequencies: c.legacyCopy.frequencies,
            },
          ]
        : [],
      extraRetentionSettings: [],
      policies: [
        {
          id: newObjectId(createdAt),
          policyItems: items.map((item) => ({
            ...item,
            id: newObjectId(createdAt),
            ...(item.frequencyType === 'hourly' && c.hourlyRetentionDays
              ? { retentionUnit: 'days', retentionValue: c.hourlyRetentionDays }
              : {}),
          })),
        },
      ],
    })
    putSchedule(ctx.db, groupId, c.name, schedule)
  } else if (c.kind === 'flex') {
    putCluster(ctx.db, {
      kind: 'flex',
      groupId,
      name: c.name,
      doc: {
        id: newObjectId(createdAt),
        groupId,
        name: c.name,
        clusterType: 'REPLICASET',
        stateName: 'IDLE',
        mongoDBVersion: c.mongoDBVersion,
        versionReleaseSystem: 'LTS',
        terminationProtectionEnabled: false,
        createDate,
        providerSettings: {
          providerName: 'FLEX',
          backingProviderName: 'AWS',
          regionName: c.region,
          diskSizeGB: 5,
        },
        backupSettings: { enabled: true },
        connectionStrings: {
          standardSrv: `mongodb+srv://${c.name}.sandbox.mongodb.net`,
        },
        tags: [],
      },
    })
  } else {
    putCluster(ctx.db, {
      kind: 'serverless',
      groupId,
      name: c.name,
      doc: {
        id: newObjectId(createdAt),
        groupId,
        name: c.name,
        stateName: 'IDLE',
        mongoDBVersion: c.mongoDBVersion,
        createDate,
        providerSettings: {
          providerName: 'SERVERLESS',
          backingProviderName: 'AWS',
          regionName: c.region,
        },
        serverlessBackupOptions: { serverlessContinuousBackupEnabled: true },
        connectionStrings: {
          standardSrv: `mongodb+srv://${c.name}.sandbox.mongodb.net`,
        },
      },
    })
  }
  addLineageSegment(ctx.db, groupId, c.name, { since: createdAt })
  // The simulation takes every scheduled snapshot from the cluster's creation on.
  setCursor(ctx.db, 'snapshots', groupId, c.name, createdAt)
}

function seed(ctx: SandboxContext): void {
  const now = ctx.clock.now()
  for (const g of seedGroups) {
    putGroup(ctx.db, {
      id: g.id,
      name: g.name,
      orgId: ORG_ID,
      created: new Date(now - g.createdDaysAgo * DAY_MS).toISOString(),
      clusterCount: seedClusters.filter((c) => c.group === g.name).length,
      withDefaultAlertsSettings: true,
      tags: [],
    })
  }
  for (const c of seedClusters) seedCluster(ctx, c, now)
  for (const step of extraSeedSteps) step(ctx, now)
}

export function seedIfEmpty(ctx: SandboxContext): void {
  const row = ctx.db.prepare('SELECT COUNT(*) AS n FROM groups').get() as {
    n: number
  }
  if (row.n === 0) ctx.db.transaction(() => seed(ctx))()
}

const TABLES = [
  'groups',
  'clusters',
  'schedules',
  'snapshots',
  'restore_jobs',
  'lineage',
  'meta',
]

/** Back to a freshly seeded organisation, with the clock at real time. */
export function reseed(ctx: SandboxContext): void {
  ctx.db.transaction(() => {
    for (const table of TABLES) ctx.db.prepare(`DELETE FROM ${table}`).run()
    ctx.clock.reset()
    seed(ctx)
  })()
  ctx.simulate()
}
