// Failed sign-ins are slowed down: after a few failures for a name (or from an address), each
// further attempt waits longer, doubling up to a cap. Memory only: a restart forgives.
// A shared address (an office NAT) gets more slack than a single name.
const FREE_FAILURES = { user: 3, ip: 10 }
const BASE_DELAY_MS = 500
const MAX_DELAY_MS = 8_000
const FORGET_AFTER_MS = 15 * 60_000

type Entry = { failures: number; lastAt: number }

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly now: () => number = Date.now) {}

  /** How long to wait before answering an attempt for these keys. */
  delayFor(keys: readonly string[]): number {
    let delay = 0
    for (const key of keys) {
      const free = key.startsWith('ip:') ? FREE_FAILURES.ip : FREE_FAILURES.user
      const excess = this.current(key) - free
      if (excess >= 0) {
        delay = Math.max(
          delay,
          Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** excess),
        )
      }
    }
    return delay
  }

  failed(keys: readonly string[]): void {
    for (const key of keys) {
      this.entries.set(key, {
        failures: this.current(key) + 1,
        lastAt: this.now(),
      })
    }
  }

  succeeded(keys: readonly string[]): void {
    for (const key of keys) this.entries.delete(key)
  }

  private current(key: string): number {
    const entry = this.entries.get(key)
    if (!entry) return 0
    if (this.now() - entry.lastAt > FORGET_AFTER_MS) {
      this.entries.delete(key)
      return 0
    }
    return entry.failures
  }
}
