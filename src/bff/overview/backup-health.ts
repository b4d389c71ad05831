import type { PolicyFrequencyType } from '../../contract/atlas/common'
import {
  CONTINUOUS_BACKUP_RPO_SECONDS,
  type OverviewProblem,
  type OverviewSnapshot,
  STALE_WITHOUT_POLICY_SECONDS,
} from '../../contract/bff/overview'
import { NOMINAL_DAYS_PER_UNIT } from '../../contract/rules/retention'

const HOUR = 3600
const DAY = 24 * HOUR

type PolicyItemLike = {
  frequencyType: PolicyFrequencyType
  frequencyInterval: number
}

/**
 * Seconds between two snapshots of one item (P2): hourly every N hours, daily every day; the
 * weekly, monthly and yearly intervals name a day or a month, not a spacing, so those count a
 * week, a month (31 days) and a year (372 days) as retention.ts does.
 */
function itemSpacingSeconds(item: PolicyItemLike): number | undefined {
  switch (item.frequencyType) {
    case 'hourly':
      return item.frequencyInterval * HOUR
    case 'daily':
      return item.frequencyInterval * DAY
    case 'weekly':
      return NOMINAL_DAYS_PER_UNIT.weeks * DAY
    case 'monthly':
      return NOMINAL_DAYS_PER_UNIT.months * DAY
    case 'yearly':
      return NOMINAL_DAYS_PER_UNIT.years * DAY
    case 'ondemand':
      return undefined
  }
}

/** Stale after twice the smallest spacing of the policy; 25 h without a policy. */
export function staleAfterSeconds(
  items: readonly PolicyItemLike[] | undefined,
): number {
  const spacings = (items ?? [])
    .map(itemSpacingSeconds)
    .filter((s): s is number => s !== undefined && s > 0)
  return spacings.length > 0
    ? 2 * Math.min(...spacings)
    : STALE_WITHOUT_POLICY_SECONDS
}

export type BackupFacts = {
  backupEnabled: boolean
  /** Continuous backup (pitEnabled, or serverless continuous backup). */
  continuous: boolean
  /** Undefined when the snapshots could not be read. */
  snapshots:
    | { latest: OverviewSnapshot | null; lastCompletedAt: Date | null }
    | undefined
  /** When the deployment was created: with no completed snapshot, the age that counts. */
  createdAt: Date | null
  staleAfterSeconds: number
  now: Date
}

export type BackupAssessment = {
  problems: OverviewProblem[]
  rpoSeconds: number | null
  rpoBasis: 'continuous' | 'snapshot' | null
}

export function assessBackup(facts: BackupFacts): BackupAssessment {
  if (!facts.backupEnabled)
    return { problems: ['backup-off'], rpoSeconds: null, rpoBasis: null }
  const problems: OverviewProblem[] = []
  const known = facts.snapshots
  if (!known) return { problems, rpoSeconds: null, rpoBasis: null }
  if (known.latest?.status === 'failed') problems.push('failed')
  const since = known.lastCompletedAt ?? facts.createdAt
  const ageSeconds = (at: Date) =>
    Math.max(0, Math.floor((facts.now.getTime() - at.getTime()) / 1000))
  if (since && ageSeconds(since) > facts.staleAfterSeconds)
    problems.push('stale')
  if (!known.lastCompletedAt)
    return { problems, rpoSeconds: null, rpoBasis: null }
  // Atlas does not expose the oplog lag: continuous backup counts a fixed minute (overview.ts).
  return facts.continuous
    ? {
        problems,
        rpoSeconds: CONTINUOUS_BACKUP_RPO_SECONDS,
        rpoBasis: 'continuous',
      }
    : {
        problems,
        rpoSeconds: ageSeconds(known.lastCompletedAt),
        rpoBasis: 'snapshot',
      }
}
