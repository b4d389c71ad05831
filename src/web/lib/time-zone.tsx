import { createContext, type ReactNode, useContext, useMemo } from 'react'
import { useSearchParams } from 'react-router'

// The page-wide choice between UTC and the browser's zone (issue 5: "a toggle switches the page
// between UTC and local"). It lives in the URL (`tz=local`; UTC is the default and leaves the
// URL clean), so a deep link, reload or back/forward shows times as they were shown.

export type TimeZoneMode = 'utc' | 'local'
export const TIME_ZONE_PARAM = 'tz'

type TimeZoneState = {
  mode: TimeZoneMode
  setMode: (mode: TimeZoneMode) => void
}

const TimeZoneContext = createContext<TimeZoneState | null>(null)

export function parseTimeZoneMode(value: string | null): TimeZoneMode {
  return value === 'local' ? 'local' : 'utc'
}

export function TimeZoneProvider({ children }: { children: ReactNode }) {
  const [params, setParams] = useSearchParams()
  const mode = parseTimeZoneMode(params.get(TIME_ZONE_PARAM))
  const value = useMemo<TimeZoneState>(
    () => ({
      mode,
      setMode: (next) =>
        setParams(
          (prev) => {
            const updated = new URLSearchParams(prev)
            if (next === 'local') updated.set(TIME_ZONE_PARAM, 'local')
            else updated.delete(TIME_ZONE_PARAM)
            return updated
          },
          { replace: true, preventScrollReset: true },
        ),
    }),
    [mode, setParams],
  )
  return (
    <TimeZoneContext.Provider value={value}>
      {children}
    </TimeZoneContext.Provider>
  )
}

/** The page's zone; UTC outside a provider (tests, pages without the toggle). */
export function useTimeZone(): TimeZoneState {
  return (
    useContext(TimeZoneContext) ?? { mode: 'utc', setMode: () => undefined }
  )
}
