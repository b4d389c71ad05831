import { describe, expect, it } from 'vitest'
import {
  checkRestoreConfirmation,
  destructiveRestoreWarning,
  isDestructive,
  RESTORE_CONFIRMATION_FIELD,
} from './restore-confirmation'

describe('R8 isDestructive', () => {
  it('marks automated, pointInTime and Flex restores as destructive', () => {
    expect(isDestructive('automated')).toBe(true)
    expect(isDestructive('pointInTime')).toBe(true)
    expect(isDestructive('RESTORE')).toBe(true)
    expect(isDestructive('download')).toBe(false)
    expect(isDestructive('DOWNLOAD')).toBe(false)
  })
})

describe('R8 checkRestoreConfirmation', () => {
  const input = {
    deliveryType: 'automated',
    targetName: 'Prod-Orders',
  } as const

  it('accepts the exact name', () => {
    expect(
      checkRestoreConfirmation({ ...input, confirmation: 'Prod-Orders' }),
    ).toEqual({
      ok: true,
    })
  })

  it.each([
    'prod-orders',
    'PROD-ORDERS',
    ' Prod-Orders',
    'Prod-Orders ',
    'Prod-Order',
  ])('refuses the near miss %j', (confirmation) => {
    const result = checkRestoreConfirmation({ ...input, confirmation })
    expect(result).toMatchObject({
      ok: false,
      field: RESTORE_CONFIRMATION_FIELD,
      errorCode: 'CONFIRMATION_REQUIRED',
    })
  })

  it.each([undefined, null, ''])(
    'refuses a missing confirmation (%j)',
    (confirmation) => {
      const result = checkRestoreConfirmation({
        deliveryType: 'pointInTime',
        targetName: 'Prod-Orders',
        confirmation,
      })
      expect(!result.ok && result.reason).toBe(
        'This restore deletes all data on Prod-Orders: type the target cluster name to confirm',
      )
    },
  )

  it('needs no confirmation for a download', () => {
    expect(
      checkRestoreConfirmation({ deliveryType: 'download', targetName: 'x' })
        .ok,
    ).toBe(true)
  })

  it('warns in words that name the target', () => {
    expect(destructiveRestoreWarning('Prod-Orders')).toMatch(
      /deletes all existing data on Prod-Orders.*unavailable/,
    )
  })
})
