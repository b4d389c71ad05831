import { Agent, request } from 'undici'

// Shared by the route fuzzers: how many inputs per route, how each one is sent, and what every
// answer must satisfy. FUZZ_RUNS=10000 npx vitest run src/bff/fuzz runs the long version.

/** Generated inputs per route (and per rule property): 150 in `npm test`. */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 150))

/** A test's time limit for `routes` routes at up to `msPerRun` each. */
export const fuzzTimeout = (routes: number, msPerRun = 60) =>
  60_000 + routes * FUZZ_RUNS * msPerRun

export type FuzzInput = {
  /** Path with query string, as the browser would send it. */
  path: string
  body?: unknown
  /** A raw body, sent as is with content-type application/json. */
  rawBody?: string
  headers?: Record<string, string>
}

export type FuzzAnswer = { status: number; body: unknown; text: string }

/** Sends one generated request; `via` picks the loopback address it comes from. */
export async function send(
  url: string,
  method: string,
  input: FuzzInput,
  via?: Agent,
): Promise<FuzzAnswer> {
  const hasBody = input.body !== undefined || input.rawBody !== undefined
  const res = await request(`${url}${input.path}`, {
    method: method as 'POST',
    headers: {
      origin: url,
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...input.headers,
    },
    ...(hasBody ? { body: input.rawBody ?? JSON.stringify(input.body) } : {}),
    ...(via ? { dispatcher: via } : {}),
  })
  const text = await res.body.text()
  let body: unknown
  try {
    body = text === '' ? undefined : JSON.parse(text)
  } catch {
    body = undefined
  }
  return { status: res.statusCode, body, text }
}

/** Agents whose connections leave from 127.0.0.2, 127.0.0.3, …: the BFF sees other addresses. */
export function loopbackAgents(count: number): Agent[] {
  return Array.from(
    { length: count },
    (_, i) =>
      new Agent({
        localAddress: `127.0.${1 + Math.floor(i / 250)}.${(i % 250) + 2}`,
      }),
  )
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * What is wrong with an answer: a 5xx, or a refusal that is not the ApiError envelope (A2 plus
 * requestId), or a 400 that names no field.
 */
export function answerProblems(answer: FuzzAnswer): string[] {
  const { status, body } = answer
  if (status >= 500)
    return [`server error ${status}: ${answer.text.slice(0, 300)}`]
  if (status < 400) return []
  if (!isObject(body))
    return [`${status} without a JSON envelope: ${answer.text.slice(0, 200)}`]
  const problems: string[] = []
  if (body.error !== status)
    problems.push(`error ${String(body.error)} ≠ status ${status}`)
  for (const key of ['errorCode', 'detail', 'reason', 'requestId'] as const) {
    if (typeof body[key] !== 'string' || body[key] === '')
      problems.push(`no ${key}`)
  }
  if (!Array.isArray(body.parameters)) problems.push('no parameters array')
  if (status === 400) {
    const detail = body.badRequestDetail
    const fields = isObject(detail) ? detail.fields : undefined
    const named =
      Array.isArray(fields) &&
      fields.length > 0 &&
      fields.every(
        (f) => isObject(f) && typeof f.field === 'string' && f.field !== '',
      )
    if (!named) problems.push(`400 ${String(body.errorCode)} names no field`)
  }
  return problems.map((p) => `${p} in ${answer.text.slice(0, 300)}`)
}

/** Upstream writes (POST, PATCH, DELETE) the BFF has made, from its /metrics. */
export async function upstreamWrites(url: string): Promise<number> {
  const res = await request(`${url}/metrics`)
  const text = await res.body.text()
  return text
    .split('\n')
    .filter((line) =>
      /^bff_upstream_calls_total\{method="(POST|PATCH|DELETE)"/.test(line),
    )
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0)
}

/**
 * Sends one input and checks it: the answer's problems, plus any upstream write caused by a
 * request the BFF refused with 400 (an invalid request must never reach Atlas).
 */
export async function check(
  url: string,
  method: string,
  input: FuzzInput,
  via?: Agent,
): Promise<{ answer: FuzzAnswer; problems: string[] }> {
  const before = await upstreamWrites(url)
  const answer = await send(url, method, input, via)
  const writes = (await upstreamWrites(url)) - before
  const problems = answerProblems(answer)
  if (answer.status === 400 && writes > 0)
    problems.push(
      `400 after ${writes} upstream write(s): ${answer.text.slice(0, 300)}`,
    )
  return { answer, problems }
}
