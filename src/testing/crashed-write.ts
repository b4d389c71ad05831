import type { BffDb } from '../bff/db/db'
import { claimIdempotency } from '../bff/db/idempotency-repo'
import { idempotencyBodyHash } from '../bff/routes/write-kit'

/**
 * What a write leaves behind when the BFF dies after sending it to Atlas and before recording
 * Atlas's answer: its Idempotency-Key claimed, with no outcome.
 */
export function claimAsCrashed(
  db: BffDb,
  write: { key: string; userName: string; route: string; body: unknown },
): void {
  claimIdempotency(db, {
    key: write.key,
    userName: write.userName,
    route: write.route,
    bodyHash: idempotencyBodyHash(write.route, write.body),
    auditId: null,
    createdAt: Date.now() - 1000,
  })
}
