import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type {
  PolicyFrequencyType,
  RetentionUnit,
} from '../../contract/atlas/common'
import {
  checkDownloadLimits,
  countActiveDownloads,
} from '../../contract/rules/download-limits'
import {
  checkOnDemandSnapshotAllowed,
  validateOnDemandSnapshotRequest,
} from '../../contract/rules/on-demand-snapshot'
import { defaultPolicy } from '../../contract/rules/policy-default'
import type { PolicyItemInput } from '../../contract/rules/policy-items'
import { validatePolicy } from '../../contract/rules/policy-validate'
import {
  restoreJobState,
  isTerminalState,
} from '../../contract/rules/restore-job-state'
import {
  actions,
  canPerform,
  minimumRole,
  roles,
} from '../../contract/rules/roles'
import {
  checkSnapshotDeletion,
  checkSnapshotExpiryChange,
  snapshotExpiryAfterChange,
} from '../../contract/rules/snapshot-delete'
import { checkRestoreTopology } from '../../contract/rules/topology'
import { isIntIn, present, RULE_RUNS } from './rule-values'

// Property-based checks of the policy (P1–P6), snapshot (S1, S3), download (R3), topology (R7),
// role (R9) and job-state (R10) rules against DESIGN §4's own statements.

const runs = { numRuns: RULE_RUNS }
const NOMINAL: Record<RetentionUnit, number> = {
  days: 1,
  weeks: 7,
  months: 31,
  years: 372,
}
const ALLOWED: Record<string, (nvme: boolean) => number[]> = {
  hourly: (nvme) => (nvme ? [12] : [1, 2, 4, 6, 8, 12]),
  daily: () => [1],
  weekly: () => [1, 2, 3, 4, 5, 6, 7],
  monthly: () => [...Array.from({ length: 28 }, (_, i) => i + 1), 40],
  yearly: () => Array.from({ length: 12 }, (_, i) => i + 1),
}
const RANK: Record<string, number> = {
  hourly: 0,
  daily: 1,
  weekly: 2,
  monthly: 3,
  yearly: 4,
}
const MINIMUM_DAYS: Record<string, number> = {
  weekly: 7,
  monthly: 31,
  yearly: 372,
}

const item = fc.record({
  frequencyType: fc.constantFrom<PolicyFrequencyType>(
    'hourly',
    'daily',
    'weekly',
    'monthly',
    'yearly',
    'ondemand',
  ),
  frequencyInterval: fc.oneof(
    fc.integer({ min: 0, max: 41 }),
    fc.constantFrom(1.5, -1),
  ),
  retentionUnit: fc.constantFrom<RetentionUnit>(
    'days',
    'weeks',
    'months',
    'years',
  ),
  retentionValue: fc.oneof(
    fc.integer({ min: 1, max: 60 }),
    fc.constantFrom(0, -3, 2.5),
  ),
})
const schedule = fc.record({
  items: fc.array(item, { maxLength: 6 }),
  policies: fc.constantFrom(1, 1, 1, 0, 2),
  referenceHourOfDay: fc.option(
    fc.oneof(fc.integer({ min: -2, max: 25 }), fc.constant(1.5)),
  ),
  referenceMinuteOfHour: fc.option(
    fc.oneof(fc.integer({ min: -2, max: 61 }), fc.constant(0.5)),
  ),
  restoreWindowDays: fc.option(
    fc.oneof(fc.integer({ min: -1, max: 20 }), fc.constant(2.5)),
  ),
  nvme: fc.boolean(),
  pitEnabled: fc.boolean(),
})

function policyOf(s: {
  items: PolicyItemInput[]
  policies: number
  referenceHourOfDay: number | null
  referenceMinuteOfHour: number | null
  restoreWindowDays: number | null
}) {
  return {
    policies: Array.from({ length: s.policies }, () => ({
      policyItems: s.items,
    })),
    referenceHourOfDay: s.referenceHourOfDay,
    referenceMinuteOfHour: s.referenceMinuteOfHour,
    restoreWindowDays: s.restoreWindowDays,
  }
}

const days = (i: PolicyItemInput) => i.retentionValue * NOMINAL[i.retentionUnit]
const ranked = (i: PolicyItemInput) =>
  i.frequencyType in RANK &&
  Number.isInteger(i.retentionValue) &&
  i.retentionValue >= 1

describe('the backup policy (P1–P6)', () => {
  it('refuses on request-body paths only, and accepts the default policy', () => {
    const paths =
      /^(policies(\.0\.policyItems(\.\d+\.(frequencyType|frequencyInterval|retentionUnit|retentionValue))?)?|referenceHourOfDay|referenceMinuteOfHour|restoreWindowDays)$/
    fc.assert(
      fc.property(schedule, (s) => {
        for (const r of validatePolicy(policyOf(s), s))
          expect(r.field).toMatch(paths)
        expect(validatePolicy(defaultPolicy({ nvme: s.nvme }), s)).toEqual([])
      }),
      runs,
    )
  })

  it('P1: exactly one policy, with at least one item', () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const fields = validatePolicy(policyOf(s), s).map((r) => r.field)
        expect(fields.includes('policies')).toBe(s.policies !== 1)
        if (s.policies === 1)
          expect(fields.includes('policies.0.policyItems')).toBe(
            s.items.length === 0,
          )
      }),
      runs,
    )
  })

  it('P2: each interval is one its frequency allows (NVMe: hourly every 12 hours only)', () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const fields = validatePolicy(policyOf({ ...s, policies: 1 }), s).map(
          (r) => r.field,
        )
        s.items.forEach((it, i) => {
          const allowed = ALLOWED[it.frequencyType]?.(s.nvme)
          if (!allowed) return
          expect(
            fields.includes(`policies.0.policyItems.${i}.frequencyInterval`),
          ).toBe(!allowed.includes(it.frequencyInterval))
        })
      }),
      runs,
    )
  })

  it('P3: a second hourly or daily item is refused on its frequencyType', () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const fields = validatePolicy(policyOf({ ...s, policies: 1 }), s).map(
          (r) => r.field,
        )
        const seen = new Set<string>()
        s.items.forEach((it, i) => {
          const repeat =
            (it.frequencyType === 'hourly' || it.frequencyType === 'daily') &&
            seen.has(it.frequencyType)
          seen.add(it.frequencyType)
          if (repeat)
            expect(fields).toContain(
              `policies.0.policyItems.${i}.frequencyType`,
            )
        })
      }),
      runs,
    )
  })

  it('P4: no retention shorter than a more frequent item’s (nor than its own period)', () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const fields = validatePolicy(policyOf({ ...s, policies: 1 }), s).map(
          (r) => r.field,
        )
        s.items.forEach((it, i) => {
          if (!ranked(it)) return
          const longer = Math.max(
            0,
            ...s.items
              .filter(
                (o) =>
                  ranked(o) &&
                  (RANK[o.frequencyType] ?? 0) < (RANK[it.frequencyType] ?? 0),
              )
              .map(days),
          )
          const minimum = MINIMUM_DAYS[it.frequencyType] ?? 0
          const short =
            (days(it) < longer && longer >= minimum) || days(it) < minimum
          expect(
            fields.includes(`policies.0.policyItems.${i}.retentionValue`),
          ).toBe(short || !isIntIn(it.retentionValue, 1))
        })
      }),
      runs,
    )
  })

  it('P5 and P6: the restore window within the hourly retention; the snapshot time a real time of day', () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const fields = validatePolicy(policyOf({ ...s, policies: 1 }), s).map(
          (r) => r.field,
        )
        const hourly = s.items.find((i) => i.frequencyType === 'hourly')
        const rwd = s.restoreWindowDays
        const windowWrong =
          s.pitEnabled &&
          present(rwd) &&
          (!isIntIn(rwd, 1) ||
            (hourly !== undefined &&
              Number.isInteger(hourly.retentionValue) &&
              (rwd as number) > days(hourly)))
        expect(fields.includes('restoreWindowDays')).toBe(windowWrong)
        expect(fields.includes('referenceHourOfDay')).toBe(
          present(s.referenceHourOfDay) &&
            !isIntIn(s.referenceHourOfDay, 0, 23),
        )
        expect(fields.includes('referenceMinuteOfHour')).toBe(
          present(s.referenceMinuteOfHour) &&
            !isIntIn(s.referenceMinuteOfHour, 0, 59),
        )
      }),
      runs,
    )
  })
})

describe('snapshots (S1, S3)', () => {
  it('S1: an on-demand snapshot needs a description and retentionInDays ≥ 1, and waits for another on-demand one', () => {
    fc.assert(
      fc.property(
        fc.record({
          description: fc.oneof(
            fc.string({ maxLength: 5 }),
            fc.constantFrom(undefined, null, ' '),
          ),
          retentionInDays: fc.oneof(
            fc.integer({ min: -2, max: 40 }),
            fc.constantFrom(undefined, null, 1.5, 2147483648),
          ),
        }),
        fc.array(
          fc.record({
            snapshotType: fc.constantFrom(
              'onDemand' as const,
              'scheduled' as const,
              'fallback' as const,
            ),
            status: fc.constantFrom(
              'queued' as const,
              'inProgress' as const,
              'completed' as const,
              'failed' as const,
            ),
          }),
          { maxLength: 5 },
        ),
        (body, existing) => {
          const fine =
            typeof body.description === 'string' &&
            body.description.trim() !== '' &&
            isIntIn(body.retentionInDays, 1)
          expect(validateOnDemandSnapshotRequest(body).length === 0).toBe(fine)
          const busy = existing.some(
            (e) =>
              e.snapshotType === 'onDemand' &&
              (e.status === 'queued' || e.status === 'inProgress'),
          )
          expect(checkOnDemandSnapshotAllowed(existing).ok).toBe(!busy)
        },
      ),
      runs,
    )
  })

  it('S3: deletion only for a dedicated cluster, without a compliance policy, once confirmed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          undefined,
          'dedicated' as const,
          'flex' as const,
          'serverless' as const,
        ),
        fc.boolean(),
        fc.constantFrom(undefined, null, true, false),
        (kind, compliancePolicyEnabled, confirmed) => {
          const ok =
            (kind === undefined || kind === 'dedicated') &&
            !compliancePolicyEnabled &&
            confirmed === true
          expect(
            checkSnapshotDeletion({ kind, compliancePolicyEnabled, confirmed })
              .ok,
          ).toBe(ok)
        },
      ),
      runs,
    )
  })

  it('S3: a new expiry is accepted only in the future, on a real date, and never shorter under a compliance policy', () => {
    fc.assert(
      fc.property(
        fc.record({
          retentionUnit: fc.constantFrom(
            'DAYS' as const,
            'WEEKS' as const,
            'MONTHS' as const,
            'YEARS' as const,
          ),
          retentionValue: fc.oneof(
            fc.integer({ min: 1, max: 400 }),
            fc.constantFrom(0, 2147483647, 9000, 1.5),
          ),
          createdMs: fc.integer({
            min: Date.UTC(2024, 0, 1),
            max: Date.UTC(2026, 0, 1),
          }),
          ageDays: fc.integer({ min: 0, max: 900 }),
          currentDays: fc.integer({ min: 1, max: 400 }),
          compliancePolicyEnabled: fc.boolean(),
        }),
        (c) => {
          const createdAt = new Date(c.createdMs)
          const now = new Date(c.createdMs + c.ageDays * 86_400_000)
          const currentExpiresAt = new Date(
            c.createdMs + c.currentDays * 86_400_000,
          )
          const result = checkSnapshotExpiryChange({
            ...c,
            createdAt,
            now,
            currentExpiresAt,
          })
          if (!isIntIn(c.retentionValue, 1)) {
            expect(result.ok).toBe(false)
            return
          }
          const after = snapshotExpiryAfterChange(
            createdAt,
            c.retentionValue,
            c.retentionUnit,
          )
          const real =
            !Number.isNaN(after.getTime()) && after.getUTCFullYear() <= 9999
          const ok =
            real &&
            after > now &&
            !(c.compliancePolicyEnabled && after < currentExpiresAt)
          expect(result.ok).toBe(ok)
          if (!result.ok) expect(result.field).toBe('retentionValue')
        },
      ),
      runs,
    )
  })
})

describe('downloads (R3)', () => {
  it('one download per snapshot at a time and at most 20 per project', () => {
    const nowMs = Date.UTC(2025, 0, 1)
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            deliveryType: fc.constantFrom(
              'download' as const,
              'automated' as const,
            ),
            snapshotId: fc.constantFrom('s1', 's2', 's3'),
            failed: fc.boolean(),
            cancelled: fc.boolean(),
            expired: fc.boolean(),
            expiresInMs: fc.integer({ min: -3_600_000, max: 3_600_000 }),
          }),
          { maxLength: 30 },
        ),
        fc.constantFrom('s1', 's2', 's3', 's4'),
        (jobs, snapshotId) => {
          const input = jobs.map((j) => ({
            ...j,
            expiresAt: new Date(nowMs + j.expiresInMs),
          }))
          const active = input.filter(
            (j) =>
              j.deliveryType === 'download' &&
              !j.failed &&
              !j.cancelled &&
              !j.expired &&
              j.expiresInMs > 0,
          )
          const counts = countActiveDownloads(
            input,
            snapshotId,
            new Date(nowMs),
          )
          expect(counts).toEqual({
            forSnapshot: active.filter((j) => j.snapshotId === snapshotId)
              .length,
            inProject: active.length,
          })
          expect(checkDownloadLimits(counts).ok).toBe(
            counts.forSnapshot === 0 && counts.inProject < 20,
          )
        },
      ),
      runs,
    )
  })
})

describe('topology (R7)', () => {
  it('a snapshot restores only to a cluster of the same kind and shard count', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('replicaSet' as const, 'shardedCluster' as const),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(
          'REPLICASET' as const,
          'SHARDED' as const,
          'GEOSHARDED' as const,
        ),
        fc.integer({ min: 1, max: 4 }),
        (type, shards, clusterType, targetShards) => {
          const result = checkRestoreTopology(
            {
              type,
              shardCount: type === 'shardedCluster' ? shards : undefined,
              clusterName: 'a',
              createdAt: new Date(0),
            },
            {
              name: 'b',
              clusterType,
              shardCount:
                clusterType === 'REPLICASET' ? undefined : targetShards,
            },
          )
          const sharded = clusterType !== 'REPLICASET'
          const ok =
            type === 'replicaSet'
              ? !sharded
              : sharded && shards === targetShards
          expect(result.ok).toBe(ok)
          if (!result.ok) expect(result.field).toBe('targetClusterName')
        },
      ),
      runs,
    )
  })
})

describe('roles (R9) and job states (R10)', () => {
  it('a role may do what its rank allows, and a higher role everything a lower one may', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...roles),
        fc.constantFrom(...actions),
        (role, action) => {
          expect(canPerform(role, action).ok).toBe(
            roles.indexOf(role) >= roles.indexOf(minimumRole[action]),
          )
        },
      ),
      runs,
    )
  })

  it('a job is finished when failed, cancelled or expired, finishedAt is set, or a download has a link', () => {
    fc.assert(
      fc.property(
        fc.record({
          deliveryType: fc.constantFrom(
            'automated' as const,
            'download' as const,
            'pointInTime' as const,
          ),
          failed: fc.constantFrom(undefined, null, true, false),
          cancelled: fc.constantFrom(undefined, null, true, false),
          expired: fc.constantFrom(undefined, null, true, false),
          finishedAt: fc.constantFrom(
            undefined,
            null,
            '',
            '2025-01-01T00:00:00Z',
          ),
          deliveryUrl: fc.constantFrom(
            undefined,
            null,
            [],
            [''],
            ['https://x.example/a'],
          ),
        }),
        (job) => {
          const state = restoreJobState(job)
          const finished =
            job.failed === true ||
            job.cancelled === true ||
            job.expired === true ||
            present(job.finishedAt) ||
            (job.deliveryType === 'download' &&
              (job.deliveryUrl ?? []).some((u) => u !== ''))
          expect(isTerminalState(state)).toBe(finished)
          // Precedence: failed, then expired, then cancelled.
          if (job.failed === true) expect(state).toBe('failed')
          else if (job.expired === true) expect(state).toBe('expired')
          else if (job.cancelled === true) expect(state).toBe('cancelled')
        },
      ),
      runs,
    )
  })
})
