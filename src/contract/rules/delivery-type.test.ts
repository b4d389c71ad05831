import { describe, expect, it } from 'vitest'
import { checkDeliveryTypeAllowed, deliveryTypeOptions } from './delivery-type'
import type { DeliveryTypeOption } from './delivery-type'

const allowed = (options: DeliveryTypeOption[]) =>
  options.filter((o) => o.result.ok).map((o) => o.deliveryType)

describe('R1 deliveryTypeOptions', () => {
  it('offers all three for a dedicated cluster with continuous backup', () => {
    expect(
      allowed(deliveryTypeOptions({ kind: 'dedicated', pitEnabled: true })),
    ).toEqual(['automated', 'download', 'pointInTime'])
  })

  it('needs continuous backup for pointInTime', () => {
    const options = deliveryTypeOptions({
      kind: 'dedicated',
      pitEnabled: false,
    })
    expect(allowed(options)).toEqual(['automated', 'download'])
    expect(options[2]?.result).toEqual({
      ok: false,
      reason:
        'Restoring to a point in time needs continuous cloud backup, which is not ' +
        'enabled on this cluster',
      field: 'deliveryType',
      errorCode: 'DELIVERY_TYPE_NOT_SUPPORTED',
    })
  })

  it('offers no download for serverless', () => {
    const options = deliveryTypeOptions({
      kind: 'serverless',
      pitEnabled: true,
    })
    expect(allowed(options)).toEqual(['automated', 'pointInTime'])
    const download = options[1]?.result
    expect(download && !download.ok && download.reason).toBe(
      'Downloading a snapshot is not available for serverless instances',
    )
  })

  it('offers only automated for Flex, even with pitEnabled set', () => {
    expect(
      allowed(deliveryTypeOptions({ kind: 'flex', pitEnabled: true })),
    ).toEqual(['automated'])
  })

  it('offers no download with customer key encryption', () => {
    const source = {
      kind: 'dedicated',
      pitEnabled: true,
      customerKeyEncryption: true,
    } as const
    expect(allowed(deliveryTypeOptions(source))).toEqual([
      'automated',
      'pointInTime',
    ])
  })

  it('folds in the download limits when counts are given', () => {
    const source = { kind: 'dedicated', pitEnabled: false } as const
    expect(
      allowed(deliveryTypeOptions(source, { forSnapshot: 0, inProject: 19 })),
    ).toEqual(['automated', 'download'])
    const busy = deliveryTypeOptions(source, { forSnapshot: 1, inProject: 1 })
    expect(busy[1]?.result).toMatchObject({
      ok: false,
      errorCode: 'SNAPSHOT_DOWNLOAD_IN_PROGRESS',
    })
  })
})

describe('checkDeliveryTypeAllowed', () => {
  it('refuses an unknown delivery type', () => {
    const result = checkDeliveryTypeAllowed(
      { kind: 'dedicated', pitEnabled: true },
      'restore' as never,
    )
    expect(result).toMatchObject({ ok: false, field: 'deliveryType' })
  })
})
