import type { Action } from '../contract/rules/roles'

// The access matrix's table (access-matrix.test.ts): what each /api route needs, and requests
// that get past validation. An Atlas read (GET /api/atlas/v2/…) needs `read`; every other route
// must be listed in `routeActions`, or the matrix fails and names it.

/** `public`: answers without a session; `signedIn`: any role. */
export type Access = Action | 'public' | 'signedIn'

export const C = '/api/atlas/v2/groups/:groupId/clusters/:clusterName'
const F = '/api/atlas/v2/groups/:groupId/flexClusters/:name'
const S = '/api/atlas/v2/groups/:groupId/serverless/:clusterName'

export const routeActions: Record<string, Access> = {
  'POST /api/session': 'public',
  'GET /api/session': 'signedIn',
  // Signing out without a session does nothing and says so with a 204.
  'DELETE /api/session': 'public',
  'GET /api/overview': 'read',
  'GET /api/events': 'read',
  'GET /api/restore-jobs': 'read',
  'GET /api/audit': 'manageUsers',
  'GET /api/users': 'manageUsers',
  'POST /api/users': 'manageUsers',
  'PATCH /api/users/:name': 'manageUsers',
  [`POST ${C}/backup/snapshots`]: 'takeSnapshot',
  [`PATCH ${C}/backup/snapshots/:snapshotId`]: 'changeSnapshotExpiry',
  [`DELETE ${C}/backup/snapshots/:snapshotId`]: 'deleteSnapshot',
  [`DELETE ${C}/backup/snapshots/shardedCluster/:snapshotId`]: 'deleteSnapshot',
  [`PATCH ${C}/backup/schedule`]: 'editPolicy',
  [`DELETE ${C}/backup/schedule`]: 'editPolicy',
  [`POST ${C}/backup/restoreJobs`]: 'startRestore',
  [`DELETE ${C}/backup/restoreJobs/:restoreJobId`]: 'cancelRestore',
  [`POST ${F}/backup/restoreJobs`]: 'startRestore',
  [`POST ${F}/backup/download`]: 'startRestore',
  [`POST ${S}/backup/restoreJobs`]: 'startRestore',
}

const PROJECTS = {
  payments: '6650a1b2c3d4e5f600000001',
  analytics: '6650a1b2c3d4e5f600000002',
  devTools: '6650a1b2c3d4e5f600000003',
}
/** Well-formed, but no such snapshot or job: allowed calls end in a 404, changing nothing. */
const UNKNOWN_ID = '5f0000000000000000000abc'

/**
 * Bodies (and queries) that pass validation, so allowed calls reach the rule checks and Atlas;
 * the rest get `{}` and a 400. None may end in a 5xx. The schedule is left unconfirmed: a
 * confirmed DELETE would remove payments-rs's policy.
 */
export const bodies: Record<string, unknown> = {
  'POST /api/session': { username: '', password: '' },
  'POST /api/users': {
    name: 'matrix-user',
    role: 'viewer',
    password: 'matrix password 1',
  },
  'PATCH /api/users/:name': { role: 'viewer' },
  [`POST ${C}/backup/snapshots`]: {
    description: 'access matrix',
    retentionInDays: 1,
  },
  [`PATCH ${C}/backup/snapshots/:snapshotId`]: {
    retentionUnit: 'DAYS',
    retentionValue: 3,
  },
  [`POST ${C}/backup/restoreJobs`]: {
    deliveryType: 'download',
    snapshotId: UNKNOWN_ID,
  },
  [`POST ${F}/backup/restoreJobs`]: {
    snapshotId: UNKNOWN_ID,
    targetDeploymentItemName: 'scratch-flex',
    confirmTargetName: 'scratch-flex',
  },
  [`POST ${F}/backup/download`]: { snapshotId: UNKNOWN_ID },
  [`POST ${S}/backup/restoreJobs`]: {
    deliveryType: 'automated',
    snapshotId: UNKNOWN_ID,
    targetGroupId: PROJECTS.devTools,
    targetClusterName: 'dev-serverless',
    confirmTargetName: 'dev-serverless',
  },
}
export const queries: Record<string, string> = {
  [`DELETE ${C}/backup/snapshots/:snapshotId`]: `?confirm=${UNKNOWN_ID}`,
  [`DELETE ${C}/backup/snapshots/shardedCluster/:snapshotId`]: `?confirm=${UNKNOWN_ID}`,
}

/** Real seeded names and ids where the path names them, so calls reach Atlas's answer. */
export function samplePath(pattern: string): string {
  const flex = pattern.includes('/flexClusters/')
  const serverless = pattern.includes('/serverless/')
  const values: Record<string, string> = {
    groupId: flex
      ? PROJECTS.analytics
      : serverless
        ? PROJECTS.devTools
        : PROJECTS.payments,
    clusterName: serverless ? 'dev-serverless' : 'payments-rs',
    name: pattern.startsWith('/api/users') ? 'no-such-user' : 'reports-flex',
  }
  return pattern.replace(
    /:(\w+)/g,
    (_m, param: string) => values[param] ?? UNKNOWN_ID,
  )
}

export type Route = { method: string; path: string }

/** The app's routes, from printRoutes' tree (4 columns per level), HEAD left out. */
export function routesOf(tree: string): Route[] {
  const routes: Route[] = []
  const stack: string[] = []
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line)
    if (!match) continue
    stack.length = (match[1] ?? '').length / 4
    stack.push(match[2] ?? '')
    for (const method of match[3]?.split(', ') ?? []) {
      if (method !== 'HEAD') routes.push({ method, path: stack.join('') })
    }
  }
  return routes
}

export function accessOf(route: Route): Access | undefined {
  const key = `${route.method} ${route.path}`
  if (key in routeActions) return routeActions[key]
  if (route.method === 'GET' && route.path.startsWith('/api/atlas/v2/'))
    return 'read'
  return undefined
}
