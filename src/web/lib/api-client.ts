import type { z } from 'zod'

import { ApiError, networkError } from './api-error'

// The SPA's only HTTP client: JSON in and out, the CSRF token on writes, errors as ApiError.
// No toasts or redirects here (DESIGN §3): callers and the router decide what to show.
let csrfToken: string | undefined
let onUnauthenticated: (() => void) | undefined
/** Counts sessions: a 401 to a request sent before the current one began ends nothing. */
let sessionEpoch = 0

export function setCsrfToken(token: string | undefined): void {
  if (token !== undefined && token !== csrfToken) sessionEpoch += 1
  csrfToken = token
}

/** Called on any 401 from a signed-in page: the session ended (expiry, sign-out elsewhere). */
export function setUnauthenticatedHandler(
  handler: (() => void) | undefined,
): void {
  onUnauthenticated = handler
}

type RequestOptions = {
  body?: unknown
  headers?: Record<string, string>
  signal?: AbortSignal | undefined
}

async function call(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<{ body: unknown; headers: Headers }> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...options.headers,
  }
  const epoch = sessionEpoch
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body === undefined
        ? {}
        : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError')
      throw error
    throw networkError(error)
  }
  if (!response.ok) {
    const error = await ApiError.fromResponse(response)
    if (
      error.status === 401 &&
      path !== '/api/session' &&
      epoch === sessionEpoch
    )
      onUnauthenticated?.()
    throw error
  }
  if (response.status === 204)
    return { body: undefined, headers: response.headers }
  const text = await response.text()
  return {
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
    headers: response.headers,
  }
}

/** Asks the BFF for a fresh answer rather than one it composed seconds ago (the overview). */
export const FRESH: Record<string, string> = { 'cache-control': 'no-cache' }

export const api = {
  async get<T extends z.ZodType>(
    path: string,
    schema: T,
    signal?: AbortSignal,
    headers?: Record<string, string>,
  ): Promise<z.infer<T>> {
    return schema.parse(
      (await call('GET', path, { signal, ...(headers ? { headers } : {}) }))
        .body,
    )
  },
  async send<T extends z.ZodType>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    schema: T,
    options: RequestOptions = {},
  ): Promise<z.infer<T>> {
    return schema.parse((await call(method, path, options)).body)
  },
  /** The same calls, with the response headers too (e.g. the schedule's ETag). */
  async getWithHeaders<T extends z.ZodType>(
    path: string,
    schema: T,
    signal?: AbortSignal,
  ): Promise<{ body: z.infer<T>; headers: Headers }> {
    const reply = await call('GET', path, { signal })
    return { body: schema.parse(reply.body), headers: reply.headers }
  },
  async sendWithHeaders<T extends z.ZodType>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    schema: T,
    options: RequestOptions = {},
  ): Promise<{ body: z.infer<T>; headers: Headers }> {
    const reply = await call(method, path, options)
    return { body: schema.parse(reply.body), headers: reply.headers }
  },
}
