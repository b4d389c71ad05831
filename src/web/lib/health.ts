import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'

const healthSchema = z.object({ status: z.string() })

export function serverHealthQuery() {
  return queryOptions({
    queryKey: ['health'],
    queryFn: async ({ signal }) => {
      const response = await fetch('/healthz', { signal })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      return healthSchema.parse(await response.json())
    },
  })
}
