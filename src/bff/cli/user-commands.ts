import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import type { z } from 'zod'

import {
  passwordSchema,
  roleSchema,
  userNameSchema,
} from '../../contract/bff/users'
import { randomPassword } from '../auth/passwords'
import { UserAdminError, addUser, changeUser } from '../auth/user-admin'
import { appendAudit } from '../db/audit-repo'
import type { BffDb } from '../db/db'
import { listUsers } from '../db/users-repo'

export const USAGE = `Usage: npm run user -- <command>

  add NAME --role ROLE [--password PW]   create an operator account
  set-role NAME ROLE                     change a role (ends the user's sessions)
  passwd NAME [--password PW]            set a new password (ends the user's sessions)
  list                                   list the accounts

NAME: 1–64 letters, digits, dots, underscores or hyphens. ROLE: viewer, operator or admin.
Without --password a random password is generated and printed once; a password given on the
command line may stay in the shell history, so prefer the generated one.`

export type Io = { out: (line: string) => void; err: (line: string) => void }

/** A mistake in the command line: exit code 2, with the usage. */
class UsageError extends Error {}

function check<T extends z.ZodType>(
  schema: T,
  value: string | undefined,
  what: string,
): z.infer<T> {
  if (value === undefined) throw new UsageError(`${what} is missing.`)
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    throw new UsageError(
      `${what} ${parsed.error.issues[0]?.message ?? 'is not valid'}.`,
    )
  }
  return parsed.data
}

function cliActor(): string {
  try {
    return `cli:${userInfo().username}`
  } catch {
    return 'cli'
  }
}

/** The CLI writes the audit trail too: intent and outcome at once, as nothing is remote. */
function audit(
  db: BffDb,
  action: string,
  target: string,
  details: Record<string, unknown>,
): void {
  const at = Date.now()
  const actor = cliActor()
  db.transaction(() => {
    const intentId = appendAudit(db, {
      at,
      actor,
      action,
      phase: 'intent',
      target,
      details,
    })
    appendAudit(db, {
      at,
      actor,
      action,
      phase: 'outcome',
      intentId,
      target,
      outcome: 'succeeded',
      details: {},
    })
  })()
}

function expectArgs(positionals: string[], count: number, command: string) {
  if (positionals.length > count) {
    throw new UsageError(
      `${command} takes ${count - 1} argument${count === 2 ? '' : 's'}; unexpected: ${positionals.slice(count).join(' ')}.`,
    )
  }
}

async function run(db: BffDb, argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  })
  const [command, ...rest] = positionals
  if (values.help || command === 'help') {
    io.out(USAGE)
    return
  }
  const given = values.password
  const password =
    given === undefined
      ? undefined
      : check(passwordSchema, given, 'The password')
  switch (command) {
    case 'add': {
      expectArgs(positionals, 2, 'add')
      const name = check(userNameSchema, rest[0], 'NAME')
      const role = check(roleSchema, values.role, 'ROLE (--role)')
      const secret = password ?? randomPassword()
      await addUser(db, { name, role, password: secret }, Date.now())
      audit(db, 'user.create', name, { name, role })
      io.out(`Added ${name} with the role ${role}.`)
      if (password === undefined)
        io.out(`Password for ${name} (shown only once): ${secret}`)
      return
    }
    case 'set-role': {
      expectArgs(positionals, 3, 'set-role')
      const name = check(userNameSchema, rest[0], 'NAME')
      const role = check(roleSchema, rest[1] ?? values.role, 'ROLE')
      const changed = await changeUser(
        db,
        name,
        { role },
        { keepAnAdmin: false },
      )
      audit(db, 'user.update', name, {
        name,
        role: { before: changed.roleBefore, after: role },
        passwordChanged: false,
      })
      io.out(
        changed.sessionsEnded
          ? `${name} is now ${role} (was ${changed.roleBefore}); their sessions were ended.`
          : `${name} already had the role ${role}; nothing changed.`,
      )
      return
    }
    case 'passwd': {
      expectArgs(positionals, 2, 'passwd')
      const name = check(userNameSchema, rest[0], 'NAME')
      const secret = password ?? randomPassword()
      await changeUser(db, name, { password: secret }, { keepAnAdmin: false })
      audit(db, 'user.update', name, { name, passwordChanged: true })
      io.out(`New password set for ${name}; their sessions were ended.`)
      if (password === undefined)
        io.out(`Password for ${name} (shown only once): ${secret}`)
      return
    }
    case 'list': {
      expectArgs(positionals, 1, 'list')
      const users = listUsers(db)
      if (users.length === 0) {
        io.out('No users yet: the BFF creates admin on its first start.')
        return
      }
      const width = Math.max(4, ...users.map((u) => u.name.length))
      io.out(`${'NAME'.padEnd(width)}  ${'ROLE'.padEnd(8)}  CREATED`)
      for (const u of users) {
        io.out(
          `${u.name.padEnd(width)}  ${u.role.padEnd(8)}  ${new Date(u.createdAt).toISOString()}`,
        )
      }
      return
    }
    case undefined:
      throw new UsageError('Which command?')
    default:
      throw new UsageError(`Unknown command: ${command}.`)
  }
}

/** Runs one command; the exit code is 0, 1 (refused: exists, not found) or 2 (usage). */
export async function runUserCommand(
  db: BffDb,
  argv: string[],
  io: Io,
): Promise<number> {
  try {
    await run(db, argv, io)
    return 0
  } catch (error) {
    if (error instanceof UserAdminError) {
      io.err(`Error: ${error.message}`)
      return 1
    }
    // parseArgs reports unknown or malformed options with ERR_PARSE_ARGS_* codes.
    const code = (error as { code?: unknown }).code
    if (
      error instanceof UsageError ||
      (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`Error: ${(error as Error).message}\n\n${USAGE}`)
      return 2
    }
    throw error
  }
}
