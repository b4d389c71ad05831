import { hashPassword, randomPassword } from './auth/passwords'
import type { BffDb } from './db/db'
import { countUsers, upsertUser } from './db/users-repo'

/**
 * On the first start, creates `admin` with ADMIN_PASSWORD, or a random password that is
 * returned so the caller prints it once. Later starts change nothing.
 */
export async function ensureFirstAdmin(
  db: BffDb,
  adminPassword: string | undefined,
  now: number,
): Promise<{ created: boolean; password?: string }> {
  if (countUsers(db) > 0) return { created: false }
  const password = adminPassword ?? randomPassword()
  upsertUser(
    db,
    {
      name: 'admin',
      role: 'admin',
      passwordHash: await hashPassword(password),
    },
    now,
  )
  return adminPassword ? { created: true } : { created: true, password }
}
