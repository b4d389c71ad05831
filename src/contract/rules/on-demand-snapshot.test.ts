import { describe, expect, it } from 'vitest'
import {
  checkOnDemandSnapshot,
  checkOnDemandSnapshotAllowed,
  checkOnDemandSnapshotSupported,
  validateOnDemandSnapshotRequest,
} from './on-demand-snapshot'

const body = { description: 'Before the schema migration', retentionInDays: 1 }

describe('S1 validateOnDemandSnapshotRequest', () => {
  it('accepts one day and a description', () => {
    expect(validateOnDemandSnapshotRequest(body)).toEqual([])
  })

  it.each([0, -3, 1.5, Number.NaN])(
    'refuses retentionInDays %d',
    (retentionInDays) => {
      expect(
        validateOnDemandSnapshotRequest({ ...body, retentionInDays }),
      ).toEqual([
        {
          ok: false,
          reason: 'retentionInDays must be an integer of at least 1',
          field: 'retentionInDays',
          errorCode: 'VALIDATION_ERROR',
        },
      ])
    },
  )

  it('requires both fields, and a description that is not only spaces', () => {
    expect(validateOnDemandSnapshotRequest({}).map((r) => r.field)).toEqual([
      'retentionInDays',
      'description',
    ])
    expect(
      validateOnDemandSnapshotRequest({ ...body, description: '   ' }).map(
        (r) => r.field,
      ),
    ).toEqual(['description'])
  })
})

describe('S1 checkOnDemandSnapshotAllowed', () => {
  it.each(['queued', 'inProgress'] as const)(
    'refuses while an on-demand one is %s',
    (status) => {
      const result = checkOnDemandSnapshotAllowed([
        { snapshotType: 'onDemand', status },
      ])
      expect(result).toMatchObject({
        ok: false,
        errorCode: 'ON_DEMAND_SNAPSHOT_IN_PROGRESS',
      })
      expect(!result.ok && result.reason).toMatch(/wait until it completes/)
    },
  )

  it('is not blocked by a queued or running scheduled snapshot', () => {
    expect(
      checkOnDemandSnapshotAllowed([
        { snapshotType: 'scheduled', status: 'queued' },
        { snapshotType: 'fallback', status: 'inProgress' },
        { snapshotType: 'onDemand', status: 'completed' },
        { snapshotType: 'onDemand', status: 'failed' },
      ]),
    ).toEqual({ ok: true })
  })
})

describe('S1 checkOnDemandSnapshot', () => {
  it('refuses Flex and serverless before anything else', () => {
    expect(checkOnDemandSnapshotSupported('dedicated').ok).toBe(true)
    expect(checkOnDemandSnapshot({}, [], 'flex')).toMatchObject({
      ok: false,
      errorCode: 'FEATURE_UNSUPPORTED',
    })
    expect(checkOnDemandSnapshot(body, [], 'serverless').ok).toBe(false)
  })

  it('checks the body, then the running snapshots', () => {
    const busy = [{ snapshotType: 'onDemand', status: 'queued' } as const]
    expect(
      checkOnDemandSnapshot({ ...body, retentionInDays: 0 }, busy),
    ).toMatchObject({
      field: 'retentionInDays',
    })
    expect(checkOnDemandSnapshot(body, busy)).toMatchObject({
      errorCode: 'ON_DEMAND_SNAPSHOT_IN_PROGRESS',
    })
    expect(checkOnDemandSnapshot(body, [])).toEqual({ ok: true })
  })
})
