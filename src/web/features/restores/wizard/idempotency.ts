// One Idempotency-Key per distinct request, made when the review step is first reached and
// kept in sessionStorage under the request it stands for: a double click, a retry after a
// network error, or a reload of the review step sends the same key, so the BFF answers with
// the first result instead of starting a second restore.

type Stored = { key: string; resultId?: string | undefined }

const PREFIX = 'backup-console:idempotency:'
const memory = new Map<string, string>()

function read(name: string): string | null {
  try {
    return window.sessionStorage.getItem(name)
  } catch {
    return memory.get(name) ?? null
  }
}

function write(name: string, value: string): void {
  memory.set(name, value)
  try {
    window.sessionStorage.setItem(name, value)
  } catch {
    // Storage refused (private mode, quota): the in-memory copy lasts until a reload.
  }
}

function load(identity: string): Stored | undefined {
  const raw = read(PREFIX + identity)
  if (!raw) return undefined
  try {
    const parsed = JSON.parse(raw) as Partial<Stored>
    return typeof parsed.key === 'string' ? (parsed as Stored) : undefined
  } catch {
    return undefined
  }
}

/** The key for this request, made once and then always the same. */
export function idempotencyKeyFor(identity: string): string {
  const existing = load(identity)
  if (existing) return existing.key
  const key = crypto.randomUUID()
  write(PREFIX + identity, JSON.stringify({ key }))
  return key
}

/** What the request created (a restore job id), so the review step can point to it. */
export function recordResult(identity: string, resultId: string): void {
  const existing = load(identity)
  if (!existing) return
  write(PREFIX + identity, JSON.stringify({ ...existing, resultId }))
}

export function resultOf(identity: string): string | undefined {
  return load(identity)?.resultId
}

/** A stable text for a request: its method, path and body in a fixed order. */
export function requestIdentity(
  path: string,
  body: Record<string, string | number>,
): string {
  const sorted = Object.keys(body)
    .sort()
    .map((k) => [k, body[k]])
  return `POST ${path} ${JSON.stringify(sorted)}`
}
