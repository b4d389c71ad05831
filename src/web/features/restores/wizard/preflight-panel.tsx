import { LoadFailure } from '../../../components/load-failure'
import type { PreflightStatus } from './preflight'
import type { Preflight } from './use-preflight'

const icon: Record<PreflightStatus, string> = {
  pass: '✓',
  warn: '!',
  fail: '✕',
}
const word: Record<PreflightStatus, string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
}

/** The pre-flight lines, each with an icon and a word (never colour alone), then a summary. */
export function PreflightPanel({
  target,
  preflight,
}: {
  target: string
  preflight: Preflight
}) {
  if (preflight.state === 'loading') {
    return (
      <p role="status" className="preflight-status">
        Checking {target}…
      </p>
    )
  }
  if (preflight.state === 'error') {
    return (
      <LoadFailure
        error={preflight.error}
        what={`The pre-flight check of ${target}`}
        onRetry={preflight.retry}
      />
    )
  }
  const fails = preflight.lines.filter((l) => l.status === 'fail').length
  const warns = preflight.lines.filter((l) => l.status === 'warn').length
  return (
    <section aria-labelledby="preflight-title" className="preflight">
      <h3 id="preflight-title">Pre-flight check of {target}</h3>
      <p role="status">
        {fails > 0
          ? `${fails} ${fails === 1 ? 'check fails' : 'checks fail'}: the restore cannot go ahead.`
          : warns > 0
            ? `All checks pass, with ${warns} ${warns === 1 ? 'warning' : 'warnings'}.`
            : 'All checks pass.'}
      </p>
      <ul className="preflight-lines">
        {preflight.lines.map((l) => (
          <li key={l.id} className={`preflight-${l.status}`}>
            <span aria-hidden="true" className="preflight-icon">
              {icon[l.status]}
            </span>{' '}
            <strong>
              {word[l.status]}: {l.title}.
            </strong>{' '}
            {l.detail}
          </li>
        ))}
      </ul>
    </section>
  )
}
