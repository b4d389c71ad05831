import { describe, expect, it } from 'vitest'
import {
  filterSnapshots,
  matchesSnapshotFilter,
  snapshotMembers,
  snapshotOrigin,
} from './snapshot-filters'
import type { FilterableSnapshot } from './snapshot-filters'

const snapshots: FilterableSnapshot[] = [
  {
    id: 'hourly1',
    createdAt: '2026-03-01T00:00:00Z',
    snapshotType: 'scheduled',
    frequencyType: 'hourly',
    status: 'completed',
    replicaSetName: 'atlas-abc-shard-0',
  },
  {
    id: 'weekly1',
    createdAt: '2026-02-28T18:00:00Z',
    snapshotType: 'scheduled',
    frequencyType: 'weekly',
    status: 'completed',
  },
  {
    id: 'fallback1',
    createdAt: '2026-02-27T18:00:00Z',
    snapshotType: 'fallback',
    frequencyType: 'daily',
    status: 'failed',
  },
  {
    id: 'manual1',
    createdAt: new Date('2026-03-01T09:00:00Z'),
    snapshotType: 'onDemand',
    status: 'inProgress',
    description: 'Before Migration 42',
  },
  {
    id: 'sharded1',
    createdAt: '2026-03-01T06:00:00Z',
    snapshotType: 'scheduled',
    frequencyType: 'hourly',
    status: 'queued',
    members: [
      { id: 'member0', replicaSetName: 'orders-shard-0', cloudProvider: 'AWS' },
      {
        id: 'member1',
        replicaSetName: 'orders-config-0',
        cloudProvider: 'AWS',
      },
    ],
  },
]
const ids = (filter: Parameters<typeof filterSnapshots>[1]) =>
  filterSnapshots(snapshots, filter).map((s) => s.id)

describe('S2 snapshot filters', () => {
  it('shows everything with an empty filter', () => {
    expect(ids({})).toHaveLength(5)
    expect(
      ids({ origin: 'all', frequencyTypes: [], statuses: [] }),
    ).toHaveLength(5)
  })

  it('splits policy (scheduled and fallback) from on-demand', () => {
    expect(ids({ origin: 'onDemand' })).toEqual(['manual1'])
    expect(ids({ origin: 'policy' })).toEqual([
      'hourly1',
      'weekly1',
      'fallback1',
      'sharded1',
    ])
    expect(
      snapshotOrigin({ id: 'x', createdAt: '', snapshotType: 'fallback' }),
    ).toBe('policy')
  })

  it('filters by frequency, leaving on-demand snapshots out', () => {
    expect(ids({ frequencyTypes: ['hourly'] })).toEqual(['hourly1', 'sharded1'])
    expect(ids({ frequencyTypes: ['daily', 'weekly'] })).toEqual([
      'weekly1',
      'fallback1',
    ])
  })

  it('filters by status', () => {
    expect(ids({ statuses: ['queued', 'inProgress'] })).toEqual([
      'manual1',
      'sharded1',
    ])
  })

  it('filters by an inclusive time range', () => {
    expect(
      ids({
        createdFrom: new Date('2026-02-28T18:00:00Z'),
        createdTo: new Date('2026-03-01T06:00:00Z'),
      }),
    ).toEqual(['hourly1', 'weekly1', 'sharded1'])
  })

  it('matches text in ids, descriptions and member names, ignoring case', () => {
    expect(ids({ text: 'migration' })).toEqual(['manual1'])
    expect(ids({ text: 'CONFIG-0' })).toEqual(['sharded1'])
    expect(ids({ text: 'member1' })).toEqual(['sharded1'])
    expect(ids({ text: 'shard-0' })).toEqual(['hourly1', 'sharded1'])
    expect(ids({ text: '  ' })).toHaveLength(5)
  })

  it('combines criteria', () => {
    const [sharded] = snapshots.slice(-1)
    expect(
      sharded &&
        matchesSnapshotFilter(sharded, { origin: 'onDemand', text: 'orders' }),
    ).toBe(false)
  })

  it('counts a scheduled snapshot without frequency (R10) as policy, in no frequency', () => {
    const afterRestore: FilterableSnapshot = {
      id: 'postRestore1',
      createdAt: '2026-03-01T07:00:00Z',
      snapshotType: 'scheduled',
      status: 'completed',
    }
    const list = [...snapshots, afterRestore]
    const of = (filter: Parameters<typeof filterSnapshots>[1]) =>
      filterSnapshots(list, filter).map((s) => s.id)
    expect(snapshotOrigin(afterRestore)).toBe('policy')
    expect(of({ origin: 'policy' })).toContain('postRestore1')
    expect(of({ origin: 'onDemand' })).not.toContain('postRestore1')
    expect(of({})).toContain('postRestore1')
    expect(of({ frequencyTypes: [] })).toContain('postRestore1')
    expect(of({ frequencyTypes: ['hourly'] })).toEqual(['hourly1', 'sharded1'])
    expect(of({ statuses: ['completed'], text: 'postrestore' })).toEqual([
      'postRestore1',
    ])
  })

  it('lists the members of a sharded snapshot only', () => {
    expect(
      snapshotMembers(snapshots[4] as FilterableSnapshot).map(
        (m) => m.replicaSetName,
      ),
    ).toEqual(['orders-shard-0', 'orders-config-0'])
    expect(snapshotMembers(snapshots[0] as FilterableSnapshot)).toEqual([])
  })
})
