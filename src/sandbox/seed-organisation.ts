// The seeded organisation: enough variety that every rule of DESIGN.md §4 has a cluster on
// which it bites. Ids are fixed so links and demos stay stable across resets.
export const ORG_ID = '6650a1b2c3d4e5f6000000aa'

/** Tag (value 'fail') that makes restores onto a cluster fail: the sentinel for failure paths. */
export const RESTORE_OUTCOME_TAG = 'sandbox-restore-outcome'

export const seedGroups = [
  {
    id: '6650a1b2c3d4e5f600000001',
    name: 'payments-prod',
    createdDaysAgo: 400,
  },
  { id: '6650a1b2c3d4e5f600000002', name: 'analytics', createdDaysAgo: 300 },
  { id: '6650a1b2c3d4e5f600000003', name: 'dev-tools', createdDaysAgo: 200 },
] as const

export type SeedGroupName = (typeof seedGroups)[number]['name']

export type SeedDedicated = {
  kind: 'dedicated'
  group: SeedGroupName
  name: string
  instanceSize: string
  mongoDBVersion: string
  shards: number
  pitEnabled: boolean
  backupEnabled: boolean
  encryption?: 'AWS'
  region: string
  createdDaysAgo: number
  /** Overrides of the default policy (P8). */
  hourlyRetentionDays?: number
  restoreWindowDays?: number
  /** Restores onto this cluster fail: the sentinel target for failure paths. */
  restoresFail?: boolean
  /**
   * A copy region in the deprecated `frequencies` form (copyPolicyItemsEnabled false), as
   * older schedules hold it (issue 9): the editor reads it and writes it back current.
   */
  legacyCopy?: { regionName: string; frequencies: ('DAILY' | 'MONTHLY')[] }
}

export type SeedFlex = {
  kind: 'flex'
  group: SeedGroupName
  name: string
  mongoDBVersion: string
  region: string
  createdDaysAgo: number
}

export type SeedServerless = {
  kind: 'serverless'
  group: SeedGroupName
  name: string
  mongoDBVersion: string
  region: string
  createdDaysAgo: number
}

export type SeedCluster = SeedDedicated | SeedFlex | SeedServerless

export const seedClusters: SeedCluster[] = [
  {
    kind: 'dedicated',
    group: 'payments-prod',
    name: 'payments-rs',
    instanceSize: 'M30',
    mongoDBVersion: '7.0.14',
    shards: 1,
    pitEnabled: true,
    backupEnabled: true,
    region: 'US_EAST_1',
    createdDaysAgo: 90,
    hourlyRetentionDays: 7,
    restoreWindowDays: 7,
  },
  {
    kind: 'dedicated',
    group: 'payments-prod',
    name: 'payments-sharded',
    instanceSize: 'M40',
    mongoDBVersion: '7.0.14',
    shards: 3,
    pitEnabled: true,
    backupEnabled: true,
    region: 'US_EAST_1',
    createdDaysAgo: 60,
  },
  {
    kind: 'dedicated',
    group: 'payments-prod',
    name: 'payments-staging',
    instanceSize: 'M10',
    mongoDBVersion: '7.0.12',
    shards: 1,
    pitEnabled: false,
    backupEnabled: true,
    region: 'US_EAST_1',
    createdDaysAgo: 45,
  },
  {
    kind: 'dedicated',
    group: 'payments-prod',
    name: 'ledger-archive',
    instanceSize: 'M20',
    mongoDBVersion: '6.0.19',
    shards: 1,
    pitEnabled: false,
    backupEnabled: true,
    encryption: 'AWS',
    region: 'US_EAST_1',
    createdDaysAgo: 120,
    legacyCopy: { regionName: 'US_WEST_2', frequencies: ['DAILY', 'MONTHLY'] },
  },
  {
    kind: 'dedicated',
    group: 'analytics',
    name: 'events-nvme',
    instanceSize: 'M40_NVME',
    mongoDBVersion: '8.0.4',
    shards: 1,
    pitEnabled: false,
    backupEnabled: true,
    region: 'EU_WEST_1',
    createdDaysAgo: 40,
  },
  {
    kind: 'dedicated',
    group: 'analytics',
    name: 'warehouse-sharded',
    instanceSize: 'M30',
    mongoDBVersion: '8.0.4',
    shards: 2,
    pitEnabled: true,
    backupEnabled: true,
    region: 'EU_WEST_1',
    createdDaysAgo: 30,
  },
  {
    kind: 'dedicated',
    group: 'analytics',
    name: 'legacy-reporting',
    instanceSize: 'M10',
    mongoDBVersion: '5.0.30',
    shards: 1,
    pitEnabled: false,
    backupEnabled: false,
    region: 'EU_WEST_1',
    createdDaysAgo: 500,
  },
  {
    kind: 'flex',
    group: 'analytics',
    name: 'reports-flex',
    mongoDBVersion: '8.0.4',
    region: 'EU_WEST_1',
    createdDaysAgo: 20,
  },
  {
    kind: 'serverless',
    group: 'dev-tools',
    name: 'dev-serverless',
    mongoDBVersion: '8.0.4',
    region: 'US_EAST_1',
    createdDaysAgo: 25,
  },
  {
    kind: 'flex',
    group: 'dev-tools',
    name: 'scratch-flex',
    mongoDBVersion: '8.0.4',
    region: 'US_EAST_1',
    createdDaysAgo: 10,
  },
  {
    kind: 'dedicated',
    group: 'dev-tools',
    name: 'failing-restore-target',
    instanceSize: 'M10',
    mongoDBVersion: '7.0.14',
    shards: 1,
    pitEnabled: false,
    backupEnabled: true,
    region: 'US_EAST_1',
    createdDaysAgo: 15,
    restoresFail: true,
  },
]
