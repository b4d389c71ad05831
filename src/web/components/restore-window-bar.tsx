import { useId } from 'react'

import type {
  RestoreBlackout,
  TimeRange,
} from '../../contract/rules/restore-window'
import { formatInstant } from '../lib/format-time'
import './restore-window-bar.css'

// The restore window drawn as a bar (R4; PEERS.md §9 idea 2): from now − restoreWindowDays to
// now, the post-restore blackouts hatched, the chosen instant marked. The same facts are
// written out beside it, so nothing depends on seeing the drawing or its colours.

type RestoreWindowBarProps = {
  window: TimeRange
  blackouts: readonly RestoreBlackout[]
  /** The chosen instant, if any; drawn at the edge when it lies outside. */
  instant?: Date | undefined
}

const WIDTH = 1000
/** Room either side, so a marker at an edge (or beyond it) is drawn whole. */
const PAD = 12
const BAR_Y = 18
const BAR_H = 22

function both(instant: Date | number): string {
  return `${formatInstant(instant, 'utc', { seconds: true })} (${formatInstant(instant, 'local', { seconds: true })})`
}

function inBlackout(at: number, blackouts: readonly RestoreBlackout[]) {
  return blackouts.some(
    (b) => at >= b.start.getTime() && (!b.end || at < b.end.getTime()),
  )
}

export function describeWindow(props: RestoreWindowBarProps): string {
  const { window, blackouts, instant } = props
  const days = Math.round(
    (window.end.getTime() - window.start.getTime()) / 86_400_000,
  )
  const parts = [
    `Restore window: ${both(window.start)} to ${both(window.end)} (${days} ${days === 1 ? 'day' : 'days'}).`,
    blackouts.length === 0
      ? 'No post-restore blackouts.'
      : blackouts
          .map(
            (b) =>
              `Blackout (a restore and the snapshot after it) from ${both(b.start)} to ${b.end ? both(b.end) : 'the snapshot Atlas takes after that restore'}.`,
          )
          .join(' '),
  ]
  if (instant) {
    const at = instant.getTime()
    const where =
      at < window.start.getTime()
        ? 'before the window'
        : at > window.end.getTime()
          ? 'after the window'
          : inBlackout(at, blackouts)
            ? 'inside a blackout'
            : 'inside the window'
    parts.push(`Chosen instant: ${both(instant)}, ${where}.`)
  }
  return parts.join(' ')
}

export function RestoreWindowBar(props: RestoreWindowBarProps) {
  const { window, blackouts, instant } = props
  const id = useId()
  const start = window.start.getTime()
  const span = Math.max(1, window.end.getTime() - start)
  const x = (at: number) =>
    PAD + Math.min(1, Math.max(0, (at - start) / span)) * (WIDTH - 2 * PAD)
  const description = describeWindow(props)
  const marker = instant ? x(instant.getTime()) : undefined
  const outside =
    instant !== undefined &&
    (instant.getTime() < start || instant.getTime() > window.end.getTime())
  return (
    <figure className="window-bar">
      <svg
        viewBox={`0 0 ${WIDTH} 60`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        preserveAspectRatio="none"
      >
        <title id={`${id}-title`}>Restore window</title>
        <defs>
          <pattern
            id={`${id}-hatch`}
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="8" className="window-bar-hatch" />
          </pattern>
        </defs>
        <rect
          x={PAD}
          y={BAR_Y}
          width={WIDTH - 2 * PAD}
          height={BAR_H}
          className="window-bar-window"
        />
        {blackouts.map((b) => {
          const from = x(b.start.getTime())
          const to = x(b.end?.getTime() ?? window.end.getTime())
          return (
            <rect
              key={b.start.toISOString()}
              x={from}
              y={BAR_Y}
              width={Math.max(2, to - from)}
              height={BAR_H}
              fill={`url(#${id}-hatch)`}
              className="window-bar-blackout"
            />
          )
        })}
        {marker !== undefined ? (
          <g
            className={
              outside ? 'window-bar-marker outside' : 'window-bar-marker'
            }
          >
            <line x1={marker} x2={marker} y1="4" y2="56" />
            <path d={`M ${marker - 7} 4 L ${marker + 7} 4 L ${marker} 14 Z`} />
          </g>
        ) : null}
      </svg>
      <div className="window-bar-ends" aria-hidden="true">
        <span>{formatInstant(window.start, 'utc')}</span>
        <span>now, {formatInstant(window.end, 'utc')}</span>
      </div>
      <figcaption id={`${id}-desc`} className="window-bar-caption">
        {description}
      </figcaption>
    </figure>
  )
}
