import { randomBytes, timingSafeEqual } from 'node:crypto'

import type { SandboxDb } from '../state/db'

// OAuth2 client credentials for service accounts (A6): tokens last one hour.
export const TOKEN_TTL_SECONDS = 3600

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

export function parseBasicAuth(
  header: string | undefined,
): { user: string; password: string } | undefined {
  if (!header?.startsWith('Basic ')) return undefined
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

export function checkClientCredentials(
  header: string | undefined,
  clientId: string,
  clientSecret: string,
): boolean {
  const basic = parseBasicAuth(header)
  return (
    basic !== undefined &&
    safeEqual(basic.user, clientId) &&
    safeEqual(basic.password, clientSecret)
  )
}

export function issueToken(db: SandboxDb, clientId: string, nowMs: number) {
  const token = randomBytes(32).toString('base64url')
  db.prepare('DELETE FROM oauth_tokens WHERE expires_at < ?').run(nowMs)
  db.prepare(
    'INSERT INTO oauth_tokens (token, client_id, expires_at) VALUES (?, ?, ?)',
  ).run(token, clientId, nowMs + TOKEN_TTL_SECONDS * 1000)
  return {
    access_token: token,
    expires_in: TOKEN_TTL_SECONDS,
    token_type: 'Bearer',
  }
}

export function verifyBearer(
  db: SandboxDb,
  header: string,
  nowMs: number,
): boolean {
  const token = header.slice('Bearer '.length).trim()
  const row = db
    .prepare('SELECT expires_at FROM oauth_tokens WHERE token = ?')
    .get(token) as { expires_at: number } | undefined
  return row !== undefined && row.expires_at > nowMs
}
