// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { restorableRanges } from '../../../../contract/rules/restore-window'
import type { SnapshotRow } from '../model'
import { makeRows } from '../test-rows'
import { buildTimeline } from '../timeline-model'
import { SnapshotTimeline } from './snapshot-timeline'

const HOUR = 3_600_000
const now = new Date(Date.UTC(2026, 10, 23, 12))

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

afterEach(cleanup)

describe('SnapshotTimeline', () => {
  const rows = makeRows(20, now.getTime() - HOUR)

  it('draws one labelled tick per snapshot, in lanes by frequency', () => {
    render(
      <SnapshotTimeline
        timeline={timelineOf(rows)}
        selectedId={undefined}
        onSelect={vi.fn()}
      />,
    )
    const ticks = screen.getAllByRole('button', {
      name: /snapshot, 2026-11-2\d \d\d:00 UTC/,
    })
    expect(ticks).toHaveLength(20)
    expect(
      screen.getAllByRole('button', { name: /^Hourly snapshot/ }),
    ).toHaveLength(rows.filter((r) => r.frequencyType === 'hourly').length)
    expect(
      screen.getByRole('button', {
        name: /^On demand snapshot, 2026-11-23 08:00 UTC, completed/,
      }),
    ).toBeTruthy()
    // The newest snapshot (1 h before the end of a 100 h span) sits at 99 %.
    const newest = screen.getByRole('button', {
      name: 'Hourly snapshot, 2026-11-23 11:00 UTC, completed',
    })
    expect(newest.getAttribute('x')).toBe('99.000%')
    // A failed snapshot is hollow, not only differently coloured.
    expect(
      screen.getByRole('button', { name: /failed$/ }).getAttribute('class'),
    ).toContain('tl-failed')
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
      ...container.querySelectorAll('svg[role=group] rect.tl-window'),
    ]
    expect(
      windows.map((w) => [w.getAttribute('x'), w.getAttribute('width')]),
    ).toEqual([
      ['52.000%', '38.000%'], // now − 48 h … the blackout's start (less one second)
      ['92.000%', '8.000%'], // the blackout's end … now
    ])
    expect(
      container
        .querySelector('svg[role=group] rect.tl-blackout')
        ?.getAttribute('x'),
    ).toBe('90.000%')
    expect(
      container
        .querySelector('svg[role=group] rect.tl-gap')
        ?.getAttribute('width'),
    ).toBe('10.000%')
  })

  it('selects the snapshot whose tick is clicked', async () => {
    const onSelect = vi.fn()
    render(
      <SnapshotTimeline
        timeline={timelineOf(rows)}
        selectedId={undefined}
        onSelect={onSelect}
      />,
    )
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Daily snapshot, 2026-11-23 10:00 UTC, completed',
      }),
    )
    expect(onSelect).toHaveBeenCalledWith(rows[1]!.id)
  })

  it('shows the snapshot on hover', () => {
    render(
      <SnapshotTimeline
        timeline={timelineOf(rows)}
        selectedId={undefined}
        onSelect={vi.fn()}
      />,
    )
    fireEvent.mouseEnter(
      screen.getByRole('button', {
        name: /^On demand snapshot, 2026-11-23 08:00/,
      }),
    )
    expect(screen.getByRole('tooltip').textContent).toContain(
      'Before migration 3',
    )
  })

  it('is one tab stop, walked with the arrow keys, and Enter selects', async () => {
    const onSelect = vi.fn()
    const user = userEvent.setup()
    render(
      <SnapshotTimeline
        timeline={timelineOf(rows)}
        selectedId={rows[2]!.id}
        onSelect={onSelect}
      />,
    )
    const focusable = screen
      .getAllByRole('button')
      .filter((tick) => tick.getAttribute('tabindex') === '0')
    expect(focusable).toHaveLength(1)
    expect(focusable[0]!.getAttribute('aria-pressed')).toBe('true')
    await user.tab()
    expect(document.activeElement).toBe(focusable[0])
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(
      /2026-11-23 10:00 UTC/,
    )
    await user.keyboard('{Enter}')
    expect(onSelect).toHaveBeenCalledWith(rows[1]!.id)
    await user.keyboard('{Home}')
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(
      /2026-11-22 16:00 UTC/,
    )
  })
})
