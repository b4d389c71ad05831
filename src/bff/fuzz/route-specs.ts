import fc from 'fast-check'

import type { FuzzInput } from './fuzz-kit'
import {
  type Field,
  body,
  bool,
  clusterName,
  epochSeconds,
  idempotencyHeaders,
  intIn,
  junk,
  objectId,
  oneOf,
  segment,
  text,
} from './values'

// One generator of requests per mutating /api route (the access matrix's table names them):
// paths, query strings, headers and bodies, mostly one mistake away from valid, often valid.

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
  /** Makes the n-th input unique where generated values repeat (fast-check favours small ones). */
  vary?: (input: FuzzInput, n: number) => FuzzInput
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

/** The confirmation's valid value: replaced by the target's name once the body is built. */
const SAME_AS_TARGET = '\u0000same-as-target'
const confirmation: Field = {
  valid: fc.constant(SAME_AS_TARGET),
  invalid: fc.oneof(
    clusterName(TARGETS).valid,
    fc.string({ maxLength: 20 }),
    junk,
  ),
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function confirmed(targetField: string) {
  return (b: unknown) =>
    isRecord(b) && b.confirmTargetName === SAME_AS_TARGET
      ? { ...b, confirmTargetName: b[targetField] }
      : b
}

function clusterPath(
  ctx: FuzzContext,
  names: readonly string[],
  group = ctx.groups.payments,
) {
  return fc
    .tuple(segment(objectId([group])), segment(clusterName(names)))
    .map(([g, c]) => ({ g, c }))
}

/** A path segment as the BFF reads it (a malformed one stays as it is). */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** `?confirm=` naming the right thing, the wrong one, or absent. */
function confirmQuery(right: string) {
  return fc
    .oneof(
      { weight: 2, arbitrary: fc.constant(right) },
      { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    )
    .map((v) => (v === undefined ? '' : `?confirm=${encodeURIComponent(v)}`))
}

/** R2–R4 (and R5 for serverless): each delivery type's fields, then one mistake or none. */
function restoreBody(
  ctx: FuzzContext,
  snapshots: string[],
  serverless: boolean,
) {
  const groups = Object.values(ctx.groups)
  const target = {
    targetGroupId: objectId(groups),
    targetClusterName: clusterName(TARGETS),
    confirmTargetName: confirmation,
  }
  const snapshotId = objectId(snapshots)
  const seconds = epochSeconds(ctx.nowSeconds)
  const kinds = [
    body({ deliveryType: oneOf(['automated']), snapshotId, ...target }),
    body(
      {
        deliveryType: oneOf(['pointInTime']),
        pointInTimeUTCSeconds: seconds,
        ...target,
      },
      { snapshotId },
    ),
    body(
      {
        deliveryType: oneOf(['pointInTime']),
        oplogTs: seconds,
        oplogInc: intIn(1, 5),
        ...target,
      },
      { snapshotId },
    ),
    ...(serverless
      ? []
      : [body({ deliveryType: oneOf(['download']), snapshotId })]),
  ]
  return fc.oneof(...kinds).map(confirmed('targetClusterName'))
}

// P1–P6: the default policy's items, each with another allowed interval, in any subset.
const policyItems = fc
  .subarray([
    {
      frequencyType: 'hourly',
      frequencyInterval: fc.constantFrom(1, 2, 4, 6, 8, 12),
      retentionUnit: 'days',
      retentionValue: 2,
    },
    {
      frequencyType: 'daily',
      frequencyInterval: fc.constant(1),
      retentionUnit: 'days',
      retentionValue: 7,
    },
    {
      frequencyType: 'weekly',
      frequencyInterval: fc.integer({ min: 1, max: 7 }),
      retentionUnit: 'weeks',
      retentionValue: 4,
    },
    {
      frequencyType: 'monthly',
      frequencyInterval: fc.constantFrom(1, 15, 28, 40),
      retentionUnit: 'months',
      retentionValue: 12,
    },
  ])
  .chain((items) =>
    fc.tuple(
      ...items.map(({ frequencyInterval, ...item }) =>
        frequencyInterval.map((i) => ({ ...item, frequencyInterval: i })),
      ),
    ),
  )
const policyItem = body({
  frequencyType: oneOf(['hourly', 'daily', 'weekly', 'monthly', 'yearly']),
  frequencyInterval: intIn(1, 12),
  retentionUnit: oneOf(['days', 'weeks', 'months', 'years']),
  retentionValue: intIn(1, 30),
})
const scheduleBody = body(
  {
    policies: {
      valid: policyItems.map((items) => [{ policyItems: items }]),
      invalid: fc.oneof(
        fc.array(
          fc.record({ policyItems: fc.array(policyItem, { maxLength: 5 }) }),
          { maxLength: 2 },
        ),
        junk,
      ),
    },
  },
  {
    referenceHourOfDay: intIn(0, 23),
    referenceMinuteOfHour: intIn(0, 59),
    restoreWindowDays: intIn(1, 2),
    updateSnapshots: bool,
  },
)

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

const userName: Field = {
  valid: fc
    .stringMatching(/^[A-Za-z0-9._-]{1,64}$/)
    .filter((n) => n !== FUZZER),
  invalid: fc
    .oneof(fc.string({ maxLength: 70 }), junk)
    .filter((n) => n !== FUZZER),
}
const role = oneOf(['viewer', 'operator', 'admin'])
const password = text(12, 40)

const post = (
  path: string,
  b: unknown,
  headers?: Record<string, string>,
): FuzzInput => ({
  path,
  body: b,
  ...(headers ? { headers } : {}),
})

/** Keys as in access-matrix-table.ts: `METHOD pattern`. */
export const routeSpecs: Record<string, RouteSpec> = {
  'POST /api/session': {
    // Other addresses and other names each time: the sign-in throttle would slow a fuzzer that
    // repeats them down to a crawl, which is its job, not what is tested here.
    as: 'rotating',
    input: () =>
      body({ username: text(1, 60), password: text(1, 60) }).map((b) =>
        post('/api/session', b),
      ),
    vary: (input, n) =>
      isRecord(input.body) && typeof input.body.username === 'string'
        ? {
            ...input,
            body: { ...input.body, username: `${input.body.username}${n}` },
          }
        : input,
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
      body({ name: userName, role, password }).map((b) =>
        post('/api/users', b),
      ),
  },
  'PATCH /api/users/:name': {
    input: () =>
      fc
        .tuple(
          segment({
            valid: fc.constantFrom(
              'viewer',
              'operator',
              'admin',
              'no-such-user',
            ),
            invalid: userName.invalid,
          }),
          body({}, { role, password }),
        )
        .map(([name, b]) => post(`/api/users/${name}`, b)),
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
          body({ description: text(1, 40), retentionInDays: intIn(1, 30) }),
          idempotencyHeaders,
        )
        .map(([{ g, c }, b, h]) =>
          post(`${V2}/${g}/clusters/${c}/backup/snapshots`, b, h),
        ),
  },
  [`PATCH ${C}/backup/snapshots/:snapshotId`]: {
    input: (ctx) =>
      fc
        .tuple(
          clusterPath(ctx, ['payments-rs']),
          segment(objectId(ctx.snapshots.rs)),
          body({
            retentionUnit: oneOf(['DAYS', 'WEEKS', 'MONTHS', 'YEARS']),
            retentionValue: intIn(1, 30),
          }),
        )
        .map(([{ g, c }, id, b]) =>
          post(`${V2}/${g}/clusters/${c}/backup/snapshots/${id}`, b),
        ),
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
        .map(([{ g, c }, b, h]) =>
          post(`${V2}/${g}/clusters/${c}/backup/schedule`, b, h),
        ),
  },
  [`DELETE ${C}/backup/schedule`]: {
    input: (ctx) =>
      fc
        .tuple(clusterPath(ctx, ['payments-staging']), ifMatch)
        .chain(([{ g, c }, headers]) =>
          confirmQuery(decoded(c)).map((query) => ({
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
          restoreBody(
            ctx,
            [...ctx.snapshots.rs, ...ctx.snapshots.sharded],
            false,
          ),
          idempotencyHeaders,
        )
        .map(([{ g, c }, b, h]) =>
          post(`${V2}/${g}/clusters/${c}/backup/restoreJobs`, b, h),
        ),
  },
  [`DELETE ${C}/backup/restoreJobs/:restoreJobId`]: {
    input: (ctx) =>
      fc
        .tuple(clusterPath(ctx, ['payments-rs']), segment(objectId()))
        .map(([{ g, c }, id]) => ({
          path: `${V2}/${g}/clusters/${c}/backup/restoreJobs/${id}`,
        })),
  },
  [`POST ${F}/backup/restoreJobs`]: {
    input: (ctx) =>
      fc
        .tuple(
          clusterPath(ctx, ['reports-flex'], ctx.groups.analytics),
          body(
            {
              snapshotId: objectId(ctx.snapshots.flex),
              targetDeploymentItemName: clusterName(TARGETS),
              confirmTargetName: confirmation,
            },
            { targetProjectId: objectId(Object.values(ctx.groups)) },
          ).map(confirmed('targetDeploymentItemName')),
          idempotencyHeaders,
        )
        .map(([{ g, c }, b, h]) =>
          post(`${V2}/${g}/flexClusters/${c}/backup/restoreJobs`, b, h),
        ),
  },
  [`POST ${F}/backup/download`]: {
    input: (ctx) =>
      fc
        .tuple(
          clusterPath(ctx, ['reports-flex'], ctx.groups.analytics),
          body({ snapshotId: objectId(ctx.snapshots.flex) }),
          idempotencyHeaders,
        )
        .map(([{ g, c }, b, h]) =>
          post(`${V2}/${g}/flexClusters/${c}/backup/download`, b, h),
        ),
  },
  [`POST ${S}/backup/restoreJobs`]: {
    input: (ctx) =>
      fc
        .tuple(
          clusterPath(ctx, ['dev-serverless'], ctx.groups.devTools),
          restoreBody(ctx, ctx.snapshots.serverless, true),
          idempotencyHeaders,
        )
        .map(([{ g, c }, b, h]) =>
          post(`${V2}/${g}/serverless/${c}/backup/restoreJobs`, b, h),
        ),
  },
}

function snapshotDeletion(
  ctx: FuzzContext,
  cluster: string,
  kind: string,
  ids: string[],
) {
  return fc
    .tuple(clusterPath(ctx, [cluster]), segment(objectId(ids)))
    .chain(([{ g, c }, id]) =>
      confirmQuery(decoded(id)).map((query) => ({
        path: `${V2}/${g}/clusters/${c}/backup/snapshots/${kind}${id}${query}`,
      })),
    )
}
