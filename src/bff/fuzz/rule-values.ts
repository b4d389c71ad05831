import fc from 'fast-check'

import {
  CLUSTER_NAME_PATTERN,
  MAX_INT32,
  MIN_RESTORE_EPOCH_SECONDS,
  OBJECT_ID_PATTERN,
} from '../../contract/atlas/common'

// Inputs for the rule properties, and the plain statements of DESIGN §4 the rules are checked
// against: written here from the design's words, not from the rules' code.

export const RULE_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 150) * 4)

export const present = (v: unknown) => v !== undefined && v !== null && v !== ''
export const isId = (v: unknown) =>
  typeof v === 'string' && OBJECT_ID_PATTERN.test(v)
export const isName = (v: unknown) =>
  typeof v === 'string' && CLUSTER_NAME_PATTERN.test(v)
export const isEpoch = (v: unknown) =>
  Number.isInteger(v) &&
  (v as number) >= MIN_RESTORE_EPOCH_SECONDS &&
  (v as number) <= MAX_INT32
export const isIntIn = (v: unknown, lo: number, hi = MAX_INT32) =>
  Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi

/** Absent in each way a form or JSON can say it. */
const absentString = fc.constantFrom(undefined, null, '')
const absentNumber = fc.constantFrom(undefined, null)

export const idValue = fc.oneof(
  fc.stringMatching(/^[a-f0-9]{24}$/),
  fc.stringMatching(/^[a-fA-F0-9]{22,26}$/),
  fc.string({ maxLength: 8 }),
  absentString,
)
export const nameValue = fc.oneof(
  fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9-]{0,15}$/),
  fc.stringMatching(/^[-_. a-z]{1,6}$/),
  absentString,
)

/** Epoch seconds: inside R4's bounds, on them, just outside, fractional, absurd, absent. */
export function epochValue(aroundSeconds?: number) {
  return fc.oneof(
    fc.integer({ min: MIN_RESTORE_EPOCH_SECONDS, max: MAX_INT32 }),
    ...(aroundSeconds === undefined
      ? []
      : [
          fc.integer({
            min: aroundSeconds - 5 * 86_400,
            max: aroundSeconds + 3_600,
          }),
          // The edges of a 72-hour window ending at `aroundSeconds`.
          fc
            .integer({ min: -2, max: 2 })
            .chain((d) =>
              fc.constantFrom(aroundSeconds + d, aroundSeconds - 72 * 3600 + d),
            ),
        ]),
    fc.constantFrom(
      MIN_RESTORE_EPOCH_SECONDS - 1,
      MIN_RESTORE_EPOCH_SECONDS,
      MAX_INT32,
      MAX_INT32 + 1,
      0,
      -1,
      8.64e12 + 0.5,
      1e300,
    ),
    fc.double({ min: MIN_RESTORE_EPOCH_SECONDS, max: MAX_INT32, noNaN: true }),
    fc.constantFrom(Number.NaN, Infinity),
    absentNumber,
  )
}

export const incValue = fc.oneof(
  fc.integer({ min: 1, max: 1000 }),
  fc.constantFrom(0, -1, 1, MAX_INT32, MAX_INT32 + 1, 1.5),
  absentNumber,
)

/** `undefined` fields left out, as JSON would leave them. */
export function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== undefined),
  ) as T
}
