import { useQuery } from '@tanstack/react-query'

import { useNow } from '../../lib/use-now'
import { atlasClockQuery } from './queries'

/**
 * Now by Atlas's clock: Atlas decides what has expired, and the sandbox's clock may be days
 * ahead of the browser's. The browser's stands in until Atlas's is known.
 */
export function useAtlasNow(): Date {
  const clock = useQuery(atlasClockQuery())
  const browserNow = useNow(30_000)
  return new Date(
    clock.data
      ? Date.parse(clock.data) + (browserNow - clock.dataUpdatedAt)
      : browserNow,
  )
}
