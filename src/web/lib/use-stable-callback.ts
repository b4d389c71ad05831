import { useCallback, useLayoutEffect, useRef } from 'react'

/**
 * A function that never changes identity and always calls the latest `fn`: for handlers passed
 * to memoised children, which would otherwise redraw whenever the parent does.
 */
export function useStableCallback<A extends unknown[], R>(
  fn: (...args: A) => R,
): (...args: A) => R {
  const latest = useRef(fn)
  useLayoutEffect(() => {
    latest.current = fn
  })
  return useCallback((...args: A) => latest.current(...args), [])
}
