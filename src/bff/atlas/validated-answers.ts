import type { z } from 'zod'

type Entry = { schema: z.ZodType; upstream: Buffer; json: Buffer }

/**
 * The validated JSON of recent upstream answers, by their exact bytes. Atlas is still asked
 * every time (nothing here is a cache of Atlas); an answer byte-for-byte equal to one already
 * parsed and validated with the same schema — a list polled by several browsers, a job that
 * has not moved — is not parsed, validated and serialised again. Bounded by total bytes.
 */
export class ValidatedAnswers {
  private entries: Entry[] = []
  private bytes = 0

  constructor(private readonly maxBytes = 8 * 2 ** 20) {}

  find(schema: z.ZodType, upstream: Buffer): Buffer | undefined {
    const index = this.entries.findIndex(
      (e) =>
        e.schema === schema &&
        e.upstream.length === upstream.length &&
        e.upstream.equals(upstream),
    )
    const found = this.entries[index]
    if (!found) return undefined
    if (index > 0) {
      this.entries.splice(index, 1)
      this.entries.unshift(found)
    }
    return found.json
  }

  remember(schema: z.ZodType, upstream: Buffer, json: Buffer): void {
    const size = upstream.length + json.length
    if (size > this.maxBytes / 4) return
    this.entries.unshift({ schema, upstream, json })
    this.bytes += size
    while (this.bytes > this.maxBytes) {
      const oldest = this.entries.pop()
      if (!oldest) break
      this.bytes -= oldest.upstream.length + oldest.json.length
    }
  }

  get size(): number {
    return this.entries.length
  }
}
