import { useQuery } from '@tanstack/react-query'

import { useNow } from '../../lib/use-now'
import { atlasClockQuery } from './queries'

/**
 * Now by Atlas's clock: Atlas decides what has expired, and the sandbox's clock may be days
 * ahead of the browser's. The browser's stands in until Atlas's is known (`settled` once it is,
 * or once reading it failed), so a count that depends on it can wait rather than change.
 */
export function useAtlasNow(): { now: Date; settled: boolean } {
  const clock = useQuery(atlasClockQuery())
  const browserNow = useNow(30_000)
  return {
    now: new Date(
      clock.data
        ? Date.parse(clock.data) + (browserNow - clock.dataUpdatedAt)
        : browserNow,
    ),
    settled: !clock.isPending,
  }
}
