import { randomBytes } from 'node:crypto'

/** A 24-hex id shaped like a MongoDB ObjectId: 4 bytes of seconds, then 8 random bytes. */
export function newObjectId(atMs: number = Date.now()): string {
  const seconds = Math.floor(atMs / 1000)
    .toString(16)
    .padStart(8, '0')
  return seconds + randomBytes(8).toString('hex')
}
