import {
  type SnapshotFrequencyType,
  type SnapshotStatus,
  snapshotFrequencyTypes,
  snapshotStatuses,
} from '../../../contract/atlas/common'
import type {
  SnapshotFilter,
  SnapshotOrigin,
} from '../../../contract/rules/snapshot-filters'
import { type SpanPreset, spanPresets } from './timeline-model'

// The snapshot browser's state in the URL (issue 5): the S2 filters, the timeline's span and
// the selected snapshot, so a link shows exactly this view. Defaults stay out of the URL.

export type BrowserParams = {
  origin: SnapshotOrigin
  frequencies: SnapshotFrequencyType[]
  statuses: SnapshotStatus[]
  /** ISO 8601 instants (UTC), inclusive. */
  from: string | undefined
  to: string | undefined
  q: string
  span: SpanPreset
  selected: string | undefined
}

function listOf<T extends string>(
  values: readonly T[],
  raw: string | null,
): T[] {
  if (!raw) return []
  const wanted = raw.split(',')
  return values.filter((v) => wanted.includes(v))
}

function instant(raw: string | null): string | undefined {
  return raw && !Number.isNaN(Date.parse(raw)) ? raw : undefined
}

export function parseBrowserParams(params: URLSearchParams): BrowserParams {
  const origin = params.get('origin')
  const span = params.get('span')
  return {
    origin: origin === 'policy' || origin === 'onDemand' ? origin : 'all',
    frequencies: listOf(snapshotFrequencyTypes, params.get('frequency')),
    statuses: listOf(snapshotStatuses, params.get('status')),
    from: instant(params.get('from')),
    to: instant(params.get('to')),
    q: params.get('q') ?? '',
    span: (spanPresets as readonly (string | null)[]).includes(span)
      ? (span as SpanPreset)
      : 'all',
    selected: params.get('snapshot') ?? undefined,
  }
}

export function withBrowserParams(
  params: URLSearchParams,
  change: Partial<BrowserParams>,
): URLSearchParams {
  const next = { ...parseBrowserParams(params), ...change }
  const updated = new URLSearchParams(params)
  const set = (key: string, value: string | undefined, fallback?: string) => {
    if (value === undefined || value === '' || value === fallback)
      updated.delete(key)
    else updated.set(key, value)
  }
  set('origin', next.origin, 'all')
  set('frequency', next.frequencies.join(','))
  set('status', next.statuses.join(','))
  set('from', next.from)
  set('to', next.to)
  set('q', next.q)
  set('span', next.span, 'all')
  set('snapshot', next.selected)
  return updated
}

export function toSnapshotFilter(params: BrowserParams): SnapshotFilter {
  return {
    origin: params.origin,
    frequencyTypes: params.frequencies,
    statuses: params.statuses,
    createdFrom: params.from ? new Date(params.from) : undefined,
    createdTo: params.to ? new Date(params.to) : undefined,
    text: params.q,
  }
}

export function isFiltered(params: BrowserParams): boolean {
  return (
    params.origin !== 'all' ||
    params.frequencies.length > 0 ||
    params.statuses.length > 0 ||
    params.from !== undefined ||
    params.to !== undefined ||
    params.q.trim() !== ''
  )
}
