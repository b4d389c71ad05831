import { describe, expect, it } from 'vitest'
import {
  checkFlexRestoreRequest,
  checkFlexRestoreTarget,
  flexDownloadLinkExpiresAt,
  flexSnapshotsBeyondRetention,
  majorVersion,
  validateFlexRestoreRequest,
} from './flex-restore'

const snapshotId = '5f4007f327a3bd7b6f4103c5'

describe('R6 flex restore body', () => {
  it('needs snapshotId and targetDeploymentItemName', () => {
    expect(
      checkFlexRestoreRequest({
        snapshotId,
        targetDeploymentItemName: 'flex-2',
      }),
    ).toEqual({ ok: true })
    expect(validateFlexRestoreRequest({}).map((r) => r.field)).toEqual([
      'snapshotId',
      'targetDeploymentItemName',
    ])
  })

  it('accepts Unicode names and checks the optional project id', () => {
    expect(
      checkFlexRestoreRequest({
        snapshotId,
        targetDeploymentItemName: 'Sauvegarde-été',
        targetProjectId: '32b6e34b3d91647abb20e7b8',
      }).ok,
    ).toBe(true)
    expect(
      validateFlexRestoreRequest({
        snapshotId,
        targetDeploymentItemName: 'a'.repeat(65),
        targetProjectId: 'nope',
      }).map((r) => r.field),
    ).toEqual(['targetDeploymentItemName', 'targetProjectId'])
  })
})

describe('R6 checkFlexRestoreTarget', () => {
  const replicaSet = { kind: 'dedicated', clusterType: 'REPLICASET' } as const

  it('accepts a replica set on the same major version without encryption', () => {
    expect(
      checkFlexRestoreTarget('8.0.4', {
        ...replicaSet,
        encryptionAtRestProvider: 'NONE',
        mongoDBVersion: '8.0.12',
      }),
    ).toEqual({ ok: true })
    expect(checkFlexRestoreTarget('8.0.4', { kind: 'flex' }).ok).toBe(true)
  })

  it.each(['SHARDED', 'GEOSHARDED'] as const)(
    'refuses a %s target',
    (clusterType) => {
      const result = checkFlexRestoreTarget('8.0.4', {
        kind: 'dedicated',
        clusterType,
      })
      expect(result).toMatchObject({
        ok: false,
        field: 'targetDeploymentItemName',
        errorCode: 'INCOMPATIBLE_RESTORE_TARGET',
      })
      expect(!result.ok && result.reason).toMatch(/never to a sharded cluster/)
    },
  )

  it('refuses a target with encryption at rest', () => {
    const result = checkFlexRestoreTarget('8.0.4', {
      ...replicaSet,
      encryptionAtRestProvider: 'AWS',
    })
    expect(!result.ok && result.reason).toMatch(/encryption at rest \(AWS\)/)
  })

  it('refuses another major version', () => {
    const result = checkFlexRestoreTarget('7.0.14', {
      ...replicaSet,
      mongoDBVersion: '8.0.4',
    })
    expect(!result.ok && result.reason).toBe(
      'The snapshot runs MongoDB 7.0 and the target 8.0; a Flex snapshot can only be ' +
        'restored to a cluster on MongoDB 7.0',
    )
  })

  it('refuses a serverless target', () => {
    expect(checkFlexRestoreTarget('8.0.4', { kind: 'serverless' }).ok).toBe(
      false,
    )
  })
})

describe('R6 facts', () => {
  it('reads the major version', () => {
    expect(majorVersion('8.0.4')).toBe('8.0')
    expect(majorVersion('7.3')).toBe('7.3')
    expect(majorVersion('latest')).toBeUndefined()
  })

  it('expires download links after four hours', () => {
    expect(flexDownloadLinkExpiresAt(new Date('2026-03-01T22:30:00Z'))).toEqual(
      new Date('2026-03-02T02:30:00Z'),
    )
  })

  it('keeps the last 8 daily snapshots', () => {
    const snapshots = Array.from({ length: 10 }, (_, i) => ({
      id: `s${i}`,
      createdAt: new Date(Date.UTC(2026, 2, i + 1)),
    })).reverse()
    expect(flexSnapshotsBeyondRetention(snapshots)).toEqual(['s0', 's1'])
    expect(flexSnapshotsBeyondRetention(snapshots.slice(0, 8))).toEqual([])
  })
})
