// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { Estimate } from './estimate'
import { JobProgress } from './job-progress'

// Issue 7: the job page shows elapsed time, ticking every second, and an estimate from past
// restores; without one it says so and the bar is indeterminate.

const NOW = Date.parse('2026-03-01T12:00:00Z')

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

const estimate: Estimate = {
  medianMs: 100_000,
  count: 3,
  delivery: 'automated',
  source: undefined,
}

function renderProgress(
  props: Partial<Parameters<typeof JobProgress>[0]> = {},
) {
  render(
    <JobProgress
      state="inProgress"
      delivery="automated"
      startedAtMs={NOW - 40_000}
      finishedAtMs={undefined}
      estimate={estimate}
      clockOffsetMs={0}
      {...props}
    />,
  )
  return screen.queryByRole('progressbar', { name: 'Restore progress' })
}

function renderBar(props: Partial<Parameters<typeof JobProgress>[0]> = {}) {
  const bar = renderProgress(props)
  if (!bar) throw new Error('no progressbar')
  return bar
}

describe('JobProgress', () => {
  it('shows the elapsed time against the median of past restores, every second', () => {
    const bar = renderBar()
    expect(bar.getAttribute('value')).toBe('40')
    expect(bar.getAttribute('aria-valuetext')).toBe('40 s of about 1 min: 40%')
    expect(screen.getByText(/^Elapsed/).textContent).toBe('Elapsed 40 s.')
    expect(screen.getByText(/^Estimate:/).textContent).toBe(
      'Estimate: about 1 min (the median of 3 finished automated restores in this console); about 1 min left.',
    )

    tick(1_000)
    expect(bar.getAttribute('value')).toBe('41')
    expect(screen.getByText(/^Elapsed/).textContent).toBe('Elapsed 41 s.')
    expect(screen.getByText(/^Estimate:/).textContent).toContain(
      'about 59 s left',
    )
  })

  it('says when a job takes longer than usual, without reaching 100%', () => {
    const bar = renderBar({ startedAtMs: NOW - 150_000 })
    expect(bar.getAttribute('value')).toBe('99')
    expect(bar.getAttribute('aria-valuetext')).toBe(
      '2 min 30 s elapsed; longer than the usual 1 min',
    )
    expect(screen.getByText(/^Taking longer than usual/)).toBeTruthy()
  })

  it('is indeterminate with "no estimate yet" when no such job has finished', () => {
    const bar = renderBar({ estimate: undefined, delivery: 'download' })
    expect(bar.hasAttribute('value')).toBe(false)
    expect(bar.getAttribute('aria-valuetext')).toBe(
      '40 s elapsed; no estimate yet',
    )
    expect(
      screen.getByText(
        'No estimate yet: no downloads have finished in this console.',
      ),
    ).toBeTruthy()
  })

  it('names the source cluster when the estimate comes from its own restores', () => {
    renderBar({ estimate: { ...estimate, count: 1, source: 'payments-rs' } })
    expect(screen.getByText(/^Estimate:/).textContent).toBe(
      'Estimate: about 1 min (the one finished automated restore of payments-rs); about 1 min left.',
    )
  })

  it('counts on Atlas’s clock when it differs from the browser’s', () => {
    const bar = renderBar({ clockOffsetMs: 30 * 60_000, estimate: undefined })
    expect(bar.getAttribute('aria-valuetext')).toBe(
      '30 min 40 s elapsed; no estimate yet',
    )
  })

  it('shows the finish time and the duration once the job is done', () => {
    const bar = renderProgress({
      state: 'completed',
      finishedAtMs: NOW - 10_000,
    })
    expect(bar).toBeNull()
    expect(screen.getByText(/^Finished at/).textContent).toBe(
      'Finished at 2026-03-01 11:59:50 UTC after 30 s.',
    )
  })
})
