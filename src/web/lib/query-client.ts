import { QueryClient } from '@tanstack/react-query'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // The BFF already retries upstream reads with backoff; retrying here would multiply it.
        retry: 1,
        refetchOnWindowFocus: true,
      },
    },
  })
}
