import { describe, expect, it } from 'vitest'

import { jobStateOf, parseJobDoc } from './job-source'

const now = new Date('2026-03-01T12:00:00Z')

describe('jobStateOf', () => {
  it('derives dedicated and serverless states by R10', () => {
    const doc = { deliveryType: 'download', deliveryUrl: ['https://x/y'] }
    expect(jobStateOf('dedicated', doc as never, now)).toBe('downloadReady')
    expect(
      jobStateOf('serverless', { deliveryType: 'automated' } as never, now),
    ).toBe('inProgress')
  })

  it('reads a Flex job by its status, and an expired link as expired', () => {
    expect(jobStateOf('flex', { status: 'QUEUED' }, now)).toBe('queued')
    expect(jobStateOf('flex', { status: 'RUNNING' }, now)).toBe('inProgress')
    expect(jobStateOf('flex', { status: 'COMPLETED' }, now)).toBe('completed')
    const download = {
      status: 'COMPLETED',
      deliveryType: 'DOWNLOAD',
      snapshotUrl: 'https://x/y',
    } as const
    expect(
      jobStateOf(
        'flex',
        { ...download, expirationDate: '2026-03-01T13:00:00Z' },
        now,
      ),
    ).toBe('downloadReady')
    expect(
      jobStateOf(
        'flex',
        { ...download, expirationDate: '2026-03-01T11:00:00Z' },
        now,
      ),
    ).toBe('expired')
  })

  it('refuses a stored document of the wrong shape', () => {
    expect(parseJobDoc('dedicated', { deliveryType: 'teleport' })).toBe(
      undefined,
    )
    expect(parseJobDoc('flex', { status: 'RUNNING' })).toEqual({
      status: 'RUNNING',
    })
  })
})
