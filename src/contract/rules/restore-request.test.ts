import { describe, expect, it } from 'vitest'
import {
  checkRestoreRequest,
  restoreInstant,
  validateRestoreRequest,
} from './restore-request'
import type { RestoreRequestInput } from './restore-request'

const snapshotId = '5f4007f327a3bd7b6f4103c5'
const targetGroupId = '32b6e34b3d91647abb20e7b8'
const targets = { targetGroupId, targetClusterName: 'Cluster1' }
const pit = (fields: Partial<RestoreRequestInput>): RestoreRequestInput => ({
  deliveryType: 'pointInTime',
  ...targets,
  ...fields,
})
const fields = (body: RestoreRequestInput) =>
  validateRestoreRequest(body).map((r) => r.field)

describe('R2 automated', () => {
  it('accepts snapshot and both targets', () => {
    expect(
      checkRestoreRequest({
        deliveryType: 'automated',
        snapshotId,
        ...targets,
      }),
    ).toEqual({ ok: true })
  })

  it('names every missing field', () => {
    const refusals = validateRestoreRequest({ deliveryType: 'automated' })
    expect(refusals.map((r) => r.field)).toEqual([
      'snapshotId',
      'targetGroupId',
      'targetClusterName',
    ])
    expect(refusals[0]?.reason).toBe(
      'snapshotId is required for automated restores',
    )
    expect(refusals[0]?.errorCode).toBe('VALIDATION_ERROR')
  })

  it('treats empty strings from an untouched form as missing', () => {
    expect(
      fields({
        deliveryType: 'automated',
        snapshotId,
        targetGroupId: '',
        targetClusterName: 'Cluster1',
      }),
    ).toEqual(['targetGroupId'])
  })

  it('refuses malformed ids and cluster names', () => {
    expect(
      fields({
        deliveryType: 'automated',
        snapshotId: 'XYZ',
        targetGroupId: targetGroupId.toUpperCase(),
        targetClusterName: '-bad',
      }),
    ).toEqual(['snapshotId', 'targetGroupId', 'targetClusterName'])
  })

  it('refuses point-in-time fields on an automated restore', () => {
    expect(
      fields({
        deliveryType: 'automated',
        snapshotId,
        ...targets,
        pointInTimeUTCSeconds: 1700000000,
      }),
    ).toEqual(['pointInTimeUTCSeconds'])
  })

  it('refuses an unknown deliveryType', () => {
    const body = { deliveryType: 'restore' } as unknown as RestoreRequestInput
    expect(fields(body)).toEqual(['deliveryType'])
  })
})

describe('R3 download', () => {
  it('needs only the snapshot', () => {
    expect(
      checkRestoreRequest({ deliveryType: 'download', snapshotId }),
    ).toEqual({
      ok: true,
    })
    expect(fields({ deliveryType: 'download' })).toEqual(['snapshotId'])
  })

  it('refuses each target field', () => {
    const refusals = validateRestoreRequest({
      deliveryType: 'download',
      snapshotId,
      ...targets,
    })
    expect(refusals.map((r) => r.field)).toEqual([
      'targetGroupId',
      'targetClusterName',
    ])
    expect(refusals[1]?.reason).toMatch(/must be left out of a download/)
  })
})

describe('R4 pointInTime fields', () => {
  it('needs the targets but not a snapshot', () => {
    expect(
      checkRestoreRequest(pit({ pointInTimeUTCSeconds: 1700000000 })),
    ).toEqual({
      ok: true,
    })
    expect(
      fields({
        deliveryType: 'pointInTime',
        pointInTimeUTCSeconds: 1700000000,
      }),
    ).toEqual(['targetGroupId', 'targetClusterName'])
  })

  it('checks a base snapshot id when one is given', () => {
    expect(
      fields(pit({ snapshotId: 'nope', pointInTimeUTCSeconds: 1700000000 })),
    ).toEqual(['snapshotId'])
  })

  it('needs one of the two forms', () => {
    const [refusal] = validateRestoreRequest(pit({}))
    expect(refusal?.field).toBe('pointInTimeUTCSeconds')
    expect(refusal?.reason).toMatch(/oplogTs together with oplogInc/)
  })

  it('refuses both forms at once', () => {
    const refusals = validateRestoreRequest(
      pit({
        pointInTimeUTCSeconds: 1700000000,
        oplogTs: 1700000000,
        oplogInc: 1,
      }),
    )
    expect(refusals).toHaveLength(1)
    expect(refusals[0]?.field).toBe('pointInTimeUTCSeconds')
    expect(refusals[0]?.reason).toMatch(/not both/)
  })

  it('refuses seconds with half a pair as both forms too', () => {
    expect(
      fields(pit({ pointInTimeUTCSeconds: 1700000000, oplogInc: 3 })),
    ).toEqual(['pointInTimeUTCSeconds'])
  })

  it('refuses half a pair, naming the missing half', () => {
    const onlyTs = validateRestoreRequest(pit({ oplogTs: 1700000000 }))
    expect(onlyTs.map((r) => [r.field, r.reason])).toEqual([
      ['oplogInc', 'oplogInc is required together with oplogTs'],
    ])
    const onlyInc = validateRestoreRequest(pit({ oplogInc: 5 }))
    expect(onlyInc.map((r) => [r.field, r.reason])).toEqual([
      ['oplogTs', 'oplogTs is required together with oplogInc'],
    ])
  })

  it('bounds oplogInc at 1', () => {
    const zero = validateRestoreRequest(
      pit({ oplogTs: 1700000000, oplogInc: 0 }),
    )
    expect(zero.map((r) => [r.field, r.reason])).toEqual([
      ['oplogInc', 'oplogInc must be an integer of at least 1'],
    ])
    expect(
      checkRestoreRequest(pit({ oplogTs: 1700000000, oplogInc: 1 })).ok,
    ).toBe(true)
    expect(fields(pit({ oplogTs: 1700000000, oplogInc: 2147483648 }))).toEqual([
      'oplogInc',
    ])
  })

  it.each([
    [1199145599, false],
    [1199145600, true],
    [2147483647, true],
    [2147483648, false],
    [1700000000.5, false],
    [Number.NaN, false],
  ])('pointInTimeUTCSeconds %d accepted: %s', (seconds, accepted) => {
    const result = checkRestoreRequest(pit({ pointInTimeUTCSeconds: seconds }))
    expect(result.ok).toBe(accepted)
    if (!result.ok) {
      expect(result.field).toBe('pointInTimeUTCSeconds')
      expect(result.reason).toContain(
        'from 1199145600 (2008-01-01 00:00:00 UTC)',
      )
      expect(result.reason).toContain('to 2147483647 (2038-01-19 03:14:07 UTC)')
    }
  })

  it.each([
    [1199145599, false],
    [1199145600, true],
    [2147483647, true],
    [2147483648, false],
    [1700000000.25, false],
  ])('oplogTs %d accepted: %s', (seconds, accepted) => {
    const result = checkRestoreRequest(pit({ oplogTs: seconds, oplogInc: 1 }))
    expect(result.ok).toBe(accepted)
    if (!result.ok) expect(result.field).toBe('oplogTs')
  })

  it('refuses a non-integer oplogInc', () => {
    expect(fields(pit({ oplogTs: 1700000000, oplogInc: 1.5 }))).toEqual([
      'oplogInc',
    ])
  })
})

describe('restoreInstant', () => {
  it('reads the instant from either form', () => {
    expect(restoreInstant(pit({ pointInTimeUTCSeconds: 1700000000 }))).toEqual({
      seconds: 1700000000,
      field: 'pointInTimeUTCSeconds',
    })
    expect(restoreInstant(pit({ oplogTs: 1700000001, oplogInc: 4 }))).toEqual({
      seconds: 1700000001,
      field: 'oplogTs',
    })
    expect(restoreInstant(pit({}))).toBeUndefined()
  })
})
