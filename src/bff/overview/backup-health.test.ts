import { describe, expect, it } from 'vitest'

import {
  CONTINUOUS_BACKUP_RPO_SECONDS,
  STALE_WITHOUT_POLICY_SECONDS,
} from '../../contract/bff/overview'
import {
  type BackupFacts,
  assessBackup,
  staleAfterSeconds,
} from './backup-health'

const HOUR = 3600
const now = new Date('2025-06-01T12:00:00Z')
const hoursAgo = (h: number) => new Date(now.getTime() - h * HOUR * 1000)

function facts(overrides: Partial<BackupFacts>): BackupFacts {
  return {
    backupEnabled: true,
    continuous: false,
    snapshots: {
      latest: { id: null, createdAt: null, status: 'completed' },
      lastCompletedAt: hoursAgo(1),
    },
    createdAt: hoursAgo(1000),
    staleAfterSeconds: 12 * HOUR,
    now,
    ...overrides,
  }
}

describe('staleAfterSeconds', () => {
  it('is twice the smallest spacing of the policy', () => {
    expect(
      staleAfterSeconds([
        { frequencyType: 'daily', frequencyInterval: 1 },
        { frequencyType: 'hourly', frequencyInterval: 6 },
        { frequencyType: 'weekly', frequencyInterval: 6 },
      ]),
    ).toBe(12 * HOUR)
    expect(
      staleAfterSeconds([{ frequencyType: 'weekly', frequencyInterval: 3 }]),
    ).toBe(14 * 24 * HOUR)
  })

  it('is 25 hours without a policy', () => {
    expect(staleAfterSeconds(undefined)).toBe(STALE_WITHOUT_POLICY_SECONDS)
    expect(staleAfterSeconds([])).toBe(25 * HOUR)
  })
})

describe('assessBackup', () => {
  it('finds nothing wrong with a recent completed snapshot', () => {
    expect(assessBackup(facts({}))).toEqual({
      problems: [],
      rpoSeconds: HOUR,
      rpoBasis: 'snapshot',
    })
  })

  it('says backup-off and nothing else when backup is off', () => {
    expect(assessBackup(facts({ backupEnabled: false }))).toEqual({
      problems: ['backup-off'],
      rpoSeconds: null,
      rpoBasis: null,
    })
  })

  it('flags a snapshot older than the threshold as stale', () => {
    const old = facts({
      snapshots: {
        latest: { id: null, createdAt: null, status: 'completed' },
        lastCompletedAt: hoursAgo(13),
      },
    })
    expect(assessBackup(old).problems).toEqual(['stale'])
    expect(assessBackup(old).rpoSeconds).toBe(13 * HOUR)
  })

  it('flags a failed latest snapshot, and counts from the last completed one', () => {
    const failed = facts({
      snapshots: {
        latest: { id: null, createdAt: null, status: 'failed' },
        lastCompletedAt: hoursAgo(2),
      },
    })
    expect(assessBackup(failed)).toMatchObject({
      problems: ['failed'],
      rpoSeconds: 2 * HOUR,
    })
  })

  it('counts a deployment that never completed a snapshot from its creation', () => {
    const none = { latest: null, lastCompletedAt: null }
    expect(
      assessBackup(facts({ snapshots: none, createdAt: hoursAgo(30) })),
    ).toEqual({ problems: ['stale'], rpoSeconds: null, rpoBasis: null })
    expect(
      assessBackup(facts({ snapshots: none, createdAt: hoursAgo(2) })).problems,
    ).toEqual([])
  })

  it('uses the fixed oplog estimate for continuous backup', () => {
    expect(assessBackup(facts({ continuous: true }))).toMatchObject({
      rpoSeconds: CONTINUOUS_BACKUP_RPO_SECONDS,
      rpoBasis: 'continuous',
    })
  })

  it('claims nothing about snapshots it could not read', () => {
    expect(assessBackup(facts({ snapshots: undefined }))).toEqual({
      problems: [],
      rpoSeconds: null,
      rpoBasis: null,
    })
  })
})
