import type { FastifyInstance } from 'fastify'
import { z } from 'zod'

import {
  type User,
  type UserList,
  createUserRequestSchema,
  updateUserRequestSchema,
  userNameSchema,
} from '../../contract/bff/users'
import { requireAction } from '../auth/guard'
import {
  UserAdminError,
  addUser,
  changeUser,
  checkKeepsAnAdmin,
} from '../auth/user-admin'
import type { BffDeps } from '../deps'
import type { User as StoredUser } from '../db/users-repo'
import { findUser, listUsers } from '../db/users-repo'
import { ApiProblem } from '../http/errors'
import { parseWith } from '../http/validate'
import { auditedWrite } from './write-kit'

// Operator accounts, admins only (R9 manageUsers). Every change is audited; a password never
// reaches the audit trail, the log or a response.

const present = (user: StoredUser): User => ({
  name: user.name,
  role: user.role,
  createdAt: new Date(user.createdAt).toISOString(),
})

function problemOf(error: unknown): unknown {
  if (!(error instanceof UserAdminError)) return error
  const field = error.code === 'LAST_ADMIN' ? 'role' : 'name'
  const status = error.code === 'USER_NOT_FOUND' ? 404 : 409
  return new ApiProblem(status, error.code, error.message, [
    { field, description: error.message },
  ])
}

const nameParams = z.object({ name: userNameSchema })

export function registerUserRoutes(app: FastifyInstance, deps: BffDeps): void {
  app.get('/api/users', (request, reply) => {
    requireAction(request, 'manageUsers')
    const list: UserList = { users: listUsers(deps.db).map(present) }
    return reply.send(list)
  })

  app.post('/api/users', async (request, reply) => {
    const session = requireAction(request, 'manageUsers')
    const body = parseWith(createUserRequestSchema, request.body)
    if (findUser(deps.db, body.name)) {
      throw problemOf(
        new UserAdminError(
          'USER_EXISTS',
          `A user named ${body.name} already exists.`,
        ),
      )
    }
    const result = await auditedWrite(
      deps,
      request,
      {
        action: 'user.create',
        actor: session.userName,
        target: body.name,
        details: { name: body.name, role: body.role },
      },
      async () => {
        try {
          const user = await addUser(deps.db, body, deps.now())
          return { status: 201, body: present(user) }
        } catch (error) {
          throw problemOf(error)
        }
      },
    )
    return reply.code(result.status).send(result.body)
  })

  app.patch('/api/users/:name', async (request, reply) => {
    const session = requireAction(request, 'manageUsers')
    const { name } = parseWith(nameParams, request.params)
    const change = parseWith(updateUserRequestSchema, request.body)
    const existing = findUser(deps.db, name)
    if (!existing) {
      throw problemOf(
        new UserAdminError('USER_NOT_FOUND', `There is no user ${name}.`),
      )
    }
    try {
      if (change.role) checkKeepsAnAdmin(deps.db, name, change.role)
    } catch (error) {
      throw problemOf(error)
    }
    const result = await auditedWrite(
      deps,
      request,
      {
        action: 'user.update',
        actor: session.userName,
        target: name,
        details: {
          name,
          ...(change.role === undefined
            ? {}
            : { role: { before: existing.role, after: change.role } }),
          passwordChanged: change.password !== undefined,
        },
      },
      async () => {
        try {
          const changed = await changeUser(deps.db, name, change, {
            keepAnAdmin: true,
          })
          return { status: 200, body: present(changed.user) }
        } catch (error) {
          throw problemOf(error)
        }
      },
    )
    return reply.code(result.status).send(result.body)
  })
}
