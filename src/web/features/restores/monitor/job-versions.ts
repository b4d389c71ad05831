import type {
  LiveJob,
  RestoreJobList,
} from '../../../../contract/bff/job-events'
import { refOf, sameJob } from './job-model'

// A job reaches the cache two ways, the event stream and plain reads, over two connections:
// an answer made before an event can land after it. The BFF stamps each state with when it
// changed (updatedAt) and when Atlas last answered (checkedAt), so the newer one is kept.

function versionOf(job: LiveJob): string {
  const { updatedAt, checkedAt } = job
  return (updatedAt ?? '') > (checkedAt ?? '')
    ? (updatedAt ?? '')
    : (checkedAt ?? '')
}

/** `incoming`, unless what is held is strictly newer (a tie goes to the newcomer). */
export function newerOf(held: LiveJob | undefined, incoming: LiveJob): LiveJob {
  return held && versionOf(held) > versionOf(incoming) ? held : incoming
}

/** A freshly read list, each job kept as held where the held one is newer. */
export function mergeList(
  held: RestoreJobList | undefined,
  read: RestoreJobList,
): RestoreJobList {
  if (!held) return read
  return {
    ...read,
    results: read.results.map((job) =>
      newerOf(
        held.results.find((h) => sameJob(refOf(h), refOf(job))),
        job,
      ),
    ),
  }
}
