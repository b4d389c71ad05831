import fc from 'fast-check'

// Field values for the route fuzzers: mostly near misses of what a field takes (the edges
// where validation lives), some real values so requests get past validation to the rule checks
// and Atlas, and some of anything at all.

/** A value that is absent in every way JSON can say it: left out, null, or an empty string. */
export const absent = fc.constantFrom(undefined, null, '')

/** Anything JSON can carry, small. */
export const junk = fc.oneof(
  { depthSize: 'small' },
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
)

/** An ObjectId-shaped string or a near miss (A4). */
export function objectId(real: readonly string[] = []) {
  return fc.oneof(
    ...(real.length > 0
      ? [{ weight: 4, arbitrary: fc.constantFrom(...real) }]
      : []),
    { weight: 2, arbitrary: fc.stringMatching(/^[a-f0-9]{24}$/) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-fA-F0-9]{23,25}$/) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: junk },
  )
}

/** A cluster name or a near miss (A4: ^[a-zA-Z0-9][a-zA-Z0-9-]*$). */
export function clusterName(real: readonly string[] = []) {
  return fc.oneof(
    ...(real.length > 0
      ? [{ weight: 4, arbitrary: fc.constantFrom(...real) }]
      : []),
    {
      weight: 1,
      arbitrary: fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9-]{0,20}$/),
    },
    { weight: 1, arbitrary: fc.stringMatching(/^[-_. a-z]{1,8}$/) },
    { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
    { weight: 1, arbitrary: junk },
  )
}

/** Epoch seconds around the bounds of R4, around `now`, and beyond. */
export function epochSeconds(nowSeconds: number) {
  return fc.oneof(
    fc.integer({ min: nowSeconds - 10 * 86_400, max: nowSeconds + 3_600 }),
    fc.constantFrom(1199145599, 1199145600, 2147483647, 2147483648, 0, -1),
    fc.integer({ min: 1199145600, max: 2147483647 }),
    fc.double({ min: nowSeconds - 86_400, max: nowSeconds, noNaN: true }),
    fc.integer(),
    junk,
  )
}

/** An integer near `lo`..`hi`, or not an integer at all. */
export function intAround(lo: number, hi: number) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: lo, max: hi }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(lo - 1, hi + 1, 0, -1, 2147483648),
    },
    { weight: 1, arbitrary: fc.double({ noNaN: true }) },
    { weight: 1, arbitrary: junk },
  )
}

/** One of `values`, or something else. */
export function oneOf<T>(values: readonly T[]) {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: junk },
  )
}

/**
 * A JSON object with these fields, each present or not, sometimes with an extra field; or,
 * now and then, any JSON at all in its place.
 */
export function body(fields: Record<string, fc.Arbitrary<unknown>>) {
  const shaped = fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.option(fc.tuple(fc.string({ maxLength: 12 }), junk), { freq: 6 }),
    )
    .map(([record, extra]) => {
      const clean = Object.fromEntries(
        Object.entries(record).filter(([, v]) => v !== undefined),
      )
      return extra ? { ...clean, [extra[0]]: extra[1] } : clean
    })
  return fc.oneof(
    { weight: 9, arbitrary: shaped },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  )
}

/** An Idempotency-Key header: mostly a fresh valid key, sometimes missing or malformed. */
export const idempotencyHeaders = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.uuid().map((u) => ({ 'idempotency-key': `fuzz-${u}` })),
  },
  { weight: 1, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc
      .string({ maxLength: 140 })
      .filter((k) => /^[\x21-\x7e]*$/.test(k))
      .map((k) => ({ 'idempotency-key': k })),
  },
)

/** A path segment: usually the real one, sometimes a near miss, percent-encoded. */
export function segment(
  real: fc.Arbitrary<string>,
  fuzzed: fc.Arbitrary<unknown>,
) {
  return fc
    .oneof({ weight: 4, arbitrary: real }, { weight: 1, arbitrary: fuzzed })
    .map((v) => encodeURIComponent(String(v)))
    .filter((v) => v !== '' && v !== '.' && v !== '..')
}
