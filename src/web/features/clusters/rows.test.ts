import { describe, expect, it } from 'vitest'

import type { OverviewRow } from '../../../contract/bff/overview'
import { nextSort, parseListParams, withListParams } from './list-params'
import { filterRows, liveRpoSeconds, sortRows, typeOf } from './rows'

function row(name: string, extra: Partial<OverviewRow> = {}): OverviewRow {
  return {
    groupId: '6650a1b2c3d4e5f600000001',
    projectName: 'payments-prod',
    name,
    kind: 'dedicated',
    clusterType: 'REPLICASET',
    tier: 'M30',
    mongoDBVersion: '7.0.14',
    backupEnabled: true,
    pitEnabled: false,
    restoreWindowDays: null,
    latestSnapshot: null,
    lastCompletedSnapshotAt: null,
    nextSnapshot: null,
    rpoSeconds: 3600,
    rpoBasis: 'snapshot',
    activeRestores: 0,
    problems: [],
    error: null,
    ...extra,
  }
}

const rows = [
  row('b-continuous', {
    pitEnabled: true,
    rpoSeconds: 60,
    rpoBasis: 'continuous',
  }),
  row('a-hourly'),
  row('c-off', {
    backupEnabled: false,
    rpoSeconds: null,
    rpoBasis: null,
    problems: ['backup-off'],
  }),
  row('d-sharded', {
    clusterType: 'SHARDED',
    rpoSeconds: 7200,
    groupId: '6650a1b2c3d4e5f600000002',
    projectName: 'analytics',
  }),
  row('e-flex', { kind: 'flex', tier: 'FLEX', mongoDBVersion: '8.0.4' }),
]

describe('cluster list rows', () => {
  it('puts the worst RPO first by default: no backup, then the oldest snapshot', () => {
    const params = parseListParams(new URLSearchParams())
    expect(params).toMatchObject({ sort: 'rpo', dir: 'desc' })
    expect(sortRows(rows, params.sort, params.dir).map((r) => r.name)).toEqual([
      'c-off',
      'd-sharded',
      'a-hourly',
      'e-flex',
      'b-continuous',
    ])
  })

  it('sorts versions numerically and keeps missing values last', () => {
    const withMissing = [...rows, row('f-unknown', { mongoDBVersion: null })]
    const names = sortRows(withMissing, 'version', 'desc').map((r) => r.name)
    expect(names[0]).toBe('e-flex')
    expect(names.at(-1)).toBe('f-unknown')
  })

  it('filters by project, type and text', () => {
    const base = {
      project: undefined,
      type: undefined,
      problem: undefined,
      q: '',
    }
    expect(
      filterRows(rows, { ...base, type: 'sharded' }).map((r) => r.name),
    ).toEqual(['d-sharded'])
    expect(
      filterRows(rows, { ...base, project: '6650a1b2c3d4e5f600000002' }),
    ).toHaveLength(1)
    expect(filterRows(rows, { ...base, q: '8.0' }).map((r) => r.name)).toEqual([
      'e-flex',
    ])
    expect(
      filterRows(rows, { ...base, problem: 'backup-off' }).map((r) => r.name),
    ).toEqual(['c-off'])
    expect(typeOf(rows[4]!)).toBe('flex')
  })

  it('ages a snapshot-based RPO with the clock, not a continuous one', () => {
    expect(liveRpoSeconds(rows[1]!, 0, 60_000)).toBe(3660)
    expect(liveRpoSeconds(rows[0]!, 0, 60_000)).toBe(60)
  })

  it('keeps only non-default state in the URL', () => {
    const start = new URLSearchParams('tz=local')
    const sorted = withListParams(
      start,
      nextSort(parseListParams(start), 'name'),
    )
    expect(sorted.toString()).toBe('tz=local&sort=name')
    const flipped = withListParams(
      sorted,
      nextSort(parseListParams(sorted), 'name'),
    )
    expect(flipped.toString()).toBe('tz=local&sort=name&dir=desc')
    const back = withListParams(flipped, { sort: 'rpo', dir: 'desc', q: '  ' })
    expect(back.toString()).toBe('tz=local')
  })
})
