import type { Overview } from '../../contract/bff/overview'

/** How long a complete overview answers requests that do not ask for a fresh one. */
export const OVERVIEW_FRESH_MS = 5_000

type Kept = { overview: Overview; at: number; writes: number }

/**
 * The overview fans out to every project and deployment, so it is kept for a few seconds:
 * browsers polling the cluster list together share one composition. It is composed anew when a
 * request asks for a fresh one (`Cache-Control: no-cache`: a first load, a Refresh), when the
 * BFF has sent Atlas a write since, and whenever the last one was incomplete (an upstream
 * failure is never served from here). Concurrent compositions are shared.
 */
export class RecentOverview {
  private kept: Kept | undefined
  private pending: Promise<Overview> | undefined

  constructor(
    private readonly compose: () => Promise<Overview>,
    private readonly now: () => number,
    /** How many writes the BFF has sent Atlas so far. */
    private readonly writesSent: () => number,
  ) {}

  get(fresh: boolean): Promise<Overview> {
    const kept = this.kept
    if (
      !fresh &&
      kept &&
      this.now() - kept.at < OVERVIEW_FRESH_MS &&
      kept.writes === this.writesSent()
    ) {
      return Promise.resolve(kept.overview)
    }
    this.pending ??= this.composeAndKeep().finally(() => {
      this.pending = undefined
    })
    return this.pending
  }

  private async composeAndKeep(): Promise<Overview> {
    const writes = this.writesSent()
    const at = this.now()
    // A failure forgets the kept one too: polls must not paper over an outage just seen.
    this.kept = undefined
    const overview = await this.compose()
    const complete =
      overview.projectErrors.length === 0 && overview.summary.unreachable === 0
    this.kept = complete ? { overview, at, writes } : undefined
    return overview
  }
}

/** A request for a fresh answer, as HTTP says it (a browser's reload, our Refresh). */
export function wantsFresh(cacheControl: string | undefined): boolean {
  return /\b(no-cache|no-store|max-age=0)\b/i.test(cacheControl ?? '')
}
