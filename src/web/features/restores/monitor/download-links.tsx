import type { LiveJob } from '../../../../contract/bff/job-events'
import { formatInstant } from '../../../lib/format-time'
import { useNow } from '../../../lib/use-now'
import { useTimeZone } from '../../../lib/time-zone'
import { downloadLinks, linkExpiresAtMs } from './job-model'
import { formatClock } from './job-text'

type DownloadLinksProps = {
  job: LiveJob
  /** Atlas's clock minus the browser's: the expiry is Atlas's. */
  clockOffsetMs: number
}

/**
 * R3/R6: the archive link(s) of a download, one per replica set for a sharded cluster, with
 * the time left before they stop working, counting down every second.
 */
export function DownloadLinks({ job, clockOffsetMs }: DownloadLinksProps) {
  const { mode } = useTimeZone()
  const now = useNow(1_000) + clockOffsetMs
  const links = downloadLinks(job)
  const expiresAt = linkExpiresAtMs(job)
  const expired =
    job.state === 'expired' || (expiresAt !== undefined && expiresAt <= now)
  const at =
    expiresAt === undefined ? undefined : (
      <time dateTime={new Date(expiresAt).toISOString()}>
        {formatInstant(expiresAt, mode, { seconds: true })}
      </time>
    )

  if (expired) {
    return (
      <p>
        The download link expired{at ? <> at {at}</> : null}. Request a new
        download of the snapshot to get another.
      </p>
    )
  }
  if (links.length === 0) {
    return job.state === 'failed' || job.state === 'cancelled' ? (
      <p>
        No link: the download{' '}
        {job.state === 'failed' ? 'failed' : 'was cancelled'}.
      </p>
    ) : (
      <p>
        Atlas is preparing the archive; its link appears here when it is ready.
      </p>
    )
  }
  return (
    <>
      <ul className="download-links">
        {links.map((link) => (
          <li key={link.url}>
            <a href={link.url} download>
              Download {link.label}
            </a>
          </li>
        ))}
      </ul>
      {expiresAt !== undefined ? (
        <p>
          The link{links.length > 1 ? 's expire' : ' expires'} at {at}, in{' '}
          <strong className="countdown">{formatClock(expiresAt - now)}</strong>.
        </p>
      ) : (
        <p>Atlas gives no expiry for this link.</p>
      )}
    </>
  )
}
