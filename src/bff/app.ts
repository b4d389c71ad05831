import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify'
import { randomUUID } from 'node:crypto'

import { readCookie, SESSION_COOKIE } from './auth/cookies'
import { checkCsrfToken, checkOrigin, isMutating } from './auth/csrf'
import { findSession } from './db/sessions-repo'
import type { BffDeps } from './deps'
import { ApiProblem } from './http/errors'
import { securityHeaders } from './http/security-headers'
import { registerSpa } from './http/static-spa'
import { registerRoutes } from './routes/register'

/** Builds the BFF without listening, so tests can start it on any port. */
export async function buildApp(deps: BffDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      deps.config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: deps.config.LOG_LEVEL,
            // Credentials and cookies never reach a log line.
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'res.headers["set-cookie"]',
            ],
          },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 256 * 1024,
    trustProxy: false,
    // A URL the router cannot take (bad percent-encoding, an overlong segment) is refused
    // before any hook runs; it gets the envelope too, naming the path (found by src/bff/fuzz).
    frameworkErrors: (error, request, reply) => {
      sendBadUrl(error, request, reply)
    },
  })

  app.decorateRequest('session', undefined)

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
    for (const [name, value] of Object.entries(securityHeaders))
      reply.header(name, value)
    if (!request.url.startsWith('/api/')) return
    reply.header('cache-control', 'no-store')
    const id = readCookie(request.headers.cookie, SESSION_COOKIE)
    request.session = id ? findSession(deps.db, id, deps.now()) : undefined
    if (isMutating(request.method)) {
      checkOrigin(request, deps.config.ALLOWED_ORIGINS)
      if (request.session) checkCsrfToken(request, request.session.csrfToken)
    }
  })

  app.addHook('onResponse', async (request, reply) => {
    deps.metrics.recordRequest(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    )
  })

  app.setErrorHandler((error, request, reply) => {
    const statusCode = (error as { statusCode?: number }).statusCode
    const problem =
      error instanceof ApiProblem
        ? error
        : statusCode === 400 || statusCode === 415
          ? new ApiProblem(
              400,
              'MALFORMED_REQUEST',
              'The request body is not valid JSON.',
              [{ field: 'body', description: 'not valid JSON' }],
            )
          : statusCode === 413
            ? new ApiProblem(
                413,
                'REQUEST_TOO_LARGE',
                'The request body is too large.',
              )
            : new ApiProblem(
                500,
                'UNEXPECTED_ERROR',
                'Something went wrong on our side; the request id identifies it in the log.',
              )
    if (problem.status >= 500)
      request.log.error({ err: error }, 'request failed')
    for (const [name, value] of Object.entries(problem.headers))
      reply.header(name, value)
    return reply
      .code(problem.status)
      .type('application/json')
      .send(problem.toBody(request.id))
  })

  const spaBuilt = await registerSpa(app, deps.config.staticDir)
  if (!spaBuilt)
    app.log.warn(`No built SPA at ${deps.config.staticDir}: run npm run build`)
  app.setNotFoundHandler((request, reply) => {
    if (
      spaBuilt &&
      request.method === 'GET' &&
      !request.url.startsWith('/api/')
    ) {
      return reply
        .type('text/html')
        .header('cache-control', 'no-cache')
        .sendFile('index.html')
    }
    return reply
      .code(404)
      .type('application/json')
      .send(
        new ApiProblem(
          404,
          'RESOURCE_NOT_FOUND',
          `No route for ${request.method} ${request.url.split('?')[0] ?? ''}.`,
        ).toBody(request.id),
      )
  })

  registerRoutes(app, deps)
  return app
}

function sendBadUrl(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH'
  const problem = tooLong
    ? new ApiProblem(414, 'URI_TOO_LONG', 'A part of the URL is too long.', [
        { field: 'path', description: 'a segment is too long' },
      ])
    : new ApiProblem(400, 'MALFORMED_URL', 'The URL is not valid.', [
        { field: 'path', description: 'not a valid URL' },
      ])
  void reply
    .code(problem.status)
    .type('application/json')
    .send(problem.toBody(request.id))
}
