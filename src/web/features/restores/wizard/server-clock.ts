import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'

import { overviewQuery } from '../queries'

/**
 * "Now" for the restore window (R4) is Atlas's clock, not the browser's: the BFF checks the
 * instant against Atlas's time, and a browser clock a minute off would accept what the BFF
 * refuses (or, with the sandbox's clock moved on by tests and demos, hours off). The source is
 * the overview's `fetchedAt` — Atlas's clock when the BFF composed it — carried forward by the
 * browser's clock since the answer arrived (`dataUpdatedAt`). The BFF's own `Date` header is
 * not used: it is the BFF host's clock, which the BFF does not align with Atlas's.
 */
export function useServerClock(): {
  now: () => Date
  ready: boolean
  error: Error | null
  retry: () => void
} {
  const overview = useQuery(overviewQuery())
  const fetchedAt = overview.data?.fetchedAt
  const receivedAt = overview.dataUpdatedAt
  const offset =
    fetchedAt === undefined ? 0 : Date.parse(fetchedAt) - receivedAt
  const now = useCallback(() => new Date(Date.now() + offset), [offset])
  return {
    now,
    ready: fetchedAt !== undefined,
    error: fetchedAt === undefined ? overview.error : null,
    retry: () => void overview.refetch(),
  }
}
