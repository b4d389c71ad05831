import type { LiveJob } from '../../../../contract/bff/job-events'

// Atlas's own words for the job: the fields R10 derives the state from, exactly as Atlas sent
// them (a failed restore carries no reason; these are all there is), and the whole document.

function show(value: unknown): string {
  if (value === undefined) return 'not set'
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function fieldsOf(job: LiveJob): [string, unknown][] {
  if (!job.doc) return []
  if (job.kind === 'flex') {
    const d = job.doc
    return [
      ['status', d.status],
      ['deliveryType', d.deliveryType],
      ['restoreScheduledDate', d.restoreScheduledDate],
      ['restoreFinishedDate', d.restoreFinishedDate],
      ['expirationDate', d.expirationDate],
    ]
  }
  const d = job.doc
  return [
    ['failed', d.failed],
    ['cancelled', d.cancelled],
    ['expired', d.expired],
    ['finishedAt', d.finishedAt],
    ['expiresAt', d.expiresAt],
    ['deliveryType', d.deliveryType],
  ]
}

export function AtlasRecord({ job }: { job: LiveJob }) {
  if (!job.doc) {
    return <p>Atlas has not sent this job&apos;s document yet.</p>
  }
  return (
    <>
      <dl className="facts atlas-fields">
        {fieldsOf(job).map(([name, value]) => (
          <div key={name}>
            <dt>
              <code>{name}</code>
            </dt>
            <dd>
              <code>{show(value)}</code>
            </dd>
          </div>
        ))}
      </dl>
      <details>
        <summary>The whole document from Atlas</summary>
        <pre className="atlas-doc">{JSON.stringify(job.doc, null, 2)}</pre>
      </details>
    </>
  )
}
