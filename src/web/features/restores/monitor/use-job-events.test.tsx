// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { liveJobQuery } from '../queries'
import { refOf } from './job-model'
import { dedicatedJob } from './test-jobs'
import { SILENCE_MS, useJobEvents } from './use-job-events'

// The push channel: live once the BFF says the burst is sent, job events into the cache,
// "reconnecting" while the browser retries, a fresh connection when the answer was not a
// stream or when the heartbeats stop.

class FakeEventSource {
  static CONNECTING = 0
  static OPEN = 1
  static CLOSED = 2
  static opened: FakeEventSource[] = []
  readyState = FakeEventSource.CONNECTING
  onerror: (() => void) | null = null
  private readonly listeners = new Map<string, ((e: MessageEvent) => void)[]>()
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this)
  }
  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  close() {
    this.readyState = FakeEventSource.CLOSED
  }
  emit(type: string, data: unknown) {
    const event = new MessageEvent(type, { data: JSON.stringify(data) })
    for (const listener of this.listeners.get(type) ?? []) listener(event)
  }
  fail(closed: boolean) {
    this.readyState = closed
      ? FakeEventSource.CLOSED
      : FakeEventSource.CONNECTING
    this.onerror?.()
  }
}

const T0 = Date.parse('2026-03-01T12:00:00Z')
const job = dedicatedJob(T0, { deliveryType: 'automated' })
const ref = refOf(job)

let client: QueryClient
beforeEach(() => {
  vi.useFakeTimers({ now: T0 })
  FakeEventSource.opened = []
  vi.stubGlobal('EventSource', FakeEventSource)
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

function setup() {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )
  return renderHook(() => useJobEvents(ref), { wrapper })
}

const last = () => FakeEventSource.opened.at(-1) as FakeEventSource
const now = () => new Date().toISOString()

describe('useJobEvents', () => {
  it('subscribes to the one job and feeds its events into the cache', () => {
    const { result } = setup()
    expect(last().url).toBe(
      `/api/events?job=${encodeURIComponent(`dedicated:${job.groupId}:${job.clusterName}:${job.jobId}`)}`,
    )
    expect(result.current).toBe('connecting')
    act(() => {
      last().emit('job', { type: 'job', job })
      last().emit('ready', { type: 'ready', at: now(), jobs: 1 })
    })
    expect(result.current).toBe('live')
    expect(client.getQueryData(liveJobQuery(ref).queryKey)).toEqual(job)
  })

  it('says reconnecting while the browser retries, live again after the new burst', () => {
    const { result } = setup()
    act(() => last().emit('ready', { type: 'ready', at: now(), jobs: 0 }))
    act(() => last().fail(false))
    expect(result.current).toBe('reconnecting')
    act(() => last().emit('ready', { type: 'ready', at: now(), jobs: 0 }))
    expect(result.current).toBe('live')
    expect(FakeEventSource.opened).toHaveLength(1)
  })

  it('opens a new connection when the answer was not a stream', () => {
    const { result } = setup()
    act(() => last().fail(true))
    expect(result.current).toBe('reconnecting')
    act(() => {
      vi.advanceTimersByTime(2_000)
    })
    expect(FakeEventSource.opened).toHaveLength(2)
  })

  it('starts over when the heartbeats stop', () => {
    setup()
    act(() => last().emit('ready', { type: 'ready', at: now(), jobs: 0 }))
    act(() => {
      vi.advanceTimersByTime(SILENCE_MS - 1_000)
      last().emit('heartbeat', { type: 'heartbeat', at: now() })
      vi.advanceTimersByTime(SILENCE_MS - 1_000)
    })
    expect(FakeEventSource.opened).toHaveLength(1)
    act(() => {
      vi.advanceTimersByTime(1_000 + 2_000)
    })
    expect(FakeEventSource.opened[0]?.readyState).toBe(FakeEventSource.CLOSED)
    expect(FakeEventSource.opened).toHaveLength(2)
  })
})
