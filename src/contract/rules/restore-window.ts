import { ruleErrorCodes } from './error-codes'
import { formatUtc, formatUtcSeconds } from './format-utc'
import { ok, refuse } from './result'
import type { RuleResult } from './result'

// R4: a point in time must lie in the restore window, from now minus restoreWindowDays up to
// now, and not "between when you initiated a restore and when Atlas completes a snapshot after
// the restore" (reference 003).

const DAY_MS = 86_400_000

export type TimeRange = { start: Date; end: Date }

/**
 * A stretch that cannot be restored to: from a restore's start up to the first snapshot Atlas
 * takes after that restore completed. `end` is absent while that snapshot does not exist yet.
 */
export type RestoreBlackout = { start: Date; end?: Date | undefined }

export type RestoreWindowInput = {
  now: Date
  restoreWindowDays: number
  blackouts?: readonly RestoreBlackout[] | undefined
}

/**
 * The window's bounds, both inclusive. Points in time are whole seconds, so `now` is truncated
 * to its second: the bounds shown then agree exactly with what the check accepts.
 */
export function restoreWindowBounds(
  now: Date,
  restoreWindowDays: number,
): TimeRange {
  const end = Math.floor(now.getTime() / 1000) * 1000
  return {
    start: new Date(end - restoreWindowDays * DAY_MS),
    end: new Date(end),
  }
}

export function checkRestoreInstant(
  instantSeconds: number,
  window: RestoreWindowInput,
  field = 'pointInTimeUTCSeconds',
): RuleResult {
  const { start, end } = restoreWindowBounds(
    window.now,
    window.restoreWindowDays,
  )
  const instant = instantSeconds * 1000
  if (instant < start.getTime() || instant > end.getTime()) {
    return refuse(
      `The instant ${formatUtcSeconds(instantSeconds)} lies outside the restore window ` +
        `(${formatUtc(start)} to ${formatUtc(end)})`,
      field,
      ruleErrorCodes.pointInTimeOutsideWindow,
    )
  }
  const blackout = (window.blackouts ?? []).find((b) => inBlackout(instant, b))
  if (blackout) {
    const until = blackout.end
      ? `the snapshot Atlas took after it at ${formatUtc(blackout.end)}`
      : 'the snapshot Atlas takes once that restore completes, which does not exist yet'
    return refuse(
      `The instant ${formatUtcSeconds(instantSeconds)} cannot be restored: it lies between ` +
        `the start of a restore at ${formatUtc(blackout.start)} and ${until}`,
      field,
      ruleErrorCodes.pointInTimeInBlackout,
    )
  }
  return ok
}

/** [start, end): the snapshot's own instant is restorable again. */
function inBlackout(instantMs: number, blackout: RestoreBlackout): boolean {
  if (instantMs < blackout.start.getTime()) return false
  return blackout.end === undefined || instantMs < blackout.end.getTime()
}

/** The restorable stretches of the window, for the snapshot timeline. */
export function restorableRanges(window: RestoreWindowInput): TimeRange[] {
  const bounds = restoreWindowBounds(window.now, window.restoreWindowDays)
  const blackouts = [...(window.blackouts ?? [])].sort(
    (a, b) => a.start.getTime() - b.start.getTime(),
  )
  const ranges: TimeRange[] = []
  let cursor = bounds.start.getTime()
  for (const b of blackouts) {
    const bEnd = b.end?.getTime() ?? Infinity
    if (bEnd <= cursor || b.start.getTime() > bounds.end.getTime()) continue
    // The last whole second before the blackout is still restorable.
    if (b.start.getTime() > cursor) {
      ranges.push({
        start: new Date(cursor),
        end: new Date(b.start.getTime() - 1000),
      })
    }
    cursor = Math.max(cursor, bEnd)
  }
  if (cursor <= bounds.end.getTime()) {
    ranges.push({ start: new Date(cursor), end: bounds.end })
  }
  return ranges
}

export type RestoreForBlackout = {
  startedAt: Date
  finishedAt?: Date | undefined
}
export type SnapshotForBlackout = { createdAt: Date; status: string }

/**
 * Blackouts of a target cluster from the automated and pointInTime restores into it (the BFF
 * stores their start, R10) and its snapshots: each ends at the first completed snapshot taken
 * after the restore finished (R10: "After a restore completes Atlas takes a snapshot").
 */
export function restoreBlackouts(
  restores: readonly RestoreForBlackout[],
  snapshots: readonly SnapshotForBlackout[],
): RestoreBlackout[] {
  const completed = snapshots
    .filter((s) => s.status === 'completed')
    .map((s) => s.createdAt.getTime())
    .sort((a, b) => a - b)
  return restores.map((r) => {
    const finished = r.finishedAt?.getTime()
    const next =
      finished === undefined ? undefined : completed.find((t) => t >= finished)
    return next === undefined
      ? { start: r.startedAt }
      : { start: r.startedAt, end: new Date(next) }
  })
}

/** The post-restore snapshot is kept as long as the continuous-backup window (reference 000). */
export function postRestoreSnapshotExpiry(
  takenAt: Date,
  restoreWindowDays: number,
): Date {
  return new Date(takenAt.getTime() + restoreWindowDays * DAY_MS)
}
