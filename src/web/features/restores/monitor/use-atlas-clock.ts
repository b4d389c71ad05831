import { useQuery } from '@tanstack/react-query'

import { useNow } from '../../../lib/use-now'
import { overviewQuery } from '../queries'

// Job times are Atlas's (finishedAt, the link's expiry, the id's timestamp), so elapsed time
// and countdowns run on Atlas's clock: its time when the overview was composed (`fetchedAt`)
// carried forward by the browser's clock, as the wizard does (wizard/server-clock.ts). Until the
// overview arrives, or when it fails, the browser's clock stands in (an offset of 0).

/** Atlas's clock minus the browser's, in ms. */
export function useAtlasClockOffset(): number {
  const overview = useQuery(overviewQuery())
  const fetchedAt = overview.data?.fetchedAt
  return fetchedAt === undefined
    ? 0
    : Date.parse(fetchedAt) - overview.dataUpdatedAt
}

/** Atlas's time now, refreshed every `intervalMs`. */
export function useAtlasNow(offsetMs: number, intervalMs: number): number {
  return useNow(intervalMs) + offsetMs
}
