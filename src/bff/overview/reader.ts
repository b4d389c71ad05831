import type { z } from 'zod'

import { PAGE_SIZE_MAX } from '../../contract/atlas/common'
import type { AtlasResource } from '../../contract/atlas/versions'
import type { AtlasClient } from '../atlas/client'
import type { Limiter } from './limiter'

/** Upstream reads for the overview, each through the shared concurrency limit. */
export type Reader = { atlas: AtlasClient; limit: Limiter }

type Page<T> = { results: T[]; totalCount?: number | undefined }

// A bound on pages per list, so a misbehaving upstream cannot keep the overview looping.
const MAX_PAGES = 20

export async function readOne<T extends z.ZodType>(
  reader: Reader,
  path: string,
  resource: AtlasResource,
  schema: T,
): Promise<z.infer<T>> {
  const reply = await reader.limit(() =>
    reader.atlas.request({ path, resource, schema }),
  )
  return reply.body as z.infer<T>
}

/** Every item of a paginated list (A3), 500 a page. */
export async function readAll<T>(
  reader: Reader,
  path: string,
  resource: AtlasResource,
  schema: z.ZodType<Page<T>>,
): Promise<T[]> {
  const items: T[] = []
  for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum++) {
    const page = await readOne(
      reader,
      `${path}?itemsPerPage=${PAGE_SIZE_MAX}&pageNum=${pageNum}`,
      resource,
      schema,
    )
    items.push(...page.results)
    const total = page.totalCount ?? Number.POSITIVE_INFINITY
    if (page.results.length < PAGE_SIZE_MAX || items.length >= total) break
  }
  return items
}
