import { describe, expect, it } from 'vitest'

import { checkTargetVersion } from './target-version'

describe('checkTargetVersion', () => {
  it('accepts the same release or a later one', () => {
    expect(
      checkTargetVersion('7.0.12', { name: 't', mongoDBVersion: '7.0' }).ok,
    ).toBe(true)
    expect(
      checkTargetVersion('7.0', { name: 't', mongoDBVersion: '8.0.4' }).ok,
    ).toBe(true)
    expect(
      checkTargetVersion('6.0', { name: 't', mongoDBVersion: '7.0' }).ok,
    ).toBe(true)
  })

  it('refuses an older release, on the target field, with both releases named', () => {
    expect(
      checkTargetVersion('8.0.1', {
        name: 'staging',
        mongoDBVersion: '7.0.12',
      }),
    ).toEqual({
      ok: false,
      reason:
        'The data runs MongoDB 8.0 but staging runs 7.0; restore it to a cluster on MongoDB 8.0 or later',
      field: 'targetClusterName',
      errorCode: 'INCOMPATIBLE_RESTORE_TARGET',
    })
    expect(
      checkTargetVersion(
        '8.0',
        { name: 'x', mongoDBVersion: '7.3' },
        'targetDeploymentItemName',
      ),
    ).toMatchObject({ ok: false, field: 'targetDeploymentItemName' })
  })

  it('skips the check when either release is unknown', () => {
    expect(
      checkTargetVersion(undefined, { name: 't', mongoDBVersion: '4.4' }).ok,
    ).toBe(true)
    expect(checkTargetVersion('8.0', { name: 't' }).ok).toBe(true)
    expect(
      checkTargetVersion('latest', { name: 't', mongoDBVersion: '4.4' }).ok,
    ).toBe(true)
  })
})
