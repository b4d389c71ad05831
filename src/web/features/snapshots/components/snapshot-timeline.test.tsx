// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { restorableRanges } from '../../../../contract/rules/restore-window'
import type { SnapshotRow } from '../model'
import { makeRows } from '../test-rows'
import { buildTimeline } from '../timeline-model'
import { SnapshotTimeline } from './snapshot-timeline'
import { LANE } from './timeline-geometry'

const HOUR = 3_600_000
const now = new Date(Date.UTC(2026, 10, 23, 12))
/** The plot's width in these tests: x = 0.95 is 950 px from its left edge. */
const WIDTH = 1000

function timelineOf(rows: SnapshotRow[]) {
  const blackouts = [
    {
      start: new Date(now.getTime() - 10 * HOUR),
      end: new Date(now.getTime() - 8 * HOUR),
    },
  ]
  return buildTimeline({
    snapshots: rows,
    span: { start: new Date(now.getTime() - 100 * HOUR), end: now },
    // A 2-day window with one blackout: two restorable stretches.
    restorable: restorableRanges({ now, restoreWindowDays: 2, blackouts }),
    blackouts,
    gaps: [
      {
        start: new Date(now.getTime() - 60 * HOUR),
        end: new Date(now.getTime() - 50 * HOUR),
      },
    ],
  })
}

// jsdom lays nothing out: the plot (and everything else) is WIDTH × 300 px at the origin.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
    DOMRect.fromRect({ x: 0, y: 0, width: WIDTH, height: 300 }),
  )
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const plot = () => screen.getByRole('listbox', { name: /^Snapshots over time/ })

/** The vertical middle of the lane labelled `label`, as the pointer's clientY. */
function laneY(label: string): number {
  const labels = [...document.querySelectorAll('.lane-labels li')].map(
    (li) => li.textContent,
  )
  const row = labels.indexOf(label)
  expect(row).toBeGreaterThanOrEqual(0)
  return row * LANE + LANE / 2
}

/** The current option's accessible name, through aria-activedescendant. */
function currentName(): string {
  const id = plot().getAttribute('aria-activedescendant') ?? ''
  const option = document.getElementById(id)
  expect(option?.getAttribute('role')).toBe('option')
  return option?.textContent ?? ''
}

describe('SnapshotTimeline', () => {
  // One an hour from 11:00 back; every 10th from the 4th on demand, the 8th failed (monthly).
  const rows = makeRows(20, now.getTime() - HOUR)

  it('draws each lane as a few paths, a mark at every snapshot', () => {
    const { container } = render(
      <SnapshotTimeline
        timeline={timelineOf(rows)}
        selectedId={undefined}
        onSelect={vi.fn()}
      />,
    )
    const paths = [...container.querySelectorAll('svg path.tl-tick')]
    expect(
      paths.map((p) => [
        p.getAttribute('data-lane'),
        p.getAttribute('data-kind'),
      ]),
    ).toEqual([
      ['hourly', 'done'],
      ['daily', 'done'],
      ['weekly', 'done'],
      ['monthly', 'done'],
      ['monthly', 'failed'],
      ['onDemand', 'done'],
    ])
    expect(
      [...container.querySelectorAll('.lane-labels li')].map(
        (li) => li.textContent,
      ),
    ).toEqual(['Hourly', 'Daily', 'Weekly', 'Monthly', 'On demand'])
    // The newest snapshot (1 h before the end of a 100 h span) sits at 99 %, 990 px: its mark
    // spans 988–992 px, in the first lane. Hourly ticks 4 h (40 px) apart stay apart.
    const hourly = paths[0]!.getAttribute('d') ?? ''
    expect(hourly).toContain('M988 5h4v18h-4z')
    expect(hourly.match(/M/g)).toHaveLength(5)
    // The failed monthly snapshot (04:00, 920 px) is hollow, not only differently coloured.
    expect(paths[4]!.getAttribute('class')).toContain('tl-failed')
    expect(paths[4]!.getAttribute('d')).toBe(`M918 ${3 * LANE + 5}h4v18h-4z`)
  })

  it('keeps the DOM bounded however many snapshots there are', () => {
    const many = makeRows(10_000, now.getTime() - HOUR)
    const { container } = render(
      <SnapshotTimeline
        timeline={buildTimeline({
          snapshots: many,
          span: { start: new Date(now.getTime() - 10_001 * HOUR), end: now },
          restorable: [],
          blackouts: [],
          gaps: [],
        })}
        selectedId={many[5000]!.id}
        onSelect={vi.fn()}
      />,
    )
    expect(container.querySelectorAll('*').length).toBeLessThan(80)
    expect(screen.getAllByRole('option')).toHaveLength(1)
    for (const path of container.querySelectorAll('path.tl-tick')) {
      // At most one rectangle per tick width of the plot.
      expect(
        (path.getAttribute('d') ?? '').match(/M/g)?.length,
      ).toBeLessThanOrEqual(WIDTH / 4 + 1)
    }
  })

  it('shades the restore window around the blackout, and marks the blackout and the gap', () => {
    const { container } = render(
      <SnapshotTimeline
        timeline={timelineOf(rows)}
        selectedId={undefined}
        onSelect={vi.fn()}
      />,
    )
    const windows = [
      ...container.querySelectorAll('.timeline-plot rect.tl-window'),
    ]
    expect(
      windows.map((w) => [w.getAttribute('x'), w.getAttribute('width')]),
    ).toEqual([
      ['52.000%', '38.000%'], // now − 48 h … the blackout's start (less one second)
      ['92.000%', '8.000%'], // the blackout's end … now
    ])
    expect(
      container
        .querySelector('.timeline-plot rect.tl-blackout')
        ?.getAttribute('x'),
    ).toBe('90.000%')
    expect(
      container
        .querySelector('.timeline-plot rect.tl-gap')
        ?.getAttribute('width'),
    ).toBe('10.000%')
  })

  it('shows the snapshot nearest the pointer, in the lane under it', () => {
    render(
      <SnapshotTimeline
        timeline={timelineOf(rows)}
        selectedId={undefined}
        onSelect={vi.fn()}
      />,
    )
    expect(screen.queryByRole('tooltip')).toBeNull()
    // 08:00, the on-demand snapshot, is at 960 px; the pointer is a little left of it.
    fireEvent.mouseMove(plot(), { clientX: 955, clientY: laneY('On demand') })
    expect(screen.getByRole('tooltip').textContent).toContain(
      'Before migration 3',
    )
    // The same x in the hourly lane: 07:00 (950 px), not the on-demand one.
    fireEvent.mouseMove(plot(), { clientX: 955, clientY: laneY('Hourly') })
    const tooltip = screen.getByRole('tooltip').textContent
    expect(tooltip).toContain('2026-11-23 07:00 UTC')
    expect(tooltip).toContain('Hourly')
    // Below the lanes (the axis) and outside the plot: nothing.
    fireEvent.mouseMove(plot(), { clientX: 955, clientY: 5 * LANE + 4 })
    expect(screen.queryByRole('tooltip')).toBeNull()
    fireEvent.mouseMove(plot(), { clientX: 955, clientY: laneY('Hourly') })
    fireEvent.mouseLeave(plot())
    expect(screen.queryByRole('tooltip')).toBeNull()
  })

  it('selects the snapshot clicked, in the lane clicked', async () => {
    const onSelect = vi.fn()
    const user = userEvent.setup()
    render(
      <SnapshotTimeline
        timeline={timelineOf(rows)}
        selectedId={undefined}
        onSelect={onSelect}
      />,
    )
    // 10:00 daily is at 980 px; in the hourly lane 11:00 (990 px) is nearer than 07:00.
    await user.pointer({
      keys: '[MouseLeft]',
      target: plot(),
      coords: { clientX: 977, clientY: laneY('Daily') },
    })
    expect(onSelect).toHaveBeenLastCalledWith(rows[1]!.id)
    await user.pointer({
      keys: '[MouseLeft]',
      target: plot(),
      coords: { clientX: 977, clientY: laneY('Hourly') },
    })
    expect(onSelect).toHaveBeenLastCalledWith(rows[0]!.id)
    // The clicked snapshot becomes the keyboard's current one.
    expect(currentName()).toBe(
      'Hourly snapshot, 2026-11-23 11:00 UTC, completed',
    )
  })

  it('marks the selected snapshot', () => {
    const { container } = render(
      <SnapshotTimeline
        timeline={timelineOf(rows)}
        selectedId={rows[2]!.id}
        onSelect={vi.fn()}
      />,
    )
    const mark = container.querySelector('rect.tl-selected')
    expect(mark?.getAttribute('x')).toBe('97.000%')
    expect(mark?.getAttribute('class')).toContain('tl-lane-weekly')
    expect(container.querySelector('line.tl-selected-line')).not.toBeNull()
    expect(screen.getByRole('option', { selected: true }).textContent).toMatch(
      /^Weekly snapshot, 2026-11-23 09:00 UTC/,
    )
  })

  it('is one tab stop, walked with the arrow keys, and Enter selects', async () => {
    const onSelect = vi.fn()
    const user = userEvent.setup()
    const { container } = render(
      <>
        <button type="button">Before</button>
        <SnapshotTimeline
          timeline={timelineOf(rows)}
          selectedId={rows[2]!.id}
          onSelect={onSelect}
        />
        <button type="button">After</button>
      </>,
    )
    await user.tab()
    await user.tab()
    expect(document.activeElement).toBe(plot())
    // Focus starts on the selected snapshot, ringed, with its tooltip.
    expect(currentName()).toBe(
      'Weekly snapshot, 2026-11-23 09:00 UTC, completed',
    )
    expect(screen.getByRole('option').getAttribute('aria-selected')).toBe(
      'true',
    )
    expect(container.querySelector('rect.tl-current')?.getAttribute('x')).toBe(
      '97.000%',
    )
    expect(screen.getByRole('tooltip').textContent).toContain(
      '2026-11-23 09:00 UTC',
    )
    await user.keyboard('{ArrowRight}')
    expect(currentName()).toBe(
      'Daily snapshot, 2026-11-23 10:00 UTC, completed',
    )
    expect(screen.getByRole('option').getAttribute('aria-posinset')).toBe('19')
    expect(screen.getByRole('option').getAttribute('aria-setsize')).toBe('20')
    expect(screen.getByRole('option').getAttribute('aria-selected')).toBe(
      'false',
    )
    await user.keyboard('{Enter}')
    expect(onSelect).toHaveBeenCalledWith(rows[1]!.id)
    await user.keyboard('{Home}')
    expect(currentName()).toMatch(/2026-11-22 16:00 UTC/)
    await user.keyboard('{ArrowLeft}')
    expect(currentName()).toMatch(/2026-11-22 16:00 UTC/)
    await user.keyboard('{End}')
    expect(currentName()).toMatch(/2026-11-23 11:00 UTC/)
    await user.keyboard('{ArrowUp}')
    expect(currentName()).toMatch(/2026-11-23 10:00 UTC/)
    await user.keyboard(' ')
    expect(onSelect).toHaveBeenLastCalledWith(rows[1]!.id)
    // One tab stop: the next Tab leaves the timeline.
    await user.tab()
    expect(document.activeElement?.textContent).toBe('After')
    expect(screen.queryByRole('tooltip')).toBeNull()
  })

  it('is no tab stop when the span has no snapshot', () => {
    render(
      <SnapshotTimeline
        timeline={timelineOf([])}
        selectedId={undefined}
        onSelect={vi.fn()}
      />,
    )
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(document.querySelector('[tabindex]')).toBeNull()
    expect(screen.getByText('No snapshots')).toBeTruthy()
  })
})
