import { z } from 'zod'

import { validateRestoreRequest } from '../../../../contract/rules/restore-request'
import { ruleErrorCodes } from '../../../../contract/rules/error-codes'
import {
  type RestoreBlackout,
  checkRestoreInstant,
  restorableRanges,
  restoreWindowBounds,
} from '../../../../contract/rules/restore-window'
import { describeInstant, parseInstantText } from './instant-text'
import type { PitMode, WizardAnswers, ZoneChoice } from './wizard-answers'

// The point-in-time step's checks, all from the shared rules: one mode at a time, never half
// an oplog pair (R4, validateRestoreRequest), and the instant inside the restore window and
// outside any post-restore blackout (R4, checkRestoreInstant), each next to its field.

export type PitFormValues = {
  mode: PitMode
  zone: ZoneChoice
  dateTime: string
  oplogTs: string
  oplogInc: string
}

export type PitWindow = {
  restoreWindowDays: number
  blackouts: readonly RestoreBlackout[]
  /** Atlas's clock: the window ends at its now, not the browser's. */
  now: () => Date
}

const fieldOf: Record<string, keyof PitFormValues> = {
  pointInTimeUTCSeconds: 'dateTime',
  oplogTs: 'oplogTs',
  oplogInc: 'oplogInc',
}

export function zoneName(zone: ZoneChoice, localTimeZone: string): string {
  return zone === 'utc' ? 'UTC' : localTimeZone
}

/** '' → absent; digits → the number; anything else → NaN, which the rules refuse. */
function numberOrAbsent(text: string): number | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN
}

/** The instant the values name, in epoch seconds, or why they name none. */
export function pitInstant(
  values: PitFormValues,
  localTimeZone: string,
):
  | { ok: true; seconds: number; field: keyof PitFormValues }
  | { ok: false; reason: string; field: keyof PitFormValues } {
  if (values.mode === 'date') {
    if (values.dateTime.trim() === '') {
      return {
        ok: false,
        field: 'dateTime',
        reason: 'Enter the date and time to restore to',
      }
    }
    const parsed = parseInstantText(
      values.dateTime,
      zoneName(values.zone, localTimeZone),
    )
    return parsed.ok
      ? { ok: true, seconds: parsed.seconds, field: 'dateTime' }
      : { ok: false, reason: parsed.reason, field: 'dateTime' }
  }
  if (values.oplogTs.trim() === '' && values.oplogInc.trim() === '') {
    return {
      ok: false,
      field: 'oplogTs',
      reason: 'Enter the oplog timestamp and its increment',
    }
  }
  const refusals = validateRestoreRequest({
    deliveryType: 'pointInTime',
    oplogTs: numberOrAbsent(values.oplogTs),
    oplogInc: numberOrAbsent(values.oplogInc),
  }).filter((r) => r.field && r.field in fieldOf)
  const [first] = refusals
  if (first) {
    return {
      ok: false,
      reason: first.reason,
      field: fieldOf[first.field ?? ''] ?? 'oplogTs',
    }
  }
  return {
    ok: true,
    seconds: numberOrAbsent(values.oplogTs) ?? 0,
    field: 'oplogTs',
  }
}

/** The window's bounds in words, in UTC and (when typing in local time) local time too. */
export function windowRangeText(
  window: PitWindow,
  zone: ZoneChoice,
  localTimeZone: string,
): string {
  const { start, end } = restoreWindowBounds(
    window.now(),
    window.restoreWindowDays,
  )
  const s = start.getTime() / 1000
  const e = end.getTime() / 1000
  const utc = `${describeInstant(s, 'UTC')} to ${describeInstant(e, 'UTC')}`
  if (zone === 'utc') return utc
  return `${describeInstant(s, localTimeZone)} to ${describeInstant(e, localTimeZone)} (${utc})`
}

/** What can be restored instead, for the refusal: the window, or its stretches between blackouts. */
function validRangesText(
  window: PitWindow,
  zone: ZoneChoice,
  localTimeZone: string,
  errorCode: string | undefined,
): string {
  const tz = zoneName(zone, localTimeZone)
  if (errorCode === ruleErrorCodes.pointInTimeInBlackout) {
    const ranges = restorableRanges({
      now: window.now(),
      restoreWindowDays: window.restoreWindowDays,
      blackouts: window.blackouts,
    }).map(
      (r) =>
        `${describeInstant(r.start.getTime() / 1000, tz)} to ${describeInstant(r.end.getTime() / 1000, tz)}`,
    )
    return `. Restorable: ${ranges.join('; ')}`
  }
  return zone === 'local'
    ? `. The window in your time zone: ${windowRangeText(window, 'local', localTimeZone)}`
    : ''
}

export function pitFormSchema(window: PitWindow, localTimeZone: string) {
  return z
    .object({
      mode: z.enum(['date', 'oplog']),
      zone: z.enum(['utc', 'local']),
      dateTime: z.string(),
      oplogTs: z.string(),
      oplogInc: z.string(),
    })
    .superRefine((values, ctx) => {
      // The other mode's fields must be empty: never both (R4).
      if (values.mode === 'date' && (values.oplogTs || values.oplogInc)) {
        ctx.addIssue({
          code: 'custom',
          path: ['oplogTs'],
          message:
            'Clear the oplog timestamp: give a date-time or an oplog entry, not both',
        })
      }
      if (values.mode === 'oplog' && values.dateTime) {
        ctx.addIssue({
          code: 'custom',
          path: ['dateTime'],
          message:
            'Clear the date-time: give a date-time or an oplog entry, not both',
        })
      }
      const instant = pitInstant(values, localTimeZone)
      if (!instant.ok) {
        ctx.addIssue({
          code: 'custom',
          path: [instant.field],
          message: instant.reason,
        })
        return
      }
      const verdict = checkRestoreInstant(instant.seconds, {
        now: window.now(),
        restoreWindowDays: window.restoreWindowDays,
        blackouts: window.blackouts,
      })
      if (!verdict.ok) {
        ctx.addIssue({
          code: 'custom',
          path: [instant.field],
          message: `${verdict.reason}${validRangesText(window, values.zone, localTimeZone, verdict.errorCode)}`,
        })
      }
    })
}

/** The step's answers for the URL. */
export function pitAnswers(
  values: PitFormValues,
  localTimeZone: string,
): WizardAnswers {
  const instant = pitInstant(values, localTimeZone)
  if (values.mode === 'date') {
    return {
      pit: 'date',
      zone: values.zone,
      at: instant.ok ? instant.seconds : undefined,
      oplogTs: undefined,
      oplogInc: undefined,
    }
  }
  return {
    pit: 'oplog',
    zone: values.zone,
    at: undefined,
    oplogTs: numberOrAbsent(values.oplogTs),
    oplogInc: numberOrAbsent(values.oplogInc),
  }
}
