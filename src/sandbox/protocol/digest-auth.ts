import {
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'

// HTTP Digest (RFC 7616, MD5, qop=auth) as Atlas uses it for API keys (A6). Nonces are
// stateless: a timestamp signed with a per-process secret, valid for five minutes.
export const DIGEST_REALM = 'MMS Public API'
const NONCE_TTL_MS = 5 * 60_000
const nonceSecret = randomBytes(32)

const md5 = (text: string) => createHash('md5').update(text).digest('hex')

export function newNonce(nowMs: number = Date.now()): string {
  const stamp = nowMs.toString(36)
  const signature = createHmac('sha256', nonceSecret)
    .update(stamp)
    .digest('base64url')
  return `${stamp}.${signature}`
}

function nonceState(nonce: string, nowMs: number): 'valid' | 'stale' | 'bad' {
  const [stamp, signature] = nonce.split('.')
  if (!stamp || !signature) return 'bad'
  const expected = createHmac('sha256', nonceSecret)
    .update(stamp)
    .digest('base64url')
  if (
    expected.length !== signature.length ||
    !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))
  ) {
    return 'bad'
  }
  return nowMs - parseInt(stamp, 36) > NONCE_TTL_MS ? 'stale' : 'valid'
}

export function digestChallenge(stale = false): string {
  return `Digest realm="${DIGEST_REALM}", domain="", nonce="${newNonce()}", algorithm=MD5, qop="auth", stale=${stale}`
}

/** Parses `Digest a="b", c=d` into its parameters. */
export function parseDigestHeader(header: string): Record<string, string> {
  const params: Record<string, string> = {}
  const body = header.replace(/^Digest\s+/i, '')
  for (const match of body.matchAll(
    /(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g,
  )) {
    const key = match[1]
    if (key) params[key] = match[2] ?? match[3] ?? ''
  }
  return params
}

export type DigestResult =
  { ok: true; username: string } | { ok: false; stale: boolean }

export function verifyDigest(
  header: string,
  method: string,
  lookupSecret: (username: string) => string | undefined,
  nowMs: number = Date.now(),
): DigestResult {
  const p = parseDigestHeader(header)
  const { username, nonce, uri, response, qop, nc, cnonce } = p
  if (!username || !nonce || !uri || !response)
    return { ok: false, stale: false }
  const state = nonceState(nonce, nowMs)
  if (state !== 'valid') return { ok: false, stale: state === 'stale' }
  const secret = lookupSecret(username)
  if (secret === undefined) return { ok: false, stale: false }
  const ha1 = md5(`${username}:${p.realm ?? DIGEST_REALM}:${secret}`)
  const ha2 = md5(`${method}:${uri}`)
  const expected =
    qop === 'auth'
      ? md5(`${ha1}:${nonce}:${nc ?? ''}:${cnonce ?? ''}:auth:${ha2}`)
      : md5(`${ha1}:${nonce}:${ha2}`)
  const matches =
    expected.length === response.length &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(response))
  return matches ? { ok: true, username } : { ok: false, stale: false }
}
