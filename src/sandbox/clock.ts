import { type SandboxDb, getMeta, setMeta } from './state/db'

// The sandbox's notion of now: real time plus an offset that tests and demos can advance.
// The offset is persisted, so a restart does not send the sandbox back in time.
export class SandboxClock {
  private offsetMs: number

  constructor(private readonly db: SandboxDb) {
    this.offsetMs = Number(getMeta(db, 'clock.offsetMs') ?? '0')
  }

  now(): number {
    return Date.now() + this.offsetMs
  }

  advance(ms: number): number {
    this.offsetMs += ms
    setMeta(this.db, 'clock.offsetMs', String(this.offsetMs))
    return this.now()
  }

  reset(): void {
    this.offsetMs = 0
    setMeta(this.db, 'clock.offsetMs', '0')
  }
}
