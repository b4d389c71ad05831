import Fastify, { type FastifyInstance } from 'fastify'

import type { SandboxContext } from './context'
import { AtlasError } from './protocol/api-error'
import { digestChallenge, verifyDigest } from './protocol/digest-auth'
import {
  checkClientCredentials,
  issueToken,
  verifyBearer,
} from './protocol/oauth'
import { endpointSetOf } from './protocol/rate-limit'
import { registerAtlasRoutes } from './routes/register'
import { ATLAS_PREFIX } from './routes/route-kit'

const JSON_TYPES = /^application\/(?:vnd\.atlas\.[\w.-]+\+)?json/
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Builds the sandbox without listening; tests and `npm start` listen on their own ports. */
export function buildSandboxApp(ctx: SandboxContext): FastifyInstance {
  const app = Fastify({
    logger:
      ctx.config.SANDBOX_LOG_LEVEL === 'silent'
        ? false
        : { level: ctx.config.SANDBOX_LOG_LEVEL },
    bodyLimit: 1024 * 1024,
  })

  app.removeAllContentTypeParsers()
  app.addContentTypeParser(
    JSON_TYPES,
    { parseAs: 'string' },
    (_req, body, done) => {
      const text = String(body)
      if (text.trim() === '') return done(null, undefined)
      try {
        done(null, JSON.parse(text))
      } catch {
        done(
          new AtlasError(
            400,
            'MALFORMED_REQUEST_BODY',
            'The request body is not valid JSON.',
          ),
          undefined,
        )
      }
    },
  )
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  )

  // Faults first: they stand for the network and Atlas's own failures, before auth.
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    if (!path.startsWith('/api/')) return
    for (const fault of ctx.faults.take(request.method, path, ['latency'])) {
      await sleep(fault.latencyMs ?? 1000)
    }
    if (ctx.faults.take(request.method, path, ['drop']).length > 0) {
      request.raw.socket.destroy()
      return reply.hijack()
    }
    const [failure] = ctx.faults.take(request.method, path, ['status'])
    if (failure) {
      const status = failure.status ?? 503
      throw new AtlasError(
        status,
        failure.errorCode ??
          (status === 429
            ? 'RATE_LIMITED_TOKEN_BUCKET'
            : status === 503
              ? 'SERVICE_UNAVAILABLE'
              : 'UNEXPECTED_ERROR'),
        `Injected fault: ${status}.`,
        [],
        [],
        failure.retryAfterSeconds !== undefined
          ? { 'Retry-After': String(failure.retryAfterSeconds) }
          : {},
      )
    }
  })

  // A6: digest with an API key, or a bearer token from /api/oauth/token.
  app.addHook('preHandler', async (request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    if (!path.startsWith(ATLAS_PREFIX)) return
    const header = request.headers.authorization ?? ''
    const now = Date.now()
    if (header.startsWith('Bearer ')) {
      if (!verifyBearer(ctx.db, header, now)) {
        throw new AtlasError(
          401,
          'UNAUTHORIZED',
          'The access token is invalid or expired.',
        )
      }
    } else {
      const result = header.startsWith('Digest ')
        ? verifyDigest(
            header,
            request.method,
            (user) =>
              user === ctx.config.SANDBOX_PUBLIC_KEY
                ? ctx.config.SANDBOX_PRIVATE_KEY
                : undefined,
            now,
          )
        : { ok: false as const, stale: false }
      if (!result.ok) {
        reply.header('WWW-Authenticate', digestChallenge(result.stale))
        throw new AtlasError(
          401,
          'UNAUTHORIZED',
          header === ''
            ? 'You are not authorized for this resource: no credentials were sent.'
            : 'You are not authorized for this resource: the credentials are invalid.',
        )
      }
    }
    const groupId = /\/groups\/([^/?]+)/.exec(path)?.[1] ?? 'org'
    const decision = ctx.rateLimiter.take(
      endpointSetOf(request.method, path),
      groupId,
    )
    reply.header('RateLimit-Limit', String(decision.limit))
    reply.header('RateLimit-Remaining', String(decision.remaining))
  })

  // The Date header tells clients the sandbox's (possibly advanced) time, as Atlas's tells theirs.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('date', new Date(ctx.clock.now()).toUTCString())
    return payload
  })

  // `pretty` and `envelope` query parameters, on every Atlas response.
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || !request.url.startsWith(ATLAS_PREFIX))
      return payload
    const query = request.query as Record<string, string | undefined>
    if (query.envelope !== 'true' && query.pretty !== 'true') return payload
    let body: unknown = payload === '' ? undefined : JSON.parse(payload)
    if (query.envelope === 'true')
      body = { content: body, status: reply.statusCode }
    return JSON.stringify(body, null, query.pretty === 'true' ? 2 : 0)
  })

  app.setErrorHandler((error, request, reply) => {
    const atlasError =
      error instanceof AtlasError
        ? error
        : (error as { statusCode?: number }).statusCode === 413
          ? new AtlasError(
              413,
              'REQUEST_TOO_LARGE',
              'The request body is too large.',
            )
          : (error as { statusCode?: number }).statusCode === 415
            ? new AtlasError(
                415,
                'UNSUPPORTED_MEDIA_TYPE',
                'Send the body as JSON with the versioned media type.',
              )
            : new AtlasError(500, 'UNEXPECTED_ERROR', 'Unexpected error.')
    if (atlasError.status >= 500 && !(error instanceof AtlasError))
      request.log.error(error)
    for (const [name, value] of Object.entries(atlasError.headers))
      reply.header(name, value)
    return reply
      .code(atlasError.status)
      .type('application/json')
      .send(atlasError.toBody())
  })

  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .type('application/json')
      .send(
        new AtlasError(
          404,
          'RESOURCE_NOT_FOUND',
          `Cannot find resource ${request.url.split('?')[0] ?? ''}.`,
        ).toBody(),
      ),
  )

  app.post('/api/oauth/token', (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string | undefined>
    if (
      !checkClientCredentials(
        request.headers.authorization,
        ctx.config.SANDBOX_CLIENT_ID,
        ctx.config.SANDBOX_CLIENT_SECRET,
      )
    ) {
      return reply.code(401).send({
        error: 'invalid_client',
        error_description: 'Unknown client id or wrong secret.',
      })
    }
    if (body.grant_type !== 'client_credentials') {
      return reply.code(400).send({
        error: 'unsupported_grant_type',
        error_description: 'Only client_credentials is supported.',
      })
    }
    return reply
      .header('Cache-Control', 'no-store')
      .send(issueToken(ctx.db, ctx.config.SANDBOX_CLIENT_ID, Date.now()))
  })

  registerAtlasRoutes(app, ctx)
  return app
}
