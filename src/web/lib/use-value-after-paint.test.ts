// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { useValueAfterPaint } from './use-value-after-paint'

beforeEach(() => {
  vi.useFakeTimers({
    toFake: [
      'setTimeout',
      'clearTimeout',
      'requestAnimationFrame',
      'cancelAnimationFrame',
    ],
  })
})

afterEach(() => {
  vi.useRealTimers()
})

describe('useValueAfterPaint', () => {
  it('takes a new value after the next frame, skipping to the last', () => {
    const { result, rerender } = renderHook(
      ({ value }) => useValueAfterPaint(value),
      { initialProps: { value: 'a' } },
    )
    expect(result.current).toBe('a')
    rerender({ value: 'b' })
    expect(result.current).toBe('a')
    rerender({ value: 'c' })
    // The frame (16 ms) and the task after it.
    act(() => {
      vi.advanceTimersByTime(15)
    })
    expect(result.current).toBe('a')
    act(() => {
      vi.advanceTimersByTime(20)
    })
    expect(result.current).toBe('c')
  })
})
