import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'

import { liveJobQuery, liveJobsQuery } from '../queries'
import { applyJobEvent, upsertJob } from './job-cache'
import { refOf } from './job-model'
import { mergeList } from './job-versions'
import { dedicatedJob } from './test-jobs'

// Events land in the cache newest first, and an older answer never overwrites a newer state.

const T0 = Date.parse('2026-03-01T12:00:00Z')
const at = (ms: number) => new Date(T0 + ms).toISOString()

const running = dedicatedJob(
  T0,
  { deliveryType: 'automated' },
  {
    createdAt: at(0),
    checkedAt: at(1_000),
  },
)
const done = {
  ...running,
  state: 'completed' as const,
  updatedAt: at(30_000),
  checkedAt: at(30_000),
}
const other = dedicatedJob(
  T0 + 5_000,
  { deliveryType: 'download' },
  {
    createdAt: at(5_000),
  },
  2,
)

describe('the job cache', () => {
  it('puts a new job first and replaces a known one in place', () => {
    const list = { results: [running], totalCount: 1 }
    const added = upsertJob(list, other)
    expect(added.results.map((j) => j.jobId)).toEqual([
      other.jobId,
      running.jobId,
    ])
    expect(added.totalCount).toBe(2)
    expect(upsertJob(added, done).results[1]?.state).toBe('completed')
  })

  it('keeps the newer state when an older one arrives late', () => {
    const list = { results: [done], totalCount: 1 }
    expect(upsertJob(list, running).results[0]?.state).toBe('completed')
    expect(
      mergeList(list, { results: [running], totalCount: 1 }).results[0]?.state,
    ).toBe('completed')
    expect(
      mergeList({ results: [running], totalCount: 1 }, list).results[0]?.state,
    ).toBe('completed')
  })

  it('fills the watched job’s own query, and never invents a list', () => {
    const client = new QueryClient()
    applyJobEvent(client, running, true)
    expect(client.getQueryData(liveJobsQuery().queryKey)).toBeUndefined()
    expect(client.getQueryData(liveJobQuery(refOf(running)).queryKey)).toEqual(
      running,
    )
    // Not watched and not read by anyone: left out of the cache.
    applyJobEvent(client, other, false)
    expect(
      client.getQueryData(liveJobQuery(refOf(other)).queryKey),
    ).toBeUndefined()
    applyJobEvent(client, done, false)
    expect(
      client.getQueryData(liveJobQuery(refOf(running)).queryKey)?.state,
    ).toBe('completed')
  })
})
