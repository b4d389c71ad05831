import { z } from 'zod'

// Test and demo fault switches (SANDBOX_CONTROLS=1 only). Each fault matches requests whose
// method and path match, fires `times` times (or until cleared), and then disappears.
export const faultSchema = z.object({
  /** A regular expression tested against the request path (no query string). */
  path: z.string().min(1).default('.*'),
  method: z.string().optional(),
  kind: z.enum(['status', 'latency', 'drop', 'failNextRestore']),
  status: z.number().int().min(400).max(599).optional(),
  errorCode: z.string().optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  times: z.number().int().min(1).optional(),
})
export type FaultSpec = z.infer<typeof faultSchema>

type ActiveFault = FaultSpec & {
  id: number
  pattern: RegExp
  remaining: number
}

export class FaultBoard {
  private faults: ActiveFault[] = []
  private nextId = 1

  add(spec: FaultSpec): number {
    const id = this.nextId++
    this.faults.push({
      ...spec,
      id,
      pattern: new RegExp(spec.path),
      remaining: spec.times ?? Number.POSITIVE_INFINITY,
    })
    return id
  }

  clear(): void {
    this.faults = []
  }

  list(): (FaultSpec & { id: number; remaining: number | null })[] {
    // The compiled pattern stays inside: the spec's `path` already says it.
    return this.faults.map(({ remaining, ...fault }) => {
      const listed: Partial<Pick<ActiveFault, 'pattern'>> &
        Omit<ActiveFault, 'pattern' | 'remaining'> = { ...fault }
      delete listed.pattern
      return {
        ...listed,
        remaining: Number.isFinite(remaining) ? remaining : null,
      }
    })
  }

  /** The first fault of these kinds that applies to the request, consumed once. */
  take(
    method: string,
    path: string,
    kinds: FaultSpec['kind'][],
  ): ActiveFault[] {
    const hit = this.faults.find(
      (f) =>
        kinds.includes(f.kind) &&
        (f.method === undefined || f.method.toUpperCase() === method) &&
        f.pattern.test(path),
    )
    if (!hit) return []
    hit.remaining -= 1
    this.faults = this.faults.filter((f) => f.remaining > 0)
    return [hit]
  }
}
