// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  createMemoryRouter,
  RouterProvider,
  useSearchParams,
} from 'react-router'

import { filterSnapshots } from '../../../../contract/rules/snapshot-filters'
import {
  parseBrowserParams,
  toSnapshotFilter,
  withBrowserParams,
} from '../browser-params'
import type { SnapshotRow } from '../model'
import { makeRows } from '../test-rows'
import { SnapshotFilters } from './snapshot-filters'
import { SnapshotTable } from './snapshot-table'

// jsdom has no layout: give the scroll box a height, and let scrollTo move it.
const VIEW_HEIGHT = 480
const clientHeight = Object.getOwnPropertyDescriptor(
  Element.prototype,
  'clientHeight',
)
const scrollHeight = Object.getOwnPropertyDescriptor(
  Element.prototype,
  'scrollHeight',
)
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('virtual-scroll') ? VIEW_HEIGHT : 0
    },
  })
  Object.defineProperty(Element.prototype, 'scrollHeight', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('virtual-scroll') ? 10_001 * 56 : 0
    },
  })
  Element.prototype.scrollTo = function scrollTo(
    this: Element,
    options?: ScrollToOptions | number,
  ) {
    if (typeof options === 'object' && options.top !== undefined)
      this.scrollTop = options.top
    // Browsers fire scroll events later, never inside the call.
    setTimeout(() => this.dispatchEvent(new Event('scroll')), 0)
  }
})
afterAll(() => {
  if (clientHeight)
    Object.defineProperty(Element.prototype, 'clientHeight', clientHeight)
  if (scrollHeight)
    Object.defineProperty(Element.prototype, 'scrollHeight', scrollHeight)
})
afterEach(cleanup)

const rows = makeRows(10_000)

/** The browser's filters and table, wired through the URL as on the page. */
function Browser({ snapshots }: { snapshots: SnapshotRow[] }) {
  const [searchParams, setSearchParams] = useSearchParams()
  const params = parseBrowserParams(searchParams)
  const shown = filterSnapshots(snapshots, toSnapshotFilter(params))
  return (
    <>
      <SnapshotFilters
        params={params}
        onChange={(change) =>
          setSearchParams((prev) => withBrowserParams(prev, change))
        }
      />
      <h2 id="snapshots-title">Snapshots</h2>
      <SnapshotTable
        rows={shown}
        labelledBy="snapshots-title"
        selectedId={params.selected}
        onSelect={(id) =>
          setSearchParams((prev) => withBrowserParams(prev, { selected: id }))
        }
      />
    </>
  )
}

function renderAt(url: string, snapshots = rows) {
  const router = createMemoryRouter(
    [{ path: '/', element: <Browser snapshots={snapshots} /> }],
    {
      initialEntries: [url],
    },
  )
  render(<RouterProvider router={router} />)
  return router
}

const table = () => screen.getByRole('table', { name: 'Snapshots' })
const bodyRows = () => within(table()).getAllByRole('row').slice(1)

describe('SnapshotTable with 10,000 snapshots', () => {
  it('keeps a bounded number of rows in the DOM and says where they sit', () => {
    renderAt('/')
    expect(table().getAttribute('aria-rowcount')).toBe('10001')
    const rendered = bodyRows().filter(
      (r) => r.getAttribute('aria-hidden') !== 'true',
    )
    expect(rendered.length).toBeGreaterThan(5)
    expect(rendered.length).toBeLessThan(60)
    expect(rendered[0]!.getAttribute('aria-rowindex')).toBe('2')
    expect(
      within(rendered[0]!).getByRole('button', {
        name: /2026-11-23 06:00 UTC/,
      }),
    ).toBeTruthy()
  })

  it('renders the rows scrolled to, still bounded', () => {
    renderAt('/')
    const box = screen.getByRole('region', { name: 'Snapshots' })
    act(() => {
      box.scrollTop = 5000 * 56
      box.dispatchEvent(new Event('scroll'))
    })
    const rendered = bodyRows().filter((r) => r.getAttribute('aria-rowindex'))
    expect(rendered.length).toBeLessThan(60)
    const indexes = rendered.map((r) => Number(r.getAttribute('aria-rowindex')))
    expect(Math.min(...indexes)).toBeGreaterThan(4980)
    expect(Math.max(...indexes)).toBeLessThan(5030)
  })

  it('filters through the S2 rules: on-demand only, then failed only', async () => {
    const user = userEvent.setup()
    const router = renderAt('/')
    await user.click(screen.getByRole('radio', { name: 'On demand' }))
    expect(router.state.location.search).toBe('?origin=onDemand')
    expect(table().getAttribute('aria-rowcount')).toBe(String(1000 + 1))
    expect(within(table()).getAllByText('On demand').length).toBeGreaterThan(5)
    await user.click(screen.getByRole('radio', { name: 'All' }))
    await user.click(screen.getByRole('checkbox', { name: 'Failed' }))
    expect(router.state.location.search).toBe('?status=failed')
    expect(table().getAttribute('aria-rowcount')).toBe(String(200 + 1))
    await user.type(
      screen.getByRole('searchbox', { name: 'Search' }),
      'Before migration 9993',
    )
    expect(table().getAttribute('aria-rowcount')).toBe('1')
  })

  it('scrolls a selected snapshot far down into view', async () => {
    const target = rows[7000]!
    renderAt(`/?snapshot=${target.id}`)
    const selected = await within(table()).findByRole('button', {
      pressed: true,
    })
    expect(selected.closest('tr')?.getAttribute('aria-rowindex')).toBe('7002')
  })

  it('expands a sharded snapshot to its members', async () => {
    const user = userEvent.setup()
    const sharded = makeRows(3).map((row) => ({
      ...row,
      members: [
        { id: 'a'.repeat(24), replicaSetName: 'shard-0', cloudProvider: 'AWS' },
        {
          id: 'b'.repeat(24),
          replicaSetName: 'config-0',
          cloudProvider: 'AWS',
        },
      ],
    }))
    renderAt('/', sharded)
    await user.click(
      screen.getAllByRole('button', { name: /^2 members of the snapshot/ })[0]!,
    )
    expect(table().getAttribute('aria-rowcount')).toBe('6')
    expect(screen.getByText('↳ shard-0')).toBeTruthy()
    expect(screen.getByText('Config server')).toBeTruthy()
  })
})
