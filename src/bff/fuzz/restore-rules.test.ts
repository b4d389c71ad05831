import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  DEPLOYMENT_ITEM_NAME_PATTERN,
  type DeliveryType,
} from '../../contract/atlas/common'
import { validateFlexRestoreRequest } from '../../contract/rules/flex-restore'
import {
  checkRestoreConfirmation,
  RESTORE_CONFIRMATION_FIELD,
} from '../../contract/rules/restore-confirmation'
import {
  checkRestoreRequest,
  type RestoreRequestInput,
  validateRestoreRequest,
} from '../../contract/rules/restore-request'
import { checkRestoreInstant } from '../../contract/rules/restore-window'
import { validateServerlessRestoreRequest } from '../../contract/rules/serverless-restore'
import { checkTargetVersion } from '../../contract/rules/target-version'
import {
  compact,
  epochValue,
  idValue,
  incValue,
  isEpoch,
  isId,
  isIntIn,
  isName,
  nameValue,
  present,
  RULE_RUNS,
} from './rule-values'

// Property-based checks of the restore rules (R1–R6, R8) against DESIGN §4's own statements.

const runs = { numRuns: RULE_RUNS }
const REQUEST_FIELDS = [
  'deliveryType',
  'snapshotId',
  'targetGroupId',
  'targetClusterName',
  'pointInTimeUTCSeconds',
  'oplogTs',
  'oplogInc',
]

const validId = fc.stringMatching(/^[a-f0-9]{24}$/)
const validName = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9-]{0,15}$/)

/**
 * A request of each delivery type with its fields right, then, mostly, one field replaced by
 * any value at all (absent included); and now and then every field at random.
 */
const restoreRequest = (aroundSeconds?: number) => {
  const any = {
    deliveryType: fc.constantFrom(
      'automated',
      'download',
      'pointInTime',
      'restore',
    ),
    snapshotId: idValue,
    targetGroupId: idValue,
    targetClusterName: nameValue,
    pointInTimeUTCSeconds: epochValue(aroundSeconds),
    oplogTs: epochValue(aroundSeconds),
    oplogInc: incValue,
  }
  const seconds =
    aroundSeconds === undefined
      ? fc.integer({ min: 1199145600, max: 2147483647 })
      : fc.integer({ min: aroundSeconds - 72 * 3600, max: aroundSeconds })
  const targets = { targetGroupId: validId, targetClusterName: validName }
  const bases = fc.oneof(
    fc.record({
      deliveryType: fc.constant('automated'),
      snapshotId: validId,
      ...targets,
    }),
    fc.record({ deliveryType: fc.constant('download'), snapshotId: validId }),
    fc.record(
      {
        deliveryType: fc.constant('pointInTime'),
        pointInTimeUTCSeconds: seconds,
        snapshotId: validId,
        ...targets,
      },
      {
        requiredKeys: [
          'deliveryType',
          'pointInTimeUTCSeconds',
          'targetGroupId',
          'targetClusterName',
        ],
      },
    ),
    fc.record({
      deliveryType: fc.constant('pointInTime'),
      oplogTs: seconds,
      oplogInc: fc.integer({ min: 1, max: 100 }),
      ...targets,
    }),
  )
  const names = Object.keys(any) as (keyof typeof any)[]
  const mutated = fc
    .tuple(bases, fc.constantFrom(...names))
    .chain(([base, name]) => any[name].map((v) => ({ ...base, [name]: v })))
  return fc
    .oneof(
      { weight: 1, arbitrary: bases },
      { weight: 4, arbitrary: mutated },
      { weight: 1, arbitrary: fc.record(any) },
    )
    .map((r) => compact(r as Record<string, unknown>) as RestoreRequestInput)
}

/** R2–R4 as DESIGN §4 states them. */
function restoreAccepted(b: RestoreRequestInput): boolean {
  const pit = ['pointInTimeUTCSeconds', 'oplogTs', 'oplogInc'] as const
  const noPit = pit.every((f) => !present(b[f]))
  const targets = isId(b.targetGroupId) && isName(b.targetClusterName)
  switch (b.deliveryType as string) {
    case 'automated':
      return isId(b.snapshotId) && targets && noPit
    case 'download':
      return (
        isId(b.snapshotId) &&
        !present(b.targetGroupId) &&
        !present(b.targetClusterName) &&
        noPit
      )
    case 'pointInTime': {
      const seconds = present(b.pointInTimeUTCSeconds)
      const pair = present(b.oplogTs) && present(b.oplogInc)
      const half = present(b.oplogTs) !== present(b.oplogInc)
      const oneForm =
        (seconds && !present(b.oplogTs) && !present(b.oplogInc)) ||
        (!seconds && pair)
      const bounds = seconds
        ? isEpoch(b.pointInTimeUTCSeconds)
        : isEpoch(b.oplogTs) && isIntIn(b.oplogInc, 1)
      return (
        (!present(b.snapshotId) || isId(b.snapshotId)) &&
        targets &&
        oneForm &&
        !half &&
        bounds
      )
    }
    default:
      return false
  }
}

describe('restore requests (R2–R4)', () => {
  it('checkRestoreRequest accepts iff the fields fit the delivery type, with exactly one point-in-time form within bounds', () => {
    fc.assert(
      fc.property(restoreRequest(), (body) => {
        expect(checkRestoreRequest(body).ok).toBe(restoreAccepted(body))
      }),
      runs,
    )
  })

  it('names a field of the request in every refusal, the first one being what the BFF answers', () => {
    fc.assert(
      fc.property(restoreRequest(), (body) => {
        const refusals = validateRestoreRequest(body)
        for (const r of refusals) expect(REQUEST_FIELDS).toContain(r.field)
        const first = checkRestoreRequest(body)
        expect(first).toEqual(refusals[0] ?? { ok: true })
      }),
      runs,
    )
  })

  it('never accepts half an oplog pair, nor a pair beside pointInTimeUTCSeconds', () => {
    fc.assert(
      fc.property(restoreRequest(), (body) => {
        const pit = { ...body, deliveryType: 'pointInTime' as DeliveryType }
        const half = present(pit.oplogTs) !== present(pit.oplogInc)
        const both =
          present(pit.pointInTimeUTCSeconds) &&
          (present(pit.oplogTs) || present(pit.oplogInc))
        if (half || both) expect(checkRestoreRequest(pit).ok).toBe(false)
      }),
      runs,
    )
  })
})

describe('the restore window (R4)', () => {
  const window = fc.record({
    nowMs: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
    days: fc.integer({ min: 1, max: 35 }),
    offsetSeconds: fc.integer({ min: -40 * 86_400, max: 86_400 }),
    blackout: fc.option(
      fc.record({
        fromSeconds: fc.integer({ min: -30 * 86_400, max: 0 }),
        lengthSeconds: fc.option(fc.integer({ min: 1, max: 5 * 86_400 })),
      }),
    ),
  })

  it('accepts an instant iff it lies in [now − restoreWindowDays, now], outside every blackout', () => {
    fc.assert(
      fc.property(window, ({ nowMs, days, offsetSeconds, blackout }) => {
        const nowSeconds = Math.floor(nowMs / 1000)
        const instant = nowSeconds + offsetSeconds
        const blackouts = blackout
          ? [
              {
                start: new Date((nowSeconds + blackout.fromSeconds) * 1000),
                end:
                  blackout.lengthSeconds === null
                    ? undefined
                    : new Date(
                        (nowSeconds +
                          blackout.fromSeconds +
                          blackout.lengthSeconds) *
                          1000,
                      ),
              },
            ]
          : []
        const inWindow =
          instant >= nowSeconds - days * 86_400 && instant <= nowSeconds
        const b = blackouts[0]
        const blackedOut =
          b !== undefined &&
          instant * 1000 >= b.start.getTime() &&
          (b.end === undefined || instant * 1000 < b.end.getTime())
        const result = checkRestoreInstant(instant, {
          now: new Date(nowMs),
          restoreWindowDays: days,
          blackouts,
        })
        expect(result.ok).toBe(inWindow && !blackedOut)
      }),
      runs,
    )
  })
})

describe('serverless restores (R5)', () => {
  const nowMs = Date.UTC(2025, 5, 1, 12, 0, 0, 500)
  const nowSeconds = Math.floor(nowMs / 1000)
  const request = restoreRequest(nowSeconds)

  it('accepts iff automated or a date and time within the last 72 hours, never an oplog entry, never a download', () => {
    fc.assert(
      fc.property(request, (body) => {
        const type = body.deliveryType as string
        const seconds = body.pointInTimeUTCSeconds
        const targets =
          isId(body.targetGroupId) && isName(body.targetClusterName)
        const noOplog = !present(body.oplogTs) && !present(body.oplogInc)
        const accepted =
          type === 'automated'
            ? isId(body.snapshotId) && targets && noOplog && !present(seconds)
            : type === 'pointInTime' &&
              (!present(body.snapshotId) || isId(body.snapshotId)) &&
              targets &&
              noOplog &&
              isEpoch(seconds) &&
              (seconds as number) >= nowSeconds - 72 * 3600 &&
              (seconds as number) <= nowSeconds
        const refusals = validateServerlessRestoreRequest(body, new Date(nowMs))
        expect(refusals.length === 0).toBe(accepted)
        for (const r of refusals) expect(REQUEST_FIELDS).toContain(r.field)
      }),
      runs,
    )
  })
})

describe('the serverless 72-hour edge (R5)', () => {
  it('takes an instant 72 hours ago to the second, and refuses one second earlier', () => {
    const nowMs = Date.UTC(2025, 5, 1, 12, 0, 0, 999)
    const edge = Math.floor(nowMs / 1000) - 72 * 3600
    fc.assert(
      fc.property(fc.integer({ min: -3600, max: 3600 }), (offset) => {
        const refusals = validateServerlessRestoreRequest(
          {
            deliveryType: 'pointInTime',
            targetGroupId: 'a'.repeat(24),
            targetClusterName: 'target',
            pointInTimeUTCSeconds: edge + offset,
          },
          new Date(nowMs),
        )
        expect(refusals.length === 0).toBe(offset >= 0)
      }),
      runs,
    )
  })
})

describe('Flex restores (R6)', () => {
  const flexName = fc.oneof(
    fc.stringMatching(/^[a-zA-Z0-9_.()-]{1,64}$/),
    fc.string({ maxLength: 70 }),
    fc.constantFrom(undefined, null, ''),
  )

  it('accepts iff a snapshot id and a target name, with an optional project id', () => {
    fc.assert(
      fc.property(
        fc.record({
          snapshotId: idValue,
          targetDeploymentItemName: flexName,
          targetProjectId: idValue,
        }),
        (raw) => {
          const body = compact(raw)
          const name = body.targetDeploymentItemName
          const accepted =
            isId(body.snapshotId) &&
            typeof name === 'string' &&
            DEPLOYMENT_ITEM_NAME_PATTERN.test(name) &&
            (!present(body.targetProjectId) || isId(body.targetProjectId))
          const refusals = validateFlexRestoreRequest(body)
          expect(refusals.length === 0).toBe(accepted)
          for (const r of refusals) expect(Object.keys(raw)).toContain(r.field)
        },
      ),
      runs,
    )
  })
})

describe('confirmation of destructive restores (R8)', () => {
  it('accepts iff the restore keeps the target, or the typed name equals it exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'automated',
          'pointInTime',
          'download',
          'RESTORE',
          'DOWNLOAD',
        ),
        fc.stringMatching(/^[a-zA-Z0-9-]{1,10}$/),
        fc.oneof(
          fc.constant('same'),
          fc.constant('upper'),
          fc.constant('spaced'),
          fc.string({ maxLength: 10 }),
          fc.constantFrom(undefined, null, ''),
        ),
        (deliveryType, targetName, typedKind) => {
          const typed =
            typedKind === 'same'
              ? targetName
              : typedKind === 'upper'
                ? targetName.toUpperCase()
                : typedKind === 'spaced'
                  ? ` ${targetName}`
                  : typedKind
          const destructive = ['automated', 'pointInTime', 'RESTORE'].includes(
            deliveryType,
          )
          const result = checkRestoreConfirmation({
            deliveryType: deliveryType,
            targetName,
            confirmation: typed,
          })
          expect(result.ok).toBe(!destructive || typed === targetName)
          if (!result.ok) expect(result.field).toBe(RESTORE_CONFIRMATION_FIELD)
        },
      ),
      runs,
    )
  })
})

describe('target release', () => {
  const version = fc.oneof(
    fc
      .tuple(
        fc.integer({ min: 3, max: 9 }),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(20),
      )
      .map((p) => p.join('.')),
    fc.constantFrom(undefined, 'latest', ''),
  )
  it('accepts iff either release is unknown or the target runs the same one or a later one', () => {
    fc.assert(
      fc.property(version, version, (from, to) => {
        const key = (v: string) => {
          const [a = 0, b = 0] = v.split('.').map(Number)
          return a * 100 + b
        }
        const known = (v: string | undefined): v is string =>
          v !== undefined && /^\d+\.\d+/.test(v)
        const accepted = !known(from) || !known(to) || key(to) >= key(from)
        expect(
          checkTargetVersion(from, { name: 't', mongoDBVersion: to }).ok,
        ).toBe(accepted)
      }),
      runs,
    )
  })
})
