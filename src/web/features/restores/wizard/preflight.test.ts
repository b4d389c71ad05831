import { describe, expect, it } from 'vitest'

import type { LiveJob } from '../../../../contract/bff/job-events'
import type { DeploymentFacts } from '../deployment-facts'
import type { SnapshotRow } from '../snapshot-rows'
import { type PreflightInput, firstFailure, preflightChecks } from './preflight'

const G = '6650a1b2c3d4e5f600000001'
const NOW = new Date('2026-03-01T12:00:00Z')

const facts = (fields: Partial<DeploymentFacts>): DeploymentFacts => ({
  kind: 'dedicated',
  groupId: G,
  name: 'payments-rs',
  clusterType: 'REPLICASET',
  shardCount: undefined,
  configServerType: undefined,
  mongoDBVersion: '7.0.14',
  encryptionAtRestProvider: 'NONE',
  pitEnabled: true,
  backupEnabled: true,
  ...fields,
})

const snapshot = (fields: Partial<SnapshotRow> = {}): SnapshotRow => ({
  id: '6b03d660c395881c367d55ed',
  createdAt: '2026-03-01T06:00:00Z',
  status: 'completed',
  snapshotType: 'scheduled',
  frequencyType: 'hourly',
  storageSizeBytes: 1,
  mongodVersion: '7.0.14',
  description: undefined,
  topology: 'replicaSet',
  shardCount: undefined,
  configServerType: undefined,
  ...fields,
})

function check(input: Partial<PreflightInput>) {
  const lines = preflightChecks({
    source: facts({}),
    snapshot: snapshot(),
    target: facts({ name: 'payments-staging', pitEnabled: false }),
    targetLatestSnapshot: snapshot({ createdAt: '2026-03-01T10:00:00Z' }),
    activeRestores: [],
    now: NOW,
    ...input,
  })
  const by = (id: string) => lines.find((l) => l.id === id)
  return { lines, by }
}

describe('preflightChecks', () => {
  it('passes a replica set snapshot onto a replica set on the same release', () => {
    const { lines, by } = check({})
    expect(firstFailure(lines)).toBeUndefined()
    expect(by('version')?.status).toBe('pass')
    expect(by('continuous')?.status).toBe('warn')
    expect(by('same')?.status).toBe('pass')
  })

  it('fails a 3-shard snapshot onto a 2-shard cluster (R7)', () => {
    const { by } = check({
      snapshot: snapshot({ topology: 'shardedCluster', shardCount: 3 }),
      target: facts({
        name: 'warehouse-sharded',
        clusterType: 'SHARDED',
        shardCount: 2,
        mongoDBVersion: '8.0.4',
      }),
    })
    expect(by('topology')).toMatchObject({
      status: 'fail',
      detail:
        'The snapshot holds 3 shards but warehouse-sharded has 2; a sharded snapshot restores only to a cluster with the same number of shards.',
    })
    expect(by('version')?.status).toBe('pass')
  })

  it('fails a Flex snapshot onto a sharded cluster and onto encryption at rest (R6)', () => {
    const { by } = check({
      source: facts({
        kind: 'flex',
        name: 'reports-flex',
        mongoDBVersion: '8.0.4',
      }),
      snapshot: snapshot({ mongodVersion: '8.0.4' }),
      target: facts({
        name: 'big',
        clusterType: 'SHARDED',
        shardCount: 2,
        encryptionAtRestProvider: 'AWS',
        mongoDBVersion: '8.0.4',
      }),
    })
    expect(by('topology')?.status).toBe('fail')
    expect(by('topology')?.detail).toMatch(/never to a sharded cluster/)
    expect(by('encryption')?.status).toBe('fail')
  })

  it('fails a target on an older release and one without the source’s encryption', () => {
    const { by } = check({
      source: facts({ encryptionAtRestProvider: 'AWS' }),
      target: facts({ name: 'old', mongoDBVersion: '6.0.19' }),
    })
    expect(by('version')?.status).toBe('fail')
    expect(by('encryption')?.detail).toMatch(
      /encrypted at rest with AWS keys but old does not use encryption at rest/,
    )
  })

  it('warns when the target is the source, and when its latest snapshot is old or missing', () => {
    expect(check({ target: facts({}) }).by('same')?.status).toBe('warn')
    const old = check({
      targetLatestSnapshot: snapshot({ createdAt: '2026-02-28T11:59:59Z' }),
    }).by('latest-snapshot')
    expect(old?.status).toBe('warn')
    expect(old?.detail).toMatch(
      /its current data will be lost without a recent backup/,
    )
    expect(
      check({ targetLatestSnapshot: null }).by('latest-snapshot')?.detail,
    ).toBe(
      'payments-staging has no completed snapshot: its current data will be lost without a recent backup.',
    )
  })

  it('fails while a restore runs into the target, and refuses serverless targets (R5)', () => {
    const running = {
      kind: 'dedicated',
      clusterName: 'payments-rs',
      jobId: '6b03d660c395881c367d55ee',
    } as LiveJob
    expect(
      check({ activeRestores: [running] }).by('active-restore')?.status,
    ).toBe('fail')
    expect(
      check({ target: facts({ kind: 'serverless', name: 'dev' }) }).by('kind')
        ?.status,
    ).toBe('fail')
  })
})

describe('preflightChecks: copies in other regions (issue 9)', () => {
  it('says when the snapshot could be restored from a copy region, never blocking', () => {
    const copied = check({
      snapshot: snapshot({ copyRegions: ['US_WEST_2'] }),
    }).by('copy-regions')
    expect(copied).toMatchObject({ status: 'pass' })
    expect(copied?.detail).toBe(
      'This snapshot also has a copy in US_WEST_2: if the region it was taken in is down, Atlas can restore it from that copy.',
    )
    expect(
      check({ snapshot: snapshot({ copyRegions: [] }) }).by('copy-regions')
        ?.detail,
    ).toMatch(/^This snapshot has no copy in another region/)
  })

  it('names the copy regions of the policy that did not take this snapshot', () => {
    const detail = check({
      snapshot: snapshot({ copyRegions: [] }),
      sourceCopies: [{ regionName: 'US_WEST_2', shouldCopyOplogs: false }],
    }).by('copy-regions')?.detail
    expect(detail).toMatch(/^This snapshot has no copy in another region/)
    expect(detail).toMatch(
      /The policy copies to US_WEST_2, but not this snapshot/,
    )
    expect(
      check({
        snapshot: snapshot({ copyRegions: [] }),
        sourceCopies: [],
      }).by('copy-regions')?.detail,
    ).not.toMatch(/The policy copies/)
  })

  it('says nothing of copies for a sharded snapshot, nor for Flex', () => {
    expect(
      check({
        snapshot: snapshot({ topology: 'shardedCluster', copyRegions: [] }),
      }).by('copy-regions'),
    ).toBeUndefined()
    expect(
      check({ source: facts({ kind: 'flex' }) }).by('copy-regions'),
    ).toBeUndefined()
  })
})

describe('preflightChecks: a point in time from a copy region (shouldCopyOplogs)', () => {
  const pit = (sourceCopies: PreflightInput['sourceCopies']) =>
    check({ snapshot: undefined, sourceCopies }).by('copy-regions')

  it('names the regions oplogs are copied to, and those taking snapshots only', () => {
    expect(
      pit([
        { regionName: 'US_EAST_2', shouldCopyOplogs: true },
        { regionName: 'US_WEST_2', shouldCopyOplogs: false },
      ]),
    ).toEqual({
      id: 'copy-regions',
      title: 'Copies in other regions',
      status: 'pass',
      detail:
        'The backup policy copies oplogs to US_EAST_2 (US_WEST_2 takes snapshots only): if the region the cluster backs up in is down, a point-in-time restore could come from that region.',
    })
    expect(
      pit([
        { regionName: 'US_EAST_2', shouldCopyOplogs: true },
        { regionName: 'US_WEST_1', shouldCopyOplogs: true },
      ])?.detail,
    ).toMatch(
      /^The backup policy copies oplogs to US_EAST_2 and US_WEST_1: .* from one of them\.$/,
    )
  })

  it('says a point in time needs the home region when no oplogs are copied', () => {
    expect(
      pit([{ regionName: 'US_WEST_2', shouldCopyOplogs: false }])?.detail,
    ).toBe(
      'The backup policy copies snapshots to US_WEST_2 but no oplogs: a point-in-time restore needs the region the cluster backs up in.',
    )
    expect(pit([])?.detail).toBe(
      'The backup policy copies nothing to other regions: a point-in-time restore needs the region the cluster backs up in.',
    )
  })

  it('stays general when the policy could not be read', () => {
    expect(pit(undefined)?.detail).toMatch(
      /^The backup policy could not be read: .* only if the policy copies oplogs there/,
    )
  })
})
