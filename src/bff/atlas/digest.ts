import { createHash, randomBytes } from 'node:crypto'

// Client side of HTTP Digest (RFC 7616, MD5, qop=auth), as Atlas API keys use it (A6).
// The challenge is remembered and reused with an increasing nonce count, so only the first
// request (and one after the server calls the nonce stale) pays an extra round trip.
type Challenge = {
  realm: string
  nonce: string
  qop?: string
  opaque?: string
  algorithm?: string
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex')

export function parseChallenge(header: string): Challenge | undefined {
  if (!/^Digest\s/i.test(header)) return undefined
  const params: Record<string, string> = {}
  for (const m of header.matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    if (m[1]) params[m[1].toLowerCase()] = m[2] ?? m[3] ?? ''
  }
  if (!params.realm || !params.nonce) return undefined
  const qop = params.qop
    ?.split(',')
    .map((q) => q.trim())
    .find((q) => q === 'auth')
  return {
    realm: params.realm,
    nonce: params.nonce,
    ...(qop ? { qop } : {}),
    ...(params.opaque ? { opaque: params.opaque } : {}),
    ...(params.algorithm ? { algorithm: params.algorithm } : {}),
  }
}

export class DigestSigner {
  private challenge: Challenge | undefined
  private nonceCount = 0

  constructor(
    private readonly username: string,
    private readonly password: string,
  ) {}

  get hasChallenge(): boolean {
    return this.challenge !== undefined
  }

  /** Remembers a server challenge from a 401's WWW-Authenticate header. */
  accept(header: string | undefined): boolean {
    const challenge = header ? parseChallenge(header) : undefined
    if (!challenge) return false
    this.challenge = challenge
    this.nonceCount = 0
    return true
  }

  /** The Authorization header for a request, or undefined before any challenge. */
  sign(method: string, uri: string): string | undefined {
    const c = this.challenge
    if (!c) return undefined
    this.nonceCount += 1
    const nc = this.nonceCount.toString(16).padStart(8, '0')
    const cnonce = randomBytes(8).toString('hex')
    const ha1 = md5(`${this.username}:${c.realm}:${this.password}`)
    const ha2 = md5(`${method}:${uri}`)
    const response = c.qop
      ? md5(`${ha1}:${c.nonce}:${nc}:${cnonce}:${c.qop}:${ha2}`)
      : md5(`${ha1}:${c.nonce}:${ha2}`)
    const parts = [
      `username="${this.username}"`,
      `realm="${c.realm}"`,
      `nonce="${c.nonce}"`,
      `uri="${uri}"`,
      `response="${response}"`,
      `algorithm=${c.algorithm ?? 'MD5'}`,
      ...(c.qop ? [`qop=${c.qop}`, `nc=${nc}`, `cnonce="${cnonce}"`] : []),
      ...(c.opaque ? [`opaque="${c.opaque}"`] : []),
    ]
    return `Digest ${parts.join(', ')}`
  }
}
