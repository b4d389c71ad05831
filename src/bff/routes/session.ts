import type { FastifyInstance } from 'fastify'

import { signInRequestSchema } from '../../contract/bff/session'
import { verifyPassword } from '../auth/passwords'
import { sessionCookie } from '../auth/cookies'
import { SignInThrottle } from '../auth/sign-in-throttle'
import type { BffDeps } from '../deps'
import { createSession, deleteSession } from '../db/sessions-repo'
import { findUser } from '../db/users-repo'
import { ApiProblem, unauthenticated } from '../http/errors'
import { parseWith } from '../http/validate'

// A real hash to compare against when the user does not exist, so timing reveals nothing.
const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function registerSessionRoutes(
  app: FastifyInstance,
  deps: BffDeps,
): void {
  const throttle = new SignInThrottle(deps.now)
  const ttlMs = deps.config.SESSION_TTL_HOURS * 3_600_000

  app.post('/api/session', async (request, reply) => {
    const { username, password } = parseWith(signInRequestSchema, request.body)
    const keys = [`user:${username}`, `ip:${request.ip}`]
    const delay = throttle.delayFor(keys)
    if (delay > 0) await sleep(delay)
    const user = findUser(deps.db, username)
    const valid = await verifyPassword(
      password,
      user?.passwordHash ?? DUMMY_HASH,
    )
    if (!user || !valid) {
      throttle.failed(keys)
      request.log.warn({ username }, 'sign-in failed')
      throw new ApiProblem(
        401,
        'INVALID_CREDENTIALS',
        'The username or password is wrong.',
        [
          {
            field: 'password',
            description: 'The username or password is wrong.',
          },
        ],
      )
    }
    throttle.succeeded(keys)
    const session = createSession(deps.db, user.name, deps.now(), ttlMs)
    reply.header(
      'set-cookie',
      sessionCookie(session.id, {
        maxAgeSeconds: ttlMs / 1000,
        secure: deps.secureCookies,
      }),
    )
    return reply.send({
      name: user.name,
      role: user.role,
      csrfToken: session.csrfToken,
      expiresAt: new Date(session.expiresAt).toISOString(),
    })
  })

  app.get('/api/session', (request, reply) => {
    const session = request.session
    if (!session) throw unauthenticated()
    return reply.send({
      name: session.userName,
      role: session.role,
      csrfToken: session.csrfToken,
      expiresAt: new Date(session.expiresAt).toISOString(),
    })
  })

  app.delete('/api/session', (request, reply) => {
    if (request.session) deleteSession(deps.db, request.session.idHash)
    reply.header(
      'set-cookie',
      sessionCookie('', { maxAgeSeconds: 0, secure: deps.secureCookies }),
    )
    return reply.code(204).send()
  })
}
