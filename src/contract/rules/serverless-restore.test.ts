import { describe, expect, it } from 'vitest'
import {
  checkRestoreTargetKind,
  checkServerlessRestoreRequest,
  explainVersionGone,
  isVersionGone,
  validateServerlessRestoreRequest,
} from './serverless-restore'
import type { ServerlessRestoreRequestInput } from './serverless-restore'

const now = new Date('2026-01-10T12:00:00Z')
const nowSec = now.getTime() / 1000
const HOURS_72 = 72 * 3600
const targets = {
  targetGroupId: '32b6e34b3d91647abb20e7b8',
  targetClusterName: 'serverless1',
}
const pit = (
  fields: Partial<ServerlessRestoreRequestInput>,
): ServerlessRestoreRequestInput => ({
  deliveryType: 'pointInTime',
  ...targets,
  ...fields,
})

describe('R5 serverless point in time', () => {
  it('accepts exactly 72 hours ago and refuses one second earlier', () => {
    expect(
      checkServerlessRestoreRequest(
        pit({ pointInTimeUTCSeconds: nowSec - HOURS_72 }),
        now,
      ),
    ).toEqual({ ok: true })
    const tooOld = checkServerlessRestoreRequest(
      pit({ pointInTimeUTCSeconds: nowSec - HOURS_72 - 1 }),
      now,
    )
    expect(tooOld).toMatchObject({
      ok: false,
      field: 'pointInTimeUTCSeconds',
      errorCode: 'POINT_IN_TIME_OUTSIDE_RESTORE_WINDOW',
    })
    expect(!tooOld.ok && tooOld.reason).toContain(
      '(2026-01-07 12:00:00 UTC to 2026-01-10 12:00:00 UTC)',
    )
  })

  it('refuses the future', () => {
    expect(
      checkServerlessRestoreRequest(
        pit({ pointInTimeUTCSeconds: nowSec + 1 }),
        now,
      ).ok,
    ).toBe(false)
  })

  it('needs a date and time', () => {
    expect(
      validateServerlessRestoreRequest(pit({}), now).map((r) => r.field),
    ).toEqual(['pointInTimeUTCSeconds'])
  })

  it('refuses oplog fields', () => {
    const refusals = validateServerlessRestoreRequest(
      pit({ oplogTs: nowSec, oplogInc: 1 }),
      now,
    )
    expect(refusals.map((r) => r.field)).toEqual([
      'oplogTs',
      'oplogInc',
      'pointInTimeUTCSeconds',
    ])
    expect(refusals[0]?.reason).toMatch(/not to an oplog entry/)
  })

  it('refuses download', () => {
    const result = checkServerlessRestoreRequest(
      { deliveryType: 'download', snapshotId: '5f4007f327a3bd7b6f4103c5' },
      now,
    )
    expect(result).toMatchObject({
      ok: false,
      field: 'deliveryType',
      errorCode: 'DELIVERY_TYPE_NOT_SUPPORTED',
    })
  })

  it('requires the targets and, for automated, the snapshot', () => {
    expect(
      validateServerlessRestoreRequest({ deliveryType: 'automated' }, now).map(
        (r) => r.field,
      ),
    ).toEqual(['targetGroupId', 'targetClusterName', 'snapshotId'])
  })
})

describe('R5 checkRestoreTargetKind', () => {
  it('lets only serverless snapshots restore to serverless', () => {
    expect(checkRestoreTargetKind('serverless', 'serverless').ok).toBe(true)
    expect(checkRestoreTargetKind('dedicated', 'serverless')).toMatchObject({
      ok: false,
      field: 'targetClusterName',
      errorCode: 'INCOMPATIBLE_RESTORE_TARGET',
    })
    expect(checkRestoreTargetKind('flex', 'serverless').ok).toBe(false)
  })

  it('refuses serverless to Flex but allows serverless to dedicated', () => {
    expect(checkRestoreTargetKind('serverless', 'flex').ok).toBe(false)
    expect(checkRestoreTargetKind('serverless', 'dedicated').ok).toBe(true)
    expect(checkRestoreTargetKind('dedicated', 'dedicated').ok).toBe(true)
  })
})

describe('R5 VERSION_GONE', () => {
  it('recognises a 410 and explains it in plain words', () => {
    expect(isVersionGone({ error: 410, errorCode: 'VERSION_GONE' })).toBe(true)
    expect(isVersionGone({ error: 404, errorCode: 'RESOURCE_NOT_FOUND' })).toBe(
      false,
    )
    const text = explainVersionGone()
    expect(text).toContain('22 January 2026')
    expect(text).toContain('Flex')
    expect(text).not.toContain('VERSION_GONE')
  })
})
