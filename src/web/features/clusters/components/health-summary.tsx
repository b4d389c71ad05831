import type {
  Overview,
  OverviewProblem,
} from '../../../../contract/bff/overview'

type HealthSummaryProps = {
  summary: Overview['summary']
  problem: OverviewProblem | undefined
  onProblem: (problem: OverviewProblem | undefined) => void
}

export const problemLabels: Record<OverviewProblem, string> = {
  stale: 'Stale backup',
  failed: 'Latest snapshot failed',
  'backup-off': 'Backup off',
  unreachable: 'Atlas did not answer',
}

const tiles: { problem: OverviewProblem; one: string; many: string }[] = [
  {
    problem: 'stale',
    one: 'cluster with a stale backup',
    many: 'clusters with stale backups',
  },
  {
    problem: 'failed',
    one: 'cluster whose latest snapshot failed',
    many: 'clusters whose latest snapshot failed',
  },
  {
    problem: 'backup-off',
    one: 'cluster with backup off',
    many: 'clusters with backup off',
  },
  {
    problem: 'unreachable',
    one: 'cluster Atlas did not answer for',
    many: 'clusters Atlas did not answer for',
  },
]

function count(summary: Overview['summary'], problem: OverviewProblem) {
  switch (problem) {
    case 'stale':
      return summary.stale
    case 'failed':
      return summary.failed
    case 'backup-off':
      return summary.backupOff
    case 'unreachable':
      return summary.unreachable
  }
}

/** Backup health at a glance; each count filters the list to the clusters it counts. */
export function HealthSummary({
  summary,
  problem,
  onProblem,
}: HealthSummaryProps) {
  const healthy =
    summary.stale + summary.failed + summary.backupOff + summary.unreachable ===
    0
  return (
    <section aria-labelledby="health-title" className="health-summary">
      <h2 id="health-title">Backup health</h2>
      <p>
        {summary.clusters} clusters;{' '}
        {healthy
          ? 'every one has a recent, successful backup.'
          : 'select a count to list those clusters.'}{' '}
        {summary.activeRestores} active{' '}
        {summary.activeRestores === 1 ? 'restore' : 'restores'}.
      </p>
      <ul className="health-tiles">
        {tiles.map((tile) => {
          const n = count(summary, tile.problem)
          const active = problem === tile.problem
          return (
            <li key={tile.problem}>
              <button
                type="button"
                className={`health-tile${n > 0 ? ' attention' : ''}`}
                aria-pressed={active}
                onClick={() => onProblem(active ? undefined : tile.problem)}
              >
                <span className="health-count">{n}</span>{' '}
                {n === 1 ? tile.one : tile.many}
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
