import type { FastifyRequest } from 'fastify'

import { ApiProblem } from '../http/errors'

export const CSRF_HEADER = 'x-csrf-token'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function isMutating(method: string): boolean {
  return !SAFE_METHODS.has(method)
}

/**
 * A mutating request must come from our own origin (or one listed in ALLOWED_ORIGINS) and,
 * once signed in, carry the session's CSRF token in a header no cross-site form can set.
 */
export function checkOrigin(
  request: FastifyRequest,
  allowedOrigins: readonly string[],
): void {
  const origin = request.headers.origin
  const fetchSite = request.headers['sec-fetch-site']
  const own = `${request.protocol}://${request.host}`
  if (origin !== undefined) {
    if (origin !== own && !allowedOrigins.includes(origin)) {
      throw new ApiProblem(
        403,
        'CROSS_SITE_REQUEST',
        `Requests from ${origin} are not accepted.`,
      )
    }
    return
  }
  if (fetchSite === 'cross-site') {
    throw new ApiProblem(
      403,
      'CROSS_SITE_REQUEST',
      'Cross-site requests are not accepted.',
    )
  }
}

export function checkCsrfToken(
  request: FastifyRequest,
  expected: string,
): void {
  if (request.headers[CSRF_HEADER] !== expected) {
    throw new ApiProblem(
      403,
      'CSRF_TOKEN_MISMATCH',
      'The request lacks this session’s CSRF token: reload the page and try again.',
    )
  }
}
