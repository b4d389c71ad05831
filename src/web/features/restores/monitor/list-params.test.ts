import { describe, expect, it } from 'vitest'

import { dedicatedJob, finishedJob, GROUP } from './test-jobs'
import {
  filterJobs,
  parseJobListParams,
  placesOf,
  withJobListParams,
} from './list-params'

const T0 = Date.parse('2026-03-01T12:00:00Z')
const OTHER = '6650a1b2c3d4e5f6000000ff'

const onto = (target: string, tail: number) =>
  dedicatedJob(
    T0,
    {
      deliveryType: 'automated',
      targetGroupId: GROUP,
      targetClusterName: target,
    },
    {},
    tail,
  )

describe('the jobs page filters', () => {
  it('live in the URL, unset ones left out, other keys kept', () => {
    const params = withJobListParams(new URLSearchParams('tz=local'), {
      state: 'failed',
      delivery: 'download',
    })
    expect(params.toString()).toBe('tz=local&state=failed&delivery=download')
    expect(parseJobListParams(params)).toEqual({
      state: 'failed',
      cluster: undefined,
      delivery: 'download',
      project: undefined,
    })
    expect(withJobListParams(params, { state: undefined }).toString()).toBe(
      'tz=local&delivery=download',
    )
    expect(parseJobListParams(new URLSearchParams('state=bogus')).state).toBe(
      undefined,
    )
  })

  it('match a cluster as source or target, a state and a delivery type', () => {
    const staging = onto('payments-staging', 1)
    const failing = onto('failing-restore-target', 2)
    const download = finishedJob(T0, 20_000, 'download', 3)
    const jobs = [staging, failing, download]
    const none = {
      state: undefined,
      cluster: undefined,
      delivery: undefined,
      project: undefined,
    }
    expect(
      filterJobs(jobs, { ...none, cluster: `${GROUP}/payments-staging` }, T0),
    ).toEqual([staging])
    expect(
      filterJobs(jobs, { ...none, cluster: `${GROUP}/payments-rs` }, T0),
    ).toHaveLength(3)
    expect(filterJobs(jobs, { ...none, delivery: 'download' }, T0)).toEqual([
      download,
    ])
    expect(filterJobs(jobs, { ...none, state: 'downloadReady' }, T0)).toEqual([
      download,
    ])
    // A project: jobs from or onto one of its deployments.
    const elsewhere = dedicatedJob(
      T0,
      {
        deliveryType: 'automated',
        targetGroupId: OTHER,
        targetClusterName: 'scratch',
      },
      {},
      4,
    )
    expect(
      filterJobs([...jobs, elsewhere], { ...none, project: OTHER }, T0),
    ).toEqual([elsewhere])
    expect(
      filterJobs([...jobs, elsewhere], { ...none, project: GROUP }, T0),
    ).toHaveLength(4)
    expect(
      filterJobs(
        [...jobs, elsewhere],
        { ...none, project: 'f'.repeat(24) },
        T0,
      ),
    ).toEqual([])
    expect(placesOf(jobs).map((p) => p.name)).toEqual([
      'payments-rs',
      'payments-staging',
      'failing-restore-target',
    ])
  })

  it('count a download whose link has passed its expiry as expired', () => {
    const download = dedicatedJob(
      T0,
      {
        deliveryType: 'download',
        deliveryUrl: ['https://d/x.tar.gz'],
        expiresAt: new Date(T0 + 60_000).toISOString(),
      },
      { state: 'downloadReady' },
    )
    const none = {
      state: undefined,
      cluster: undefined,
      delivery: undefined,
      project: undefined,
    }
    expect(
      filterJobs([download], { ...none, state: 'expired' }, T0 + 61_000),
    ).toEqual([download])
    expect(
      filterJobs([download], { ...none, state: 'downloadReady' }, T0 + 61_000),
    ).toEqual([])
  })
})
