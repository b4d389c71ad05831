import { QueryClient } from '@tanstack/react-query'

import { ApiError } from './api-error'

/**
 * One retry, for what may pass: a dropped connection or Atlas's trouble. A refusal (400–499
 * but 429) says the same again; and retrying a 401 from before a sign-in, as it lands, would
 * send the operator back to the sign-in page.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false
  if (!(error instanceof ApiError)) return true
  return !(error.status >= 400 && error.status < 500 && error.status !== 429)
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // The BFF already retries upstream reads with backoff; retrying here would multiply it.
        retry: shouldRetry,
        refetchOnWindowFocus: true,
      },
    },
  })
}
