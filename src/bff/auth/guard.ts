import type { FastifyRequest } from 'fastify'

import { type Action, canPerform } from '../../contract/rules/roles'
import type { Session } from '../db/sessions-repo'
import { ApiProblem, unauthenticated } from '../http/errors'

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | undefined
  }
}

/** The signed-in operator allowed to perform `action`, or the 401/403 to send (R9). */
export function requireAction(
  request: FastifyRequest,
  action: Action,
): Session {
  const session = request.session
  if (!session) throw unauthenticated()
  const allowed = canPerform(session.role, action)
  if (!allowed.ok) {
    throw new ApiProblem(
      403,
      allowed.errorCode ?? 'FORBIDDEN',
      `${allowed.reason}; you are signed in as ${session.role}.`,
    )
  }
  return session
}
