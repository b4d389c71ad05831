import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../contract/atlas/common'
import { validationError } from './api-error'

export type PageRequest = {
  itemsPerPage: number
  pageNum: number
  includeCount: boolean
}

type Query = Record<string, string | string[] | undefined>

function single(query: Query, name: string): string | undefined {
  const value = query[name]
  return Array.isArray(value) ? value[0] : value
}

function intParam(
  query: Query,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = single(query, name)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!/^-?\d+$/.test(raw) || value < min || value > max) {
    throw validationError(
      `Invalid ${name}: ${raw}. It must be an integer from ${min} to ${max}.`,
      [
        {
          field: name,
          description: `must be an integer from ${min} to ${max}`,
        },
      ],
      'INVALID_QUERY_PARAMETER',
    )
  }
  return value
}

export function boolParam(
  query: Query,
  name: string,
  fallback: boolean,
): boolean {
  const raw = single(query, name)
  if (raw === undefined) return fallback
  if (raw === 'true') return true
  if (raw === 'false') return false
  throw validationError(
    `Invalid ${name}: ${raw}. It must be true or false.`,
    [{ field: name, description: 'must be true or false' }],
    'INVALID_QUERY_PARAMETER',
  )
}

/** A3: itemsPerPage 1–500 (default 100), pageNum ≥ 1, includeCount (default true). */
export function parsePageRequest(query: Query): PageRequest {
  return {
    itemsPerPage: intParam(
      query,
      'itemsPerPage',
      PAGE_SIZE_DEFAULT,
      1,
      PAGE_SIZE_MAX,
    ),
    pageNum: intParam(query, 'pageNum', 1, 1, 1_000_000),
    includeCount: boolParam(query, 'includeCount', true),
  }
}

export function paginate<T>(
  items: readonly T[],
  page: PageRequest,
  selfUrl: string,
) {
  const start = (page.pageNum - 1) * page.itemsPerPage
  const results = items.slice(start, start + page.itemsPerPage)
  const link = (pageNum: number, rel: string) => {
    const url = new URL(selfUrl)
    url.searchParams.set('pageNum', String(pageNum))
    url.searchParams.set('itemsPerPage', String(page.itemsPerPage))
    return { href: url.toString(), rel }
  }
  const links = [link(page.pageNum, 'self')]
  if (page.pageNum > 1) links.push(link(page.pageNum - 1, 'previous'))
  if (start + page.itemsPerPage < items.length) {
    links.push(link(page.pageNum + 1, 'next'))
  }
  return {
    links,
    results,
    ...(page.includeCount ? { totalCount: items.length } : {}),
  }
}
