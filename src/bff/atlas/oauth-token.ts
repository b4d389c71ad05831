import type { Pool } from 'undici'
import { z } from 'zod'

import { ApiProblem } from '../http/errors'

const tokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
})

// A6: service-account tokens last an hour and the token endpoint is itself rate limited, so
// one token is cached until shortly before it expires, and concurrent callers share a fetch.
const REFRESH_MARGIN_MS = 5 * 60_000

export class OAuthTokenSource {
  private token: { value: string; expiresAt: number } | undefined
  private pending: Promise<string> | undefined

  constructor(
    private readonly pool: Pool,
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.token && this.token.expiresAt - REFRESH_MARGIN_MS > this.now()) {
      return this.token.value
    }
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined
    })
    return this.pending
  }

  invalidate(): void {
    this.token = undefined
  }

  private async fetchToken(): Promise<string> {
    const basic = Buffer.from(`${this.clientId}:${this.clientSecret}`).toString(
      'base64',
    )
    const res = await this.pool.request({
      method: 'POST',
      path: '/api/oauth/token',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: 'grant_type=client_credentials',
    })
    const text = await res.body.text()
    if (res.statusCode !== 200) {
      throw new ApiProblem(
        502,
        'UPSTREAM_AUTH_FAILED',
        `Atlas refused the service account's credentials (HTTP ${res.statusCode}). Check ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET.`,
      )
    }
    const parsed = tokenSchema.parse(JSON.parse(text))
    this.token = {
      value: parsed.access_token,
      expiresAt: this.now() + parsed.expires_in * 1000,
    }
    return parsed.access_token
  }
}
