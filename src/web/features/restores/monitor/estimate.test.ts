import { describe, expect, it } from 'vitest'

import { estimateFor, median, progressOf } from './estimate'
import { refOf } from './job-model'
import { dedicatedJob, finishedJob } from './test-jobs'

const T0 = Date.parse('2026-03-01T12:00:00Z')
const MIN = 60_000

describe('estimateFor: the median duration of finished jobs of the same delivery type', () => {
  it('takes the median of the finished ones, ignoring other types and unfinished jobs', () => {
    const jobs = [
      finishedJob(T0, 10 * MIN, 'automated', 1),
      finishedJob(T0, 30 * MIN, 'automated', 2),
      finishedJob(T0, 20 * MIN, 'automated', 3),
      finishedJob(T0, 2 * MIN, 'download', 4),
      dedicatedJob(T0, { deliveryType: 'automated' }, {}, 5),
      dedicatedJob(
        T0,
        { deliveryType: 'automated', failed: true },
        { state: 'failed' },
        6,
      ),
    ]
    expect(estimateFor(jobs, 'automated')).toEqual({
      medianMs: 20 * MIN,
      count: 3,
      delivery: 'automated',
      source: undefined,
    })
    expect(estimateFor(jobs, 'download')?.medianMs).toBe(2 * MIN)
    expect(estimateFor(jobs, 'pointInTime')).toBeUndefined()
  })

  it('leaves the job itself out', () => {
    const own = finishedJob(T0, 10 * MIN)
    expect(estimateFor([own], 'automated', refOf(own))).toBeUndefined()
  })

  it('prefers restores of the same source cluster: about the same size', () => {
    const other = {
      ...finishedJob(T0, 50 * MIN, 'automated', 7),
      clusterName: 'ledger-archive',
    }
    const jobs = [finishedJob(T0, 10 * MIN, 'automated', 1), other]
    const running = dedicatedJob(T0, { deliveryType: 'automated' }, {}, 8)
    expect(estimateFor(jobs, 'automated', refOf(running))).toMatchObject({
      medianMs: 10 * MIN,
      count: 1,
      source: 'payments-rs',
    })
    const elsewhere = { ...running, clusterName: 'events-nvme' }
    expect(estimateFor(jobs, 'automated', refOf(elsewhere))).toMatchObject({
      medianMs: 30 * MIN,
      count: 2,
      source: undefined,
    })
  })

  it('averages the middle pair of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeUndefined()
  })
})

describe('progressOf', () => {
  const estimate = {
    medianMs: 100_000,
    count: 2,
    delivery: 'automated' as const,
    source: undefined,
  }

  it('is indeterminate without an estimate', () => {
    expect(progressOf(5_000, undefined)).toEqual({
      percent: undefined,
      remainingMs: undefined,
      overdue: false,
    })
  })

  it('never claims 100% before Atlas says the job is done', () => {
    expect(progressOf(40_000, estimate)).toEqual({
      percent: 40,
      remainingMs: 60_000,
      overdue: false,
    })
    expect(progressOf(250_000, estimate)).toEqual({
      percent: 99,
      remainingMs: 0,
      overdue: true,
    })
  })
})
