import fc from 'fast-check'

// Field values for the route fuzzers. Each field has values it takes and near misses (the
// edges where validation lives, wrong types, absence); bodies are mostly a valid one with one
// field spoiled, so that requests get past validation to the rule checks and to Atlas as often
// as they are refused.

export type Field = {
  valid: fc.Arbitrary<unknown>
  invalid: fc.Arbitrary<unknown>
}

/** Anything JSON can carry, small. */
export const junk = fc.oneof(
  { depthSize: 'small' },
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, '', undefined),
)

const realOr = (real: readonly string[], fallback: fc.Arbitrary<string>) =>
  real.length > 0
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, fallback)
    : fallback

/** A real id (or any well-formed one); near misses of A4's ^[a-f0-9]{24}$. */
export function objectId(real: readonly string[] = []): Field {
  return {
    valid: realOr(real, fc.stringMatching(/^[a-f0-9]{24}$/)),
    invalid: fc.oneof(
      fc.stringMatching(/^[a-fA-F0-9]{23}$|^[a-f0-9]{25}$|^[A-F0-9]{24}$/),
      fc.string({ maxLength: 30 }),
      junk,
    ),
  }
}

/** A real name (or any well-formed one); near misses of A4's ^[a-zA-Z0-9][a-zA-Z0-9-]*$. */
export function clusterName(real: readonly string[] = []): Field {
  return {
    valid: realOr(real, fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9-]{0,20}$/)),
    invalid: fc.oneof(
      fc.stringMatching(/^-[a-z]{0,8}$|^[a-z]{1,8}[_. /][a-z]{0,8}$/),
      fc.string({ maxLength: 70 }),
      junk,
    ),
  }
}

/** Seconds in R4's bounds, mostly near now; and just outside them, fractions and the rest. */
export function epochSeconds(nowSeconds: number): Field {
  return {
    valid: fc.oneof(
      {
        weight: 8,
        arbitrary: fc.integer({
          min: nowSeconds - 8 * 86_400,
          max: nowSeconds,
        }),
      },
      { weight: 1, arbitrary: fc.constantFrom(1199145600, 2147483647) },
      {
        weight: 1,
        arbitrary: fc.integer({ min: 1199145600, max: 2147483647 }),
      },
    ),
    invalid: fc.oneof(
      fc.constantFrom(1199145599, 2147483648, 0, -1),
      fc.double({ min: nowSeconds - 86_400, max: nowSeconds, noInteger: true }),
      fc.integer().map(String),
      junk,
    ),
  }
}

/** An integer in [lo, hi]; its neighbours outside, fractions and the rest. */
export function intIn(lo: number, hi: number): Field {
  return {
    valid: fc.integer({ min: lo, max: hi }),
    invalid: fc.oneof(
      fc.constantFrom(lo - 1, hi + 1, 2147483648),
      fc.double({ noNaN: true, noInteger: true }),
      fc.integer({ min: lo, max: hi }).map(String),
      junk,
    ),
  }
}

/** One of `values`; any other string and the rest. */
export function oneOf(values: readonly unknown[]): Field {
  return {
    valid: fc.constantFrom(...values),
    invalid: fc.oneof(fc.string({ maxLength: 12 }), junk),
  }
}

export function text(minLength: number, maxLength: number): Field {
  return {
    valid: fc.string({ minLength, maxLength }),
    invalid: fc.oneof(
      fc.string({ maxLength: Math.max(0, minLength - 1) }),
      fc.string({ minLength: maxLength + 1, maxLength: maxLength + 8 }),
      junk,
    ),
  }
}

export const bool: Field = { valid: fc.boolean(), invalid: junk }

const withoutUndefined = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined))

/**
 * A body: `valid` fields all valid (optional ones present or not), then, mostly, one field
 * spoiled, left out, or a stray one added; now and then any JSON at all.
 */
export function body(
  required: Record<string, Field>,
  optional: Record<string, Field> = {},
): fc.Arbitrary<unknown> {
  const fields = { ...required, ...optional }
  const names = Object.keys(fields)
  const base = fc
    .tuple(
      fc.record(
        Object.fromEntries(
          Object.entries(required).map(([k, f]) => [k, f.valid]),
        ),
      ),
      fc.record(
        Object.fromEntries(
          Object.entries(optional).map(([k, f]) => [k, f.valid]),
        ),
        {
          requiredKeys: [],
        },
      ),
    )
    .map(([r, o]) => ({ ...r, ...o }))
  const spoiled = fc
    .tuple(base, fc.constantFrom(...names), fc.nat({ max: 3 }))
    .chain(([b, name, how]) => {
      if (how === 0)
        return fc.constant(withoutUndefined({ ...b, [name]: undefined }))
      if (how === 1)
        return fc
          .tuple(fc.string({ maxLength: 12 }), junk)
          .map(([k, v]) => ({ ...b, [k]: v }))
      return (fields[name]?.invalid ?? junk).map((v) =>
        withoutUndefined({ ...b, [name]: v }),
      )
    })
  return fc.oneof(
    { weight: 4, arbitrary: base },
    { weight: 5, arbitrary: spoiled },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  )
}

/** Stands for a key no request has used yet; the runner makes one per request. */
export const FRESH_KEY = 'fuzz-fresh-key'

/** An Idempotency-Key header: mostly fresh, sometimes reused, missing or malformed. */
export const idempotencyHeaders = fc.oneof(
  { weight: 7, arbitrary: fc.constant({ 'idempotency-key': FRESH_KEY }) },
  {
    weight: 1,
    arbitrary: fc.constant({ 'idempotency-key': 'fuzz-reused-key' }),
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

/** A path segment: usually valid, sometimes a near miss; percent-encoded. */
export function segment(field: Field) {
  const encoded = fc
    .oneof(
      { weight: 9, arbitrary: field.valid },
      { weight: 1, arbitrary: field.invalid },
    )
    .map((v) => encodeURIComponent(String(v)))
    .filter((v) => v !== '' && v !== '.' && v !== '..')
  // Now and then a percent sign that decodes to nothing.
  return fc.oneof(
    { weight: 30, arbitrary: encoded },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', 'a%2') },
  )
}
