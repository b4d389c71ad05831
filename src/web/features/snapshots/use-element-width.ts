import { useCallback, useState } from 'react'

/**
 * A callback ref and the width of the element it is set on, in whole CSS pixels: measured as
 * the element is attached (before the first paint) and again whenever it resizes. 0 where
 * nothing is laid out.
 */
export function useElementWidth(): [
  (element: Element | null) => (() => void) | undefined,
  number,
] {
  const [width, setWidth] = useState(0)
  const ref = useCallback((element: Element | null) => {
    if (!element) return undefined
    setWidth(Math.round(element.getBoundingClientRect().width))
    if (typeof ResizeObserver === 'undefined') return undefined
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return [ref, width]
}
