import fc from 'fast-check'

import type { FuzzInput } from './fuzz-kit'
import {
  body,
  clusterName,
  epochSeconds,
  idempotencyHeaders,
  intAround,
  junk,
  objectId,
  oneOf,
  segment,
} from './values'

// One generator of requests per mutating /api route (the access matrix's table names them):
// paths, query strings, headers and bodies, mostly near misses, sometimes valid.

export type FuzzContext = {
  groups: { payments: string; analytics: string; devTools: string }
  snapshots: {
    rs: string[]
    sharded: string[]
    flex: string[]
    serverless: string[]
  }
  /** The sandbox's now, in epoch seconds. */
  nowSeconds: number
}

export type RouteSpec = {
  /** Who sends it: the fuzzing admin, nobody, or nobody from ever-changing addresses. */
  as?: 'fuzzer' | 'anonymous' | 'rotating'
  input: (ctx: FuzzContext) => fc.Arbitrary<FuzzInput>
}

/** The signed-in admin that sends the fuzzed requests: never a target of them. */
export const FUZZER = 'fuzzer'

const V2 = '/api/atlas/v2/groups'
const C = `${V2}/:groupId/clusters/:clusterName`
const F = `${V2}/:groupId/flexClusters/:name`
const S = `${V2}/:groupId/serverless/:clusterName`

const TARGETS = [
  'payments-staging',
  'payments-rs',
  'payments-sharded',
  'ledger-archive',
  'events-nvme',
  'warehouse-sharded',
  'failing-restore-target',
  'dev-serverless',
  'scratch-flex',
  'reports-flex',
]

function groupOf(ctx: FuzzContext) {
  const { payments, analytics, devTools } = ctx.groups
  return segment(fc.constantFrom(payments, analytics, devTools), objectId())
}

function clusterPath(
  ctx: FuzzContext,
  names: readonly string[],
  group = ctx.groups.payments,
) {
  return fc
    .tuple(
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(group) },
        { weight: 1, arbitrary: groupOf(ctx) },
      ),
      segment(fc.constantFrom(...names), clusterName()),
    )
    .map(([g, c]) => ({ g, c }))
}

/** `?confirm=` naming the right thing, the wrong one, or absent. */
function confirmQuery(right: string) {
  return fc
    .oneof(
      fc.constant(right),
      fc.string({ maxLength: 30 }),
      fc.constant(undefined),
    )
    .map((v) => (v === undefined ? '' : `?confirm=${encodeURIComponent(v)}`))
}

function restoreBody(ctx: FuzzContext, snapshots: string[]) {
  const groups = Object.values(ctx.groups)
  return body({
    deliveryType: oneOf(['automated', 'download', 'pointInTime']),
    snapshotId: objectId(snapshots),
    targetGroupId: objectId(groups),
    targetClusterName: clusterName(TARGETS),
    pointInTimeUTCSeconds: epochSeconds(ctx.nowSeconds),
    oplogTs: epochSeconds(ctx.nowSeconds),
    oplogInc: intAround(1, 5),
    confirmTargetName: clusterName(TARGETS),
  })
}

const policyItem = body({
  id: objectId(),
  frequencyType: oneOf([
    'hourly',
    'daily',
    'weekly',
    'monthly',
    'yearly',
    'ondemand',
  ]),
  frequencyInterval: fc.oneof(intAround(1, 12), fc.constant(40)),
  retentionUnit: oneOf(['days', 'weeks', 'months', 'years']),
  retentionValue: intAround(1, 30),
})

const scheduleBody = body({
  policies: fc.oneof(
    {
      weight: 6,
      arbitrary: fc.array(
        body({
          id: objectId(),
          policyItems: fc.array(policyItem, { maxLength: 6 }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    },
    { weight: 1, arbitrary: junk },
  ),
  referenceHourOfDay: intAround(0, 23),
  referenceMinuteOfHour: intAround(0, 59),
  restoreWindowDays: intAround(1, 10),
  updateSnapshots: fc.oneof(fc.boolean(), junk),
  autoExportEnabled: fc.oneof(fc.boolean(), junk),
})

const ifMatch = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ 'if-match': '*' }) },
  { weight: 1, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc
      .stringMatching(/^"?[\w-]{0,30}"?$/)
      .map((v) => ({ 'if-match': v })),
  },
)

const userName = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/),
    fc.constantFrom('viewer', 'operator', 'admin'),
    fc.string({ maxLength: 70 }),
    junk,
  )
  .filter((name) => name !== FUZZER)

const password = fc.oneof(
  fc.string({ minLength: 10, maxLength: 20 }),
  fc.string({ maxLength: 1030 }),
  junk,
)

/** Keys as in access-matrix-table.ts: `METHOD pattern`. */
export const routeSpecs: Record<string, RouteSpec> = {
  'POST /api/session': {
    // Other addresses and other names each time: the sign-in throttle would slow a fuzzer that
    // repeats them down to a crawl, which is its job, not what is tested here.
    as: 'rotating',
    input: () =>
      body({
        username: fc.oneof(fc.uuid(), fc.string({ maxLength: 70 }), junk),
        password,
      }).map((b) => ({ path: '/api/session', body: b })),
  },
  'DELETE /api/session': {
    as: 'anonymous',
    input: () =>
      fc
        .record({
          cookie: fc.option(
            fc
              .string({ maxLength: 60 })
              .map((s) => `bc_session=${encodeURIComponent(s)}`),
          ),
          'x-csrf-token': fc.option(fc.stringMatching(/^[\w-]{0,40}$/)),
        })
        .map((h) => ({
          path: '/api/session',
          headers: Object.fromEntries(
            Object.entries(h).filter(([, v]) => v !== null),
          ) as Record<string, string>,
        })),
  },
  'POST /api/users': {
    input: () =>
      body({
        name: userName,
        role: oneOf(['viewer', 'operator', 'admin']),
        password,
      }).map((b) => ({ path: '/api/users', body: b })),
  },
  'PATCH /api/users/:name': {
    input: () =>
      fc
        .tuple(
          segment(
            fc.constantFrom('viewer', 'operator', 'admin', 'no-such-user'),
            userName,
          ),
          body({ role: oneOf(['viewer', 'operator', 'admin']), password }),
        )
        .filter(([name]) => name !== FUZZER)
        .map(([name, b]) => ({ path: `/api/users/${name}`, body: b })),
  },
  [`POST ${C}/backup/snapshots`]: {
    input: (ctx) =>
      fc
        .tuple(
          clusterPath(ctx, [
            'payments-rs',
            'payments-sharded',
            'legacy-reporting',
          ]),
          body({
            description: fc.oneof(fc.string({ maxLength: 40 }), junk),
            retentionInDays: intAround(1, 30),
          }),
          idempotencyHeaders,
        )
        .map(([{ g, c }, b, headers]) => ({
          path: `${V2}/${g}/clusters/${c}/backup/snapshots`,
          body: b,
          headers,
        })),
  },
  [`PATCH ${C}/backup/snapshots/:snapshotId`]: {
    input: (ctx) =>
      fc
        .tuple(
          clusterPath(ctx, ['payments-rs']),
          segment(fc.constantFrom(...ctx.snapshots.rs), objectId()),
          body({
            retentionUnit: oneOf(['DAYS', 'WEEKS', 'MONTHS', 'YEARS']),
            retentionValue: intAround(1, 30),
          }),
        )
        .map(([{ g, c }, id, b]) => ({
          path: `${V2}/${g}/clusters/${c}/backup/snapshots/${id}`,
          body: b,
        })),
  },
  [`DELETE ${C}/backup/snapshots/:snapshotId`]: {
    input: (ctx) => snapshotDeletion(ctx, 'payments-rs', '', ctx.snapshots.rs),
  },
  [`DELETE ${C}/backup/snapshots/shardedCluster/:snapshotId`]: {
    input: (ctx) =>
      snapshotDeletion(
        ctx,
        'payments-sharded',
        'shardedCluster/',
        ctx.snapshots.sharded,
      ),
  },
  [`PATCH ${C}/backup/schedule`]: {
    input: (ctx) =>
      fc
        .tuple(
          clusterPath(ctx, ['payments-rs', 'events-nvme']),
          scheduleBody,
          ifMatch,
        )
        .map(([{ g, c }, b, headers]) => ({
          path: `${V2}/${g}/clusters/${c}/backup/schedule`,
          body: b,
          headers,
        })),
  },
  [`DELETE ${C}/backup/schedule`]: {
    input: (ctx) =>
      fc
        .tuple(clusterPath(ctx, ['payments-staging']), ifMatch)
        .chain(([{ g, c }, headers]) =>
          confirmQuery(decodeURIComponent(c)).map((query) => ({
            path: `${V2}/${g}/clusters/${c}/backup/schedule${query}`,
            headers,
          })),
        ),
  },
  [`POST ${C}/backup/restoreJobs`]: {
    input: (ctx) =>
      fc
        .tuple(
          clusterPath(ctx, ['payments-rs', 'payments-sharded']),
          restoreBody(ctx, [...ctx.snapshots.rs, ...ctx.snapshots.sharded]),
          idempotencyHeaders,
        )
        .map(([{ g, c }, b, headers]) => ({
          path: `${V2}/${g}/clusters/${c}/backup/restoreJobs`,
          body: b,
          headers,
        })),
  },
  [`DELETE ${C}/backup/restoreJobs/:restoreJobId`]: {
    input: (ctx) =>
      fc
        .tuple(
          clusterPath(ctx, ['payments-rs']),
          segment(fc.stringMatching(/^[a-f0-9]{24}$/), objectId()),
        )
        .map(([{ g, c }, id]) => ({
          path: `${V2}/${g}/clusters/${c}/backup/restoreJobs/${id}`,
        })),
  },
  [`POST ${F}/backup/restoreJobs`]: {
    input: (ctx) =>
      fc
        .tuple(
          clusterPath(ctx, ['reports-flex'], ctx.groups.analytics),
          body({
            snapshotId: objectId(ctx.snapshots.flex),
            targetDeploymentItemName: clusterName(TARGETS),
            targetProjectId: objectId(Object.values(ctx.groups)),
            confirmTargetName: clusterName(TARGETS),
          }),
          idempotencyHeaders,
        )
        .map(([{ g, c }, b, headers]) => ({
          path: `${V2}/${g}/flexClusters/${c}/backup/restoreJobs`,
          body: b,
          headers,
        })),
  },
  [`POST ${F}/backup/download`]: {
    input: (ctx) =>
      fc
        .tuple(
          clusterPath(ctx, ['reports-flex'], ctx.groups.analytics),
          body({ snapshotId: objectId(ctx.snapshots.flex) }),
          idempotencyHeaders,
        )
        .map(([{ g, c }, b, headers]) => ({
          path: `${V2}/${g}/flexClusters/${c}/backup/download`,
          body: b,
          headers,
        })),
  },
  [`POST ${S}/backup/restoreJobs`]: {
    input: (ctx) =>
      fc
        .tuple(
          clusterPath(ctx, ['dev-serverless'], ctx.groups.devTools),
          restoreBody(ctx, ctx.snapshots.serverless),
          idempotencyHeaders,
        )
        .map(([{ g, c }, b, headers]) => ({
          path: `${V2}/${g}/serverless/${c}/backup/restoreJobs`,
          body: b,
          headers,
        })),
  },
}

function snapshotDeletion(
  ctx: FuzzContext,
  cluster: string,
  kind: string,
  ids: string[],
) {
  return fc
    .tuple(
      clusterPath(ctx, [cluster]),
      segment(fc.constantFrom(...ids), objectId()),
    )
    .chain(([{ g, c }, id]) =>
      confirmQuery(decodeURIComponent(id)).map((query) => ({
        path: `${V2}/${g}/clusters/${c}/backup/snapshots/${kind}${id}${query}`,
      })),
    )
}
