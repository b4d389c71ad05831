// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { DownloadLinks } from './download-links'
import { dedicatedJob } from './test-jobs'

// R3/R6: a download's link(s), with the time left counting down every second on Atlas's
// clock, and nothing to click once the link has expired.

const NOW = Date.parse('2026-03-01T12:00:00Z')
const URL_A = 'https://download.example/a/payments-rs.tar.gz'

beforeEach(() => {
  vi.useFakeTimers({ now: NOW })
})

function tick(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms)
  })
}
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

function readyJob(expiresInMs: number) {
  return dedicatedJob(
    NOW - 60_000,
    {
      deliveryType: 'download',
      deliveryUrl: [URL_A],
      finishedAt: new Date(NOW - 30_000).toISOString(),
      expiresAt: new Date(NOW + expiresInMs).toISOString(),
    },
    { state: 'downloadReady', watching: false },
  )
}

const countdown = () => screen.getByText(/^The link expires at/).textContent

describe('DownloadLinks', () => {
  it('counts the link’s time down every second, then says it expired', () => {
    render(<DownloadLinks job={readyJob(62_000)} clockOffsetMs={0} />)
    const link = screen.getByRole('link', {
      name: 'Download payments-rs snapshot archive',
    })
    expect(link.getAttribute('href')).toBe(URL_A)
    expect(countdown()).toBe(
      'The link expires at 2026-03-01 12:01:02 UTC, in 1 min 2 s.',
    )

    tick(1_000)
    expect(countdown()).toContain('in 1 min 1 s.')
    tick(2_000)
    expect(countdown()).toContain('in 59 s.')

    tick(59_000)
    expect(screen.queryByRole('link')).toBeNull()
    expect(screen.getByText(/^The download link expired/).textContent).toBe(
      'The download link expired at 2026-03-01 12:01:02 UTC. Request a new download of the snapshot to get another.',
    )
  })

  it('runs on Atlas’s clock: ahead by an hour, an hour less is left', () => {
    render(
      <DownloadLinks job={readyJob(4 * 3_600_000)} clockOffsetMs={3_600_000} />,
    )
    expect(countdown()).toContain('in 3 h.')
  })

  it('lists one archive per replica set of a sharded cluster', () => {
    const job = dedicatedJob(
      NOW - 60_000,
      {
        deliveryType: 'download',
        deliveryUrl: [
          'https://d/x/shard-0.tar.gz',
          'https://d/x/config.tar.gz',
        ],
        components: [
          {
            replicaSetName: 'shard-0',
            downloadUrl: 'https://d/x/shard-0.tar.gz',
          },
          {
            replicaSetName: 'config',
            downloadUrl: 'https://d/x/config.tar.gz',
          },
        ],
        expiresAt: new Date(NOW + 3_600_000).toISOString(),
      },
      { state: 'downloadReady' },
    )
    render(<DownloadLinks job={job} clockOffsetMs={0} />)
    expect(screen.getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Download shard-0 archive',
      'Download config archive',
    ])
    expect(screen.getByText(/^The links expire at/)).toBeTruthy()
  })

  it('says the archive is being prepared while the job runs', () => {
    const job = dedicatedJob(NOW - 5_000, { deliveryType: 'download' })
    render(<DownloadLinks job={job} clockOffsetMs={0} />)
    expect(
      screen.getByText(
        'Atlas is preparing the archive; its link appears here when it is ready.',
      ),
    ).toBeTruthy()
  })
})
