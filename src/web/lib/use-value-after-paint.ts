import { useEffect, useState } from 'react'

/**
 * `value` as it was when the page last painted: a new value is taken once the frame that shows
 * everything else is on screen. For a costly part of a page that may trail the rest by a frame,
 * so that what the user acted on shows first. Values arriving faster than frames are skipped
 * to the last.
 */
export function useValueAfterPaint<T>(value: T): T {
  const [painted, setPainted] = useState(value)
  useEffect(() => {
    if (Object.is(painted, value)) return undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    // The task after the next frame's animation callbacks: after that frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(() => value), 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [painted, value])
  return painted
}
